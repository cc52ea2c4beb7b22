import { createIpcTransport } from './ipc-transport';
import { createWebTransport } from './web-transport';
import { createWorkbenchClient, type WorkbenchClient } from './workbench-client';

/** The desktop bridge when the preload provided one, otherwise web mode. */
export function connectWorkbench(): WorkbenchClient {
  return createWorkbenchClient(window.workbench ? createIpcTransport(window.workbench) : createWebTransport());
}
