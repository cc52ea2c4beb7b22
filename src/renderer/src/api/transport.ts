import type { Envelope } from '../../../shared/api/envelope';
import type { MethodName } from '../../../shared/api/names';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

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
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
}
