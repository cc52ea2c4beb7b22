/** Jobs shorter than this finish while the user is still waiting; no notification. */
export const notifyAfterMs = 10_000;

/** A finished job is worth a desktop notification when it was long and the user looked away. */
export function shouldNotify(startedAt: number, finishedAt: number, focused: boolean, visible: boolean): boolean {
  return finishedAt - startedAt >= notifyAfterMs && (!focused || !visible);
}

/**
 * Shows a system notification through the web Notification API (Electron
 * maps it to the OS's; the desktop app grants the permission, a browser asks).
 * Clicking it brings the window forward.
 */
export function notifyWhenAway(startedAt: number, title: string, body: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (!shouldNotify(startedAt, Date.now(), document.hasFocus(), document.visibilityState === 'visible')) return;
  const notification = new Notification(title, { body, silent: false });
  notification.onclick = () => window.focus();
}

/** Asks the browser once, on a user action that starts a long job (browsers require a gesture). */
export function askForNotificationsOnce(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  void Notification.requestPermission().catch(() => undefined);
}
