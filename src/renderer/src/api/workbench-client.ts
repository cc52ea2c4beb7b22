import { eventSchemas, methodSchemas, type EventPayload, type WorkbenchApi } from '../../../shared/api/contract';
import { isErrorData, WorkbenchError } from '../../../shared/api/errors';
import { isEventName, methodNames, type EventName } from '../../../shared/api/names';
import { resyncAfterReconnect } from './resync-after-reconnect';
import type { Transport } from './transport';

export interface WorkbenchClient extends WorkbenchApi {
  readonly transport: Transport;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * The typed API the UI uses. It unwraps envelopes into values or
 * WorkbenchErrors and checks every answer and event against the contract, so
 * a mismatched server shows up as a clear error instead of a broken screen.
 */
export function createWorkbenchClient(transport: Transport): WorkbenchClient {
  const methods = Object.fromEntries(
    methodNames.map((method) => [
      method,
      async (input: unknown) => {
        const envelope = await transport.call(method, input);
        if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
          throw new WorkbenchError('TransportError', 'bad_response', `Malformed answer to ${method}.`);
        }
        if (!envelope.ok) {
          throw isErrorData(envelope.error)
            ? WorkbenchError.fromData(envelope.error)
            : new WorkbenchError('TransportError', 'bad_response', `Malformed error from ${method}.`);
        }
        const parsed = methodSchemas[method].output.safeParse(envelope.value);
        if (!parsed.success) throw new WorkbenchError('TransportError', 'bad_response', `Unexpected answer shape from ${method}.`);
        return parsed.data;
      },
    ]),
  ) as unknown as WorkbenchApi;

  // Listeners hear the transport's events and the ones replayed after a reconnect, checked alike.
  const resyncListeners = new Set<(name: string, payload: unknown) => void>();
  resyncAfterReconnect(transport, methods, (name, payload) => resyncListeners.forEach((l) => l(name, payload)));

  return {
    ...methods,
    transport,
    on(name, listener) {
      const raw = (eventName: string, payload: unknown) => {
        if (eventName !== name || !isEventName(eventName)) return;
        const parsed = eventSchemas[name].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof name>);
        else console.warn(`Dropped malformed "${name}" event`);
      };
      const off = transport.onEvent(raw);
      resyncListeners.add(raw);
      return () => {
        off();
        resyncListeners.delete(raw);
      };
    },
  };
}
