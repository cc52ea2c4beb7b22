import { shell, type Session, type WebContents } from 'electron';
import { isSafeExternalUrl } from './external-links';

/**
 * Permissions the renderer may use: copying (formulas, code) and notifications (a long answer
 * finished while the window was in the background). Everything else (camera, geolocation, …) is denied.
 */
export const allowedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'notifications']);

/**
 * Locks down every web contents the app creates: it may not navigate away
 * from our renderer, open windows, or attach webviews. Web links the user
 * clicks go to the system browser, and only after the URL is checked.
 */
export function hardenWebContents(contents: WebContents, isTrustedUrl: (url: string) => boolean): void {
  const guardNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isTrustedUrl(url)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowedPermissions.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowedPermissions.has(permission));
}
