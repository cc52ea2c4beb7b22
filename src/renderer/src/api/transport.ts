import type { Envelope } from '../../../shared/api/envelope';
import type { MethodName } from '../../../shared/api/names';

/**
 * - `connecting`: the first connection is being made.
 * - `connected`: events arrive.
 * - `reconnecting`: the server cannot be reached (stopped, restarting, network down); retrying.
 * - `refused`: the server answers but no longer accepts this tab's token (it restarted with a new
 *   one): retrying will not help until the tab gets the new address.
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'refused';

/** What the UI needs to say about the connection, beyond its state. A new object on every change. */
export interface ConnectionDetail {
  readonly state: ConnectionState;
  /** Tries that failed since the connection was lost (0 while connected). */
  readonly attempts: number;
  /** When the next try starts (Date.now() time), or null when none is waiting. */
  readonly nextRetryAt: number | null;
  /** When this detail was made (Date.now() time): a countdown starts from here. */
  readonly changedAt: number;
  /** How often the connection came back after being lost. */
  readonly reconnects: number;
  /** The server now is another run than the one this page was loaded from (it restarted). */
  readonly restarted: boolean;
  /** Which run of the server answers now (changes at every restart); null until it first answered. */
  readonly instance: string | null;
  /** The server's version when it differs from the one this page was loaded from (reload to update). */
  readonly newVersion: string | null;
}

/**
 * How the UI reaches core: Electron IPC in the desktop app, HTTP + WebSocket
 * in a browser. Everything above this interface is the same for both.
 */
export interface Transport {
  readonly kind: 'desktop' | 'web';
  call(method: MethodName, input: unknown): Promise<Envelope<unknown>>;
  /** Raw events, not yet validated; the client checks them against the contract. */
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  readonly connection: ConnectionState;
  /** Called on every change of `connection` or of `connectionDetail`. */
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  /** Web mode only: IPC is always connected and has nothing more to say. */
  readonly connectionDetail?: ConnectionDetail;
  /** Web mode only: try now instead of waiting for the next retry. */
  retryNow?(): void;
}
