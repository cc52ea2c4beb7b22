/**
 * Who may push problems into the Competitive Companion listener. The extension
 * POSTs JSON to `http://localhost:<port>/` from its background page; any web
 * page the user visits could POST there too (a "simple" cross-site request
 * with `text/plain` needs no preflight), so each check below closes one way in.
 */

/**
 * Only `application/json` (parameters such as `; charset=utf-8` allowed). A web
 * page can send `text/plain` or a form without a preflight, never JSON.
 */
export function isJsonContentType(header: string | undefined): boolean {
  return header?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** Chrome and Edge, Firefox, Safari: the origins browser extensions' own requests carry. */
const extensionOrigin = /^(?:chrome-extension|moz-extension|safari-web-extension):\/\/[\w.-]+$/i;

/**
 * No Origin (tools, and browsers that leave it off an extension's request) or
 * an extension's own. Every web page's cross-site POST carries its origin;
 * `null` is a page in a sandboxed iframe or a redirect, so it is refused too.
 */
export function isExtensionOrigin(origin: string | undefined): boolean {
  return origin === undefined || extensionOrigin.test(origin);
}

/**
 * DNS-rebinding guard: the Host must name this listener on loopback. A page on
 * evil.example whose name is rebound to 127.0.0.1 still sends `Host: evil.example`.
 */
export function isListenerHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  return allowed.includes(host.trim().toLowerCase());
}
