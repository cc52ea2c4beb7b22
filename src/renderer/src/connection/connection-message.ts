import type { ConnectionDetail } from '../api/transport';

export type ConnectionAction = 'retry' | 'reload' | 'dismiss';

export interface ConnectionMessage {
  /** Which situation; also the banner's `data-state` for tests. */
  kind: 'unreachable' | 'refused' | 'reconnected' | 'updated';
  tone: 'warn' | 'error' | 'ok' | 'info';
  title: string;
  text: string;
  /** A line for whoever runs the server, shown smaller. */
  hint?: string;
  action?: { kind: ConnectionAction; label: string };
}

/**
 * What the banner says about the connection, or null for nothing. Plain words, one situation at a
 * time: unreachable (retrying), refused (needs the new address), reconnected (for a few seconds),
 * a newer server version (reload). `showReconnected` is the hook's few-second window.
 */
export function connectionMessage(detail: ConnectionDetail, now: number, showReconnected: boolean): ConnectionMessage | null {
  if (detail.state === 'refused') {
    return {
      kind: 'refused',
      tone: 'error',
      title: 'The workbench server restarted with a new access address.',
      text: 'Open the address it printed (or ask the person running it). Sessions saved before the restart are kept. If you open the new address in another tab, this one reconnects by itself.',
      hint: 'Running it yourself? Start it with --keep-token (or --token) and the address stays the same across restarts.',
      action: { kind: 'retry', label: 'Check again' },
    };
  }
  if (detail.state === 'reconnecting' && detail.attempts > 0) {
    // `now` may be a tick older than the detail itself.
    const seconds = detail.nextRetryAt === null ? 0 : Math.ceil((detail.nextRetryAt - Math.max(now, detail.changedAt)) / 1000);
    const when = seconds > 0 ? `Trying again in ${seconds} s` : 'Trying again now';
    return {
      kind: 'unreachable',
      tone: 'warn',
      title: 'Cannot reach the workbench server.',
      text: `It may be restarting, or the network is down. ${when} (attempt ${detail.attempts}).`,
      action: { kind: 'retry', label: 'Retry now' },
    };
  }
  if (detail.state !== 'connected') return null;
  if (detail.newVersion !== null) {
    return {
      kind: 'updated',
      tone: 'info',
      title: `The workbench server was updated to version ${detail.newVersion}.`,
      text: 'Reload this page to use the new version.',
      action: { kind: 'reload', label: 'Reload' },
    };
  }
  if (!showReconnected) return null;
  return {
    kind: 'reconnected',
    tone: 'ok',
    title: 'Reconnected.',
    text: detail.restarted
      ? 'The server had restarted, so anything it was doing then (a loaded model, an answer being written, a test run) has stopped.'
      : 'The connection to the workbench server is back.',
    action: { kind: 'dismiss', label: 'Dismiss' },
  };
}
