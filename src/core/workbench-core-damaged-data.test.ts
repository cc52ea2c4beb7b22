import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { sampleSession } from '../../test/fixtures/sample-session';
import { silentLogger } from './logger';
import { SessionStore } from './sessions/session-store';
import { WorkbenchCore } from './workbench-core';

describe('WorkbenchCore and damaged user data', () => {
  const tempDir = useTempDirs();
  const start = (dataDir: string) => WorkbenchCore.create({ dataDir, appVersion: '0', mode: 'web', log: silentLogger });

  it('cleans temp files of interrupted saves at start, in its own folders only', async () => {
    const dataDir = await tempDir();
    const old = new Date(Date.now() - 60 * 60_000);
    const leftovers = ['.settings.json.4242.0123abcd.tmp', 'sessions/.a.json.4242.89abcdef.tmp', 'problems/.p.json.4242.00000000.tmp', 'templates/.history/mine/.x.json.4242.ffffffff.tmp'];
    const kept = ['notes.tmp', 'sessions/.my-draft.tmp', 'models/.model.gguf.4242.0123abcd.tmp'];
    for (const file of [...leftovers, ...kept]) {
      await mkdir(join(dataDir, file, '..'), { recursive: true });
      await writeFile(join(dataDir, file), '{"half');
      await utimes(join(dataDir, file), old, old);
    }
    const core = await start(dataDir);
    await core.dispose();
    const remaining = async (dir: string) => (await readdir(join(dataDir, dir))).filter((n) => n.endsWith('.tmp'));
    expect(await remaining('.')).toEqual(['notes.tmp']);
    expect(await remaining('sessions')).toEqual(['.my-draft.tmp']);
    expect(await remaining('problems')).toEqual([]);
    expect(await remaining('templates/.history/mine')).toEqual([]);
    expect(await remaining('models')).toEqual(['.model.gguf.4242.0123abcd.tmp']);
  });

  it('lists damaged sessions and problems through the API, and keeps answering', async () => {
    const dataDir = await tempDir();
    await new SessionStore(dataDir).save(sampleSession('good'));
    await writeFile(join(dataDir, 'sessions', 'bad.json'), '{');
    await mkdir(join(dataDir, 'problems'), { recursive: true });
    await writeFile(join(dataDir, 'problems', 'p.json'), '[]');
    const core = await start(dataDir);
    expect((await core.handlers.listSessions(undefined)).map((s) => s.id)).toEqual(['good']);
    expect(await core.handlers.listProblems(undefined)).toEqual([]);
    expect((await core.handlers.listDamagedFiles(undefined)).map((d) => [d.kind, d.id])).toEqual([
      ['session', 'bad'],
      ['problem', 'p'],
    ]);
    expect((await core.handlers.listDamagedFiles({ kind: 'problem' })).map((d) => d.id)).toEqual(['p']);
    await expect(core.handlers.getSession({ id: 'bad' })).rejects.toMatchObject({ name: 'StorageError', code: 'session_damaged' });
    await core.dispose();
  });
});
