import { dispatch } from '../../src/core/api/dispatch';
import type { WorkbenchCore } from '../../src/core/workbench-core';
import type { Transport } from '../../src/renderer/src/api/transport';
import type { EditorPort } from '../../src/renderer/src/workspace/workspace-store';

/** A transport that hands calls straight to core, as IPC would, with a JSON round trip. */
export function inMemoryTransport(core: WorkbenchCore, options: { drop?: (name: string) => boolean; before?: (method: string) => Promise<void> | undefined } = {}): Transport & { inject(name: string, payload: unknown): void } {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  // `drop`: events lost on the way, as over a WebSocket that was down for a moment.
  core.events.subscribe((name, payload) => !options.drop?.(name) && listeners.forEach((l) => l(name, JSON.parse(JSON.stringify(payload)))));
  return {
    kind: 'desktop',
    // `before`: a call held on its way, as over a slow network.
    call: async (method, input) => {
      await options.before?.(method);
      return JSON.parse(JSON.stringify(await dispatch(core.handlers, method, input)));
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connection: 'connected',
    onConnectionChange: () => () => undefined,
    /** An event as a (possibly misbehaving) server would send it, unchecked. */
    inject: (name, payload) => listeners.forEach((l) => l(name, payload)),
  };
}

/**
 * Monaco stands in here as a plain text box with the same contract (a
 * fake at the boundary we cannot load in Node; the e2e tests drive the real
 * editor): `open` replaces, `propose` replaces only untouched text.
 */
export function fakeEditor(starter: string): EditorPort & { type(code: string): void; accept(): void; text: string; offered: string | null } {
  const listeners = new Set<(code: string, origin: 'user' | 'app') => void>();
  let dirty = false;
  const editor = {
    text: starter,
    offered: null as string | null,
    open(code: string) {
      editor.text = code;
      dirty = false;
      listeners.forEach((l) => l(code, 'app'));
    },
    propose(code: string) {
      if (dirty) {
        editor.offered = code;
        return 'offered' as const;
      }
      editor.open(code);
      return 'loaded' as const;
    },
    getCode: () => editor.text,
    onChange(listener: (code: string, origin: 'user' | 'app') => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    type(code: string) {
      editor.text = code;
      dirty = true;
      listeners.forEach((l) => l(code, 'user'));
    },
    accept() {
      if (editor.offered !== null) editor.open(editor.offered);
      editor.offered = null;
    },
  };
  return editor;
}
