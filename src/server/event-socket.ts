import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventHub } from '../core/api/event-hub';

/** What the server pushes on `/api/events`. */
export type ServerMessage = { type: 'hello'; version: string } | { type: 'event'; name: string; payload: unknown };

export interface EventSocketOptions {
  /**
   * How often every client is pinged; one that has not answered the previous
   * ping by then (a vanished peer, a half-open TCP connection, a client that
   * never reads) is dropped. Browsers answer pings on their own. Default: 30 000.
   */
  heartbeatMs?: number;
  /**
   * Most bytes queued for one client before it is dropped as not reading.
   * Generous beside the largest events we send (a Solve ×N record, a saved
   * turn of a long answer), so a slow but live reader is not cut. Default: 32 MiB.
   */
  maxBacklogBytes?: number;
}

/** Largest message a client may send; clients only listen, so this is generous. */
const maxClientMessageBytes = 64 * 1024;

/**
 * Pushes every core event to every connected browser. Authentication and the
 * Origin check happen before `upgrade` is called; this only speaks the protocol.
 *
 * Nothing a client sends may throw out of here: ws turns a malformed frame
 * (unmasked, reserved bits, unknown opcode, oversize, bad UTF-8, fragmented
 * control frame) into an `error` event on that socket after sending the close
 * code; without a listener, Node would rethrow it and end the whole server.
 */
export class EventSocket {
  readonly #wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxClientMessageBytes,
    // No compression: a small compressed frame could inflate to far more than maxPayload costs to check.
    perMessageDeflate: false,
  });
  readonly #unsubscribe: () => void;
  readonly #heartbeat: NodeJS.Timeout;
  readonly #maxBacklogBytes: number;
  /** Clients that answered since the last ping. */
  readonly #answered = new WeakSet<WebSocket>();

  constructor(
    events: EventHub,
    private readonly version: string,
    options: EventSocketOptions = {},
  ) {
    this.#maxBacklogBytes = options.maxBacklogBytes ?? 32 * 1024 * 1024;
    this.#unsubscribe = events.subscribe((name, payload) => {
      const text = JSON.stringify({ type: 'event', name, payload } satisfies ServerMessage);
      for (const client of this.#wss.clients) this.#send(client, text);
    });
    this.#wss.on('connection', (socket: WebSocket) => {
      // ws has already sent the close code for the client's mistake; the error itself is not ours to handle.
      socket.on('error', () => undefined);
      socket.on('pong', () => this.#answered.add(socket));
      // Clients only listen; anything they send is ignored rather than parsed.
      socket.on('message', () => undefined);
      this.#answered.add(socket);
      this.#send(socket, JSON.stringify({ type: 'hello', version: this.version } satisfies ServerMessage));
    });
    this.#heartbeat = setInterval(() => this.#checkHeartbeats(), options.heartbeatMs ?? 30_000);
    this.#heartbeat.unref();
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#wss.emit('connection', ws, req));
  }

  get clientCount(): number {
    return this.#wss.clients.size;
  }

  close(): void {
    clearInterval(this.#heartbeat);
    this.#unsubscribe();
    for (const client of this.#wss.clients) client.terminate();
    this.#wss.close();
  }

  /** Sends unless the client has stopped reading, in which case its queue would only grow: drop it. */
  #send(client: WebSocket, text: string): void {
    if (client.readyState !== client.OPEN) return;
    if (client.bufferedAmount > this.#maxBacklogBytes) return client.terminate();
    client.send(text);
  }

  #checkHeartbeats(): void {
    for (const client of this.#wss.clients) {
      if (!this.#answered.has(client)) {
        client.terminate();
        continue;
      }
      this.#answered.delete(client);
      if (client.readyState === client.OPEN) client.ping();
    }
  }
}
