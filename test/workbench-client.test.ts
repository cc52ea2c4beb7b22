import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/core/logger';
import { WorkbenchCore } from '../src/core/workbench-core';
import { useTempDirs } from './helpers/temp-dir';
import { inMemoryTransport } from './helpers/workspace-harness';
import { createWorkbenchClient } from '../src/renderer/src/api/workbench-client';

describe('WorkbenchClient', () => {
  const tempDir = useTempDirs();

  async function setup() {
    const core = await WorkbenchCore.create({ dataDir: await tempDir(), appVersion: '1.2.3', mode: 'desktop', log: silentLogger });
    const transport = inMemoryTransport(core);
    return { core, transport, client: createWorkbenchClient(transport) };
  }

  it('calls core and returns typed values', async () => {
    const { client } = await setup();
    expect((await client.getAppInfo()).version).toBe('1.2.3');
    expect(await client.updateSettings({ editorWordWrap: true })).toMatchObject({ editorWordWrap: true });
  });

  it('throws WorkbenchErrors recognisable by name', async () => {
    const { client } = await setup();
    // A caller bypassing the types, as a compromised page could.
    const error = await client.updateSettings({ theme: 'neon' as never }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationError', code: 'invalid_input' });
  });

  it('delivers validated events and drops malformed ones', async () => {
    const { client, transport } = await setup();
    const seen: unknown[] = [];
    const off = client.on('pinged', (payload) => seen.push(payload.message));
    await client.ping({ message: 'one' });
    transport.inject('pinged', { seq: 'not a number' });
    transport.inject('settingsChanged', { theme: 'dark' });
    off();
    await client.ping({ message: 'two' });
    expect(seen).toEqual(['one']);
  });

  it('rejects an answer that does not match the contract', async () => {
    const { transport } = await setup();
    const broken = createWorkbenchClient({ ...transport, call: async () => ({ ok: true, value: { theme: 3 } }) });
    await expect(broken.getSettings()).rejects.toMatchObject({ name: 'TransportError', code: 'bad_response' });
  });
});
