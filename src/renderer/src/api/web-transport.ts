import { fail, type Envelope } from '../../../shared/api/envelope';
import type { ConnectionState, Transport } from './transport';

const maxBackoffMs = 5000;

/**
 * The browser transport: calls are `POST /api/call/<method>`, events arrive on
 * a WebSocket that reconnects with backoff. The access token travels in an
 * HttpOnly cookie set by the server, so this code never handles it.
 */
export function createWebTransport(location: Location = window.location): Transport {
  const eventListeners = new Set<(name: string, payload: unknown) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let backoff = 250;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/api/events`);
    socket.onopen = () => {
      backoff = 250;
      setState('connected');
    };
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
    socket.onclose = () => {
      setState('reconnecting');
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, maxBackoffMs);
    };
  };
  connect();

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
        return fail({ name: 'TransportError', code: 'network', message: 'Cannot reach the workbench server. Is `vibe serve` still running?' });
      }
      if (response.status === 401) {
        return fail({ name: 'ForbiddenError', code: 'unauthorized', message: 'Access token missing or expired: open the address `vibe serve` printed.' });
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
      return state;
    },
    onConnectionChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  };
}
