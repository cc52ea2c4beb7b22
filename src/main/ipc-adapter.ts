import type { EventListener, WorkbenchHandlers } from '../shared/api/contract';
import { fail, type Envelope } from '../shared/api/envelope';
import { eventChannel, methodChannel, methodNames } from '../shared/api/names';
import { dispatch } from '../core/api/dispatch';

/** The part of Electron's WebFrameMain the adapter looks at. */
export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

/** The part of Electron's `ipcMain` the adapter uses; tests pass an in-memory one. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: SenderFrameLike | null }, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/**
 * Serves every API method on its own IPC channel. Before anything else each
 * call checks that it comes from the top frame of our own renderer, then the
 * shared dispatcher validates the argument. Returns a function that removes
 * the handlers again.
 */
export function registerIpcApi(
  ipc: IpcMainLike,
  handlers: WorkbenchHandlers,
  isTrustedUrl: (url: string) => boolean,
): () => void {
  for (const method of methodNames) {
    ipc.handle(methodChannel(method), async (event, ...args): Promise<Envelope<unknown>> => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
        return fail({ name: 'ForbiddenError', code: 'untrusted_sender', message: 'This page may not use the workbench API.' });
      }
      if (args.length > 1) {
        return fail({ name: 'ValidationError', code: 'invalid_input', message: `${method} takes one argument, got ${args.length}.` });
      }
      return dispatch(handlers, method, args[0]);
    });
  }
  return () => {
    for (const method of methodNames) ipc.removeHandler(methodChannel(method));
  };
}

/** The part of Electron's WebContents used to push events. */
export interface EventTargetLike {
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, message: { name: string; payload: unknown }): void;
}

/**
 * Builds the core event listener that pushes each event to the windows that
 * show our renderer (and only those, checked by URL at send time).
 */
export function eventForwarder(targets: () => EventTargetLike[], isTrustedUrl: (url: string) => boolean): EventListener {
  return (name, payload) => {
    for (const target of targets()) {
      if (!target.isDestroyed() && isTrustedUrl(target.getURL())) target.send(eventChannel, { name, payload });
    }
  };
}
