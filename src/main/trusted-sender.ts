/** The scheme and host the desktop renderer is served from (see app-protocol.ts). */
export const appScheme = 'app';
export const appHost = 'workbench';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

/**
 * True when a URL belongs to our own renderer: the `app://workbench` build, or
 * the electron-vite dev server during development. Anything else (a page the
 * window was somehow navigated to, an iframe) must not reach the API.
 */
export function isTrustedRendererUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${appScheme}:` && parsed.host === appHost) return true;
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}
