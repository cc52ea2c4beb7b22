import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ConnectionDetail, Transport } from '../api/transport';
import { connectionMessage, type ConnectionMessage } from './connection-message';
import { useT } from '../i18n/use-t';

/** How long "Reconnected" stays up. */
const reconnectedShownMs = 8000;

/** The desktop transport has no detail: IPC is always connected. */
const alwaysConnected: ConnectionDetail = { state: 'connected', attempts: 0, nextRetryAt: null, changedAt: 0, reconnects: 0, restarted: false, newVersion: null, instance: null };

/**
 * The connection message to show now, kept current: it follows the transport, counts the retry
 * down each second, and shows "Reconnected" for a few seconds after each reconnect.
 */
export function useConnectionMessage(transport: Transport): { message: ConnectionMessage | null; retryNow: () => void; dismiss: () => void } {
  const detail = useSyncExternalStore(
    useCallback((onChange: () => void) => transport.onConnectionChange(onChange), [transport]),
    () => transport.connectionDetail ?? alwaysConnected,
  );
  const now = useSecondClock(detail.nextRetryAt !== null && detail.state === 'reconnecting');
  // The reconnect count whose "Reconnected" was shown long enough (or dismissed); so is a dismissed update.
  const [seenReconnects, setSeenReconnects] = useState(detail.reconnects);
  const [dismissedVersion, setDismissedVersion] = useState<string | null>(null);
  useEffect(() => {
    if (detail.reconnects === seenReconnects) return;
    const timer = setTimeout(() => setSeenReconnects(detail.reconnects), reconnectedShownMs);
    return () => clearTimeout(timer);
  }, [detail.reconnects, seenReconnects]);

  const shown = detail.newVersion !== null && detail.newVersion === dismissedVersion ? { ...detail, newVersion: null } : detail;
  const message = connectionMessage(shown, now, detail.reconnects !== seenReconnects, useT().language);
  const dismiss = useCallback(() => {
    setSeenReconnects(detail.reconnects);
    setDismissedVersion(detail.newVersion);
  }, [detail.reconnects, detail.newVersion]);
  const retryNow = useCallback(() => transport.retryNow?.(), [transport]);
  return { message, retryNow, dismiss };
}

/** Date.now(), updated every second while `running` (for a countdown); may lag behind until the first tick. */
function useSecondClock(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
