import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventHub } from '../core/api/event-hub';

/** What the server pushes on `/api/events`. */
export type ServerMessage = { type: 'hello'; version: string } | { type: 'event'; name: string; payload: unknown };

/**
 * Pushes every core event to every connected browser. Authentication and the
 * Origin check happen before `upgrade` is called; this only speaks the protocol.
 */
export class EventSocket {
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  readonly #unsubscribe: () => void;

  constructor(
    events: EventHub,
    private readonly version: string,
  ) {
    this.#unsubscribe = events.subscribe((name, payload) => {
      const text = JSON.stringify({ type: 'event', name, payload } satisfies ServerMessage);
      for (const client of this.#wss.clients) if (client.readyState === client.OPEN) client.send(text);
    });
    this.#wss.on('connection', (socket: WebSocket) => {
      socket.send(JSON.stringify({ type: 'hello', version: this.version } satisfies ServerMessage));
      // Clients only listen; anything they send is ignored rather than parsed.
      socket.on('message', () => undefined);
    });
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#wss.emit('connection', ws, req));
  }

  get clientCount(): number {
    return this.#wss.clients.size;
  }

  close(): void {
    this.#unsubscribe();
    for (const client of this.#wss.clients) client.terminate();
    this.#wss.close();
  }
}
