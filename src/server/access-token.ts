import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The cookie is named after the port: browsers share cookies between all ports of a host, so two
 * workbenches on 127.0.0.1 (:7860 and :8080) would otherwise overwrite each other's, and the first
 * one's tabs would look as if their server had restarted with a new token.
 */
export function tokenCookieName(port: number): string {
  return `vibe_token_${port}`;
}

/**
 * 24 random bytes, base64url, after a letter: a token that began with "-" (one in 64 did) could not be given back
 * on a command line (`vibe ask --api-key -x…` reads it as an option).
 */
export function createAccessToken(): string {
  return `v${randomBytes(24).toString('base64url')}`;
}

/**
 * Characters a token may have: URL-safe without escaping (it travels in `?token=`) and allowed in a
 * cookie value as is (no `;`, `,`, spaces or quotes). Our own tokens are base64url.
 */
const tokenCharacters = /^[A-Za-z0-9._~-]+$/;

/** Shortest token accepted from `--token`: long enough not to be guessed over the network. */
export const minTokenLength = 16;

/** Why `token` cannot be used as an access token, or null when it can. */
export function accessTokenProblem(token: string, minLength = minTokenLength): string | null {
  if (token.length < minLength) return `it must be at least ${minLength} characters long`;
  if (token.length > 512) return 'it must be at most 512 characters long';
  if (!tokenCharacters.test(token)) return 'it may contain only letters, digits and . _ ~ -';
  if (token.startsWith('-')) return 'it must not begin with "-" (a command line would read it as an option)';
  return null;
}

/** Where a request may carry the token: `?token=`, the session cookie, or a Bearer header. */
export function tokenFromRequest(req: IncomingMessage, url: URL, port: number): string | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  return cookieValue(req.headers.cookie, tokenCookieName(port));
}

export function tokensMatch(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * HttpOnly so page scripts (and anything injected into them) cannot read it;
 * SameSite=Strict so other sites cannot ride on it.
 */
export function tokenCookie(token: string, port: number): string {
  return `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}
