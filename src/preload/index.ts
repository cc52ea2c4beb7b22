import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { BridgeMethods, WorkbenchBridge } from '../shared/api/bridge';
import type { Envelope } from '../shared/api/envelope';
import { eventChannel, isEventName, methodChannel, methodNames, type EventName } from '../shared/api/names';

// One named function per API method, each bound to its own channel. The page
// never sees ipcRenderer, so it cannot reach any other channel.
const methods = Object.fromEntries(
  methodNames.map((method) => [
    method,
    (input?: unknown) => ipcRenderer.invoke(methodChannel(method), input) as Promise<Envelope<unknown>>,
  ]),
) as BridgeMethods;

const listeners = new Set<(name: EventName, payload: unknown) => void>();
ipcRenderer.on(eventChannel, (_event, message: { name?: unknown; payload?: unknown }) => {
  // Only the name and payload cross into the page, never the IPC event object.
  if (!isEventName(message?.name)) return;
  for (const listener of listeners) listener(message.name, message.payload);
});

const bridge = {
  ...methods,
  onEvent(listener: (name: EventName, payload: unknown) => void) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  // Dropped files carry no path in the page since Electron 32; only the preload can ask for it.
  pathForFile: (file: File) => webUtils.getPathForFile(file),
} satisfies WorkbenchBridge;

contextBridge.exposeInMainWorld('workbench', bridge);
