import { fail, type Envelope } from '../../../shared/api/envelope';
import { ConnectionMonitor, type ProbeResult } from './connection-monitor';
import type { Transport } from './transport';

/** A health check that gets no answer in this time counts as unreachable (a half-open connection). */
const probeTimeoutMs = 5000;

/**
 * The browser transport: calls are `POST /api/call/<method>`, events arrive on
 * a WebSocket that the ConnectionMonitor keeps up (and explains when it cannot).
 * The access token travels in an HttpOnly cookie set by the server, so this
 * code never handles it.
 */
export function createWebTransport(location: Location = window.location): Transport {
  const eventListeners = new Set<(name: string, payload: unknown) => void>();
  const monitor = new ConnectionMonitor({
    openSocket: ({ onOpen, onClose }) => {
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      const socket = new WebSocket(`${scheme}://${location.host}/api/events`);
      socket.onopen = onOpen;
      socket.onclose = onClose;
      socket.onmessage = (message) => {
        let data: unknown;
        try {
          data = JSON.parse(String(message.data));
        } catch {
          return;
        }
        const m = data as { type?: unknown; name?: unknown; payload?: unknown };
        if (m.type !== 'event' || typeof m.name !== 'string') return;
        for (const listener of eventListeners) listener(m.name, m.payload);
      };
      return { close: () => socket.close() };
    },
    probe,
    now: () => Date.now(),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout> | undefined),
  });
  monitor.start();

  return {
    kind: 'web',
    async call(method, input) {
      let response: Response;
      try {
        response = await fetch(`/api/call/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify({ input }),
        });
      } catch {
        void monitor.suspect();
        return fail({ name: 'TransportError', code: 'network', message: 'Cannot reach the workbench server. Is `vibe serve` still running?' });
      }
      if (response.status === 401) {
        void monitor.suspect();
        return fail({ name: 'ForbiddenError', code: 'unauthorized', message: 'The workbench server no longer accepts this tab (it restarted with a new access address): open the address it printed.' });
      }
      try {
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return fail({ name: 'TransportError', code: 'bad_response', message: `The server answered ${response.status} without a valid body.` });
      }
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    get connection() {
      return monitor.detail.state;
    },
    get connectionDetail() {
      return monitor.detail;
    },
    onConnectionChange: (listener) => monitor.onChange(listener),
    retryNow: () => monitor.retryNow(),
  };
}

/** Asks whether the server is there and still takes this tab's cookie; never throws. */
async function probe(): Promise<ProbeResult> {
  try {
    const response = await fetch('/api/health', { credentials: 'same-origin', cache: 'no-store', signal: AbortSignal.timeout(probeTimeoutMs) });
    if (response.status === 401) return { kind: 'refused' };
    // Anything else that is not our health answer (a proxy's 502, a page) means ours is not there.
    if (!response.ok) return { kind: 'unreachable' };
    const body = (await response.json()) as { instance?: unknown; version?: unknown };
    return { kind: 'ok', instance: String(body.instance ?? ''), version: String(body.version ?? '') };
  } catch {
    return { kind: 'unreachable' };
  }
}
