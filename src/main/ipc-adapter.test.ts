import { describe, expect, it } from 'vitest';
import type { WorkbenchHandlers } from '../shared/api/contract';
import { eventChannel, methodChannel, methodNames } from '../shared/api/names';
import { defaultSettings } from '../shared/settings';
import { eventForwarder, registerIpcApi, type IpcMainLike, type SenderFrameLike } from './ipc-adapter';
import { isTrustedRendererUrl } from './trusted-sender';
import { stubHandlers } from '../../test/helpers/stub-handlers';

type Listener = Parameters<IpcMainLike['handle']>[1];

/** An in-memory ipcMain: lets the adapter be tested without Electron. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`duplicate handler ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, frame: SenderFrameLike | null, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return listener({ senderFrame: frame }, ...args);
  }
}

const handlers: WorkbenchHandlers = stubHandlers({
  getSettings: async () => defaultSettings(),
  updateSettings: async (patch) => ({ ...defaultSettings(), ...patch }),
  ping: async () => ({ seq: 1, message: 'ping', at: 'now' }),
});

const trusted = (url: string) => isTrustedRendererUrl(url);
const ourFrame: SenderFrameLike = { url: 'app://workbench/index.html', parent: null };

function setup() {
  const ipc = new FakeIpcMain();
  const dispose = registerIpcApi(ipc, handlers, trusted);
  return { ipc, dispose };
}

describe('registerIpcApi', () => {
  it('registers exactly one channel per API method', () => {
    const { ipc, dispose } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(methodNames.map(methodChannel).sort());
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('serves calls from the top frame of our renderer', async () => {
    const { ipc } = setup();
    await expect(ipc.invoke(methodChannel('updateSettings'), ourFrame, { theme: 'dark' })).resolves.toEqual({
      ok: true,
      value: { ...defaultSettings(), theme: 'dark' },
    });
  });

  it.each([
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
    ['an iframe inside our page', { url: 'app://workbench/index.html', parent: {} }],
    ['a destroyed frame', null],
  ])('refuses %s before looking at the arguments', async (_label, frame) => {
    const { ipc } = setup();
    await expect(ipc.invoke(methodChannel('getSettings'), frame)).resolves.toMatchObject({
      ok: false,
      error: { name: 'ForbiddenError', code: 'untrusted_sender' },
    });
  });

  it('validates arguments and answers with errors as data', async () => {
    const { ipc } = setup();
    await expect(ipc.invoke(methodChannel('updateSettings'), ourFrame, { theme: 42 })).resolves.toMatchObject({
      ok: false,
      error: { name: 'ValidationError' },
    });
    await expect(ipc.invoke(methodChannel('ping'), ourFrame, {}, 'extra')).resolves.toMatchObject({
      ok: false,
      error: { name: 'ValidationError', message: expect.stringContaining('one argument') },
    });
  });

  it('has no channel for an unknown method', async () => {
    const { ipc } = setup();
    await expect(ipc.invoke('workbench:call:deleteEverything', ourFrame)).rejects.toThrow(/No handler/);
  });
});

describe('eventForwarder', () => {
  it('sends events only to live windows that show our renderer', () => {
    const sent: string[] = [];
    const target = (url: string, destroyed = false) => ({
      isDestroyed: () => destroyed,
      getURL: () => url,
      send: (channel: string, message: { name: string }) => sent.push(`${url} ${channel} ${message.name}`),
    });
    const forward = eventForwarder(
      () => [target('app://workbench/index.html'), target('https://evil.example/'), target('app://workbench/index.html#x', true)],
      trusted,
    );
    forward('pinged', { seq: 1, message: 'hi', at: 'now' });
    expect(sent).toEqual([`app://workbench/index.html ${eventChannel} pinged`]);
  });
});
