import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eventChannel, methodChannel, methodNames } from '../shared/api/names';

// The preload runs only inside Electron; here Electron's two objects are replaced by recorders.
const exposed = new Map<string, Record<string, unknown>>();
const invoked: { channel: string; args: unknown[] }[] = [];
const ipcListeners = new Map<string, (event: unknown, message: unknown) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, listener: (event: unknown, message: unknown) => void) => ipcListeners.set(channel, listener),
  },
  webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
}));

describe('preload bridge', () => {
  beforeEach(async () => {
    exposed.clear();
    invoked.length = 0;
    vi.resetModules();
    await import('./index');
  });

  it('exposes one named function per method plus onEvent and pathForFile, and nothing else', () => {
    const bridge = exposed.get('workbench') ?? {};
    expect(Object.keys(bridge).sort()).toEqual([...methodNames, 'onEvent', 'pathForFile'].sort());
    expect((bridge.pathForFile as (f: { name: string }) => string)({ name: 'model.gguf' })).toBe('/dropped/model.gguf');
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
    expect(exposed.size).toBe(1);
  });

  it('sends each method on its own channel with exactly one argument', async () => {
    const bridge = exposed.get('workbench') as Record<string, (input?: unknown) => Promise<unknown>>;
    await bridge.updateSettings?.({ theme: 'dark' });
    expect(invoked).toEqual([{ channel: methodChannel('updateSettings'), args: [{ theme: 'dark' }] }]);
  });

  it('passes only known events, as name and payload, and unsubscribes', () => {
    const bridge = exposed.get('workbench') as { onEvent(l: (...a: unknown[]) => void): () => void };
    const seen: unknown[][] = [];
    const off = bridge.onEvent((...args) => seen.push(args));
    const fromMain = ipcListeners.get(eventChannel);
    const ipcEvent = { sender: 'secret ipc object' };
    fromMain?.(ipcEvent, { name: 'pinged', payload: { seq: 1 } });
    fromMain?.(ipcEvent, { name: 'notAnEvent', payload: {} });
    fromMain?.(ipcEvent, null);
    off();
    fromMain?.(ipcEvent, { name: 'pinged', payload: { seq: 2 } });
    expect(seen).toEqual([['pinged', { seq: 1 }]]);
  });
});
