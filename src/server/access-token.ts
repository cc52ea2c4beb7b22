import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookieName = 'vibe_token';

export function createAccessToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Where a request may carry the token: `?token=`, the session cookie, or a Bearer header. */
export function tokenFromRequest(req: IncomingMessage, url: URL): string | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  return cookieValue(req.headers.cookie, tokenCookieName);
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
export function tokenCookie(token: string): string {
  return `${tokenCookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}
