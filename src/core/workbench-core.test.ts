import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { silentLogger } from './logger';
import { WorkbenchCore } from './workbench-core';

describe('WorkbenchCore', () => {
  const tempDir = useTempDirs();
  // Every core a test makes is disposed after it (dispose is idempotent), whatever the test did.
  const cores: WorkbenchCore[] = [];
  const create = async (options: Parameters<typeof WorkbenchCore.create>[0]) => {
    const core = await WorkbenchCore.create(options);
    cores.push(core);
    return core;
  };
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((c) => c.dispose()));
  });

  it('reports where data and models live', async () => {
    const dataDir = await tempDir();
    const core = await create({ dataDir, appVersion: '0.0.1', mode: 'web', log: silentLogger });
    expect(await core.handlers.getAppInfo()).toMatchObject({ dataDir, modelsDir: `${dataDir}/models`, mode: 'web', electronVersion: null });
  });

  it('emits events for pings and settings changes', async () => {
    const core = await create({ dataDir: await tempDir(), appVersion: '0.0.1', mode: 'web', log: silentLogger });
    const events: string[] = [];
    core.events.subscribe((name) => events.push(name));
    const first = await core.handlers.ping(undefined);
    const second = await core.handlers.ping({ message: 'hi' });
    await core.handlers.updateSettings({ theme: 'light' });
    expect([first.seq, second.seq, second.message]).toEqual([1, 2, 'hi']);
    expect(events).toEqual(['pinged', 'pinged', 'settingsChanged']);
  });

  it('explains an unusable data directory', async () => {
    const file = join(await tempDir(), 'a-file');
    await writeFile(file, 'not a folder');
    await expect(WorkbenchCore.create({ dataDir: join(file, 'data'), appVersion: '0', mode: 'web', log: silentLogger })).rejects.toMatchObject({
      name: 'StorageError',
      code: 'data_dir_unavailable',
    });
  });

  it('refuses changes once disposed', async () => {
    const core = await create({ dataDir: await tempDir(), appVersion: '0', mode: 'web', log: silentLogger });
    await core.dispose();
    await expect(core.handlers.updateSettings({ theme: 'dark' })).rejects.toMatchObject({ code: 'disposed' });
  });
});
