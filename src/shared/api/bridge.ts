import type { Envelope } from './envelope';
import type { EventName, MethodName } from './names';

/**
 * What the desktop preload exposes as `window.workbench`: one named function
 * per API method (never a generic `invoke` or `ipcRenderer` itself) and one
 * event subscription. Answers are envelopes; the renderer client unwraps them.
 */
export type BridgeMethods = { [M in MethodName]: (input?: unknown) => Promise<Envelope<unknown>> };

export interface WorkbenchBridge extends BridgeMethods {
  /** Calls `listener` for every core event; returns the unsubscribe function. */
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
  /** The file-system path of a file dropped on the window ('' for one that has none). Desktop only. */
  pathForFile(file: File): string;
}
