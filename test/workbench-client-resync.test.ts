import { describe, expect, it } from 'vitest';
import { dispatch } from '../src/core/api/dispatch';
import { silentLogger } from '../src/core/logger';
import { WorkbenchCore } from '../src/core/workbench-core';
import type { ConnectionState, Transport } from '../src/renderer/src/api/transport';
import { createWorkbenchClient } from '../src/renderer/src/api/workbench-client';
import { useTempDirs } from './helpers/temp-dir';

/** Core behind a transport whose connection the test drops and restores; events sent meanwhile are lost. */
function flakyTransport(core: WorkbenchCore): Transport & { set(state: ConnectionState): void } {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  core.events.subscribe((name, payload) => {
    if (state === 'connected') listeners.forEach((l) => l(name, JSON.parse(JSON.stringify(payload))));
  });
  return {
    kind: 'web',
    call: async (method, input) => JSON.parse(JSON.stringify(await dispatch(core.handlers, method, input))),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get connection() {
      return state;
    },
    onConnectionChange: (listener) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    set(next) {
      state = next;
      stateListeners.forEach((l) => l(next));
    },
  };
}

describe('WorkbenchClient after a reconnect', () => {
  const tempDir = useTempDirs();

  it('replays what changed while it was disconnected, checked like any event, and only after a loss', async () => {
    const core = await WorkbenchCore.create({ dataDir: await tempDir(), appVersion: '1.2.3', mode: 'web', log: silentLogger });
    const transport = flakyTransport(core);
    const client = createWorkbenchClient(transport);
    const seen: string[] = [];
    client.on('settingsChanged', (s) => seen.push(`settings:${s.theme}`));
    client.on('modelStatus', (s) => seen.push(`model:${s.state}`));
    client.on('sessionsChanged', () => seen.push('sessions'));
    const offTemplates = client.on('templatesChanged', () => seen.push('templates'));
    offTemplates();

    transport.set('connected');
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);

    transport.set('reconnecting');
    await core.handlers.updateSettings({ theme: 'dark' });
    expect(seen).toEqual([]);
    transport.set('refused');
    transport.set('connected');
    await expect.poll(() => seen.length).toBe(3);
    expect(seen.sort()).toEqual(['model:empty', 'sessions', 'settings:dark']);
    await core.dispose();
  });
});
