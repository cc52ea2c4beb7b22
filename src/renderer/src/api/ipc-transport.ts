import type { WorkbenchBridge } from '../../../shared/api/bridge';
import type { Transport } from './transport';

/** The desktop transport: the preload's named functions. IPC is always connected. */
export function createIpcTransport(bridge: WorkbenchBridge): Transport {
  return {
    kind: 'desktop',
    call: (method, input) => bridge[method](input),
    onEvent: (listener) => bridge.onEvent(listener),
    connection: 'connected',
    onConnectionChange: () => () => undefined,
  };
}
