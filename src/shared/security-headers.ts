/**
 * The renderer's Content-Security-Policy. Monaco sets inline styles (hence
 * 'unsafe-inline' for styles only); scripts come from our own origin only;
 * workers are bundled files; nothing may be framed or loaded from elsewhere.
 * The desktop build carries the same policy in a <meta> tag.
 */
const policy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

export const contentSecurityPolicy = [...policy, "frame-ancestors 'none'"].join('; ');

/** For the <meta> tag of the desktop build: browsers ignore frame-ancestors there. */
export const metaContentSecurityPolicy = policy.join('; ');

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
