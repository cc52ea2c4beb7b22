import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

/**
 * DNS-rebinding guard: when bound to loopback, a browser may only reach us
 * under a loopback name. A page on evil.example that rebinds its name to
 * 127.0.0.1 still sends `Host: evil.example` and is refused.
 */
export function hostHeaderAllowed(req: IncomingMessage, boundToLoopback: boolean): boolean {
  if (!boundToLoopback) return true;
  const host = req.headers.host;
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0] ?? '';
  return isLoopbackHost(name);
}

/**
 * Browsers send Origin on WebSocket upgrades and cross-site POSTs. When it is
 * present it must be this server's own origin; tools (curl, the CLI) send none.
 */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = req.headers.host;
  if (!host) return false;
  return origin === `http://${host}`;
}
