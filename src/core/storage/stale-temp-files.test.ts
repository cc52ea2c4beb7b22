import { mkdir, readdir, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { atomicTempPath } from './atomic-write';
import { ownedDataFolders } from './owned-data-folders';
import { cleanStaleTempFiles } from './stale-temp-files';

const minutes = (n: number) => n * 60_000;

describe('cleanStaleTempFiles', () => {
  const tempDir = useTempDirs();
  const aged = async (path: string, ageMs: number, content = '{"half": ') => {
    await writeFile(path, content);
    const at = new Date(Date.now() - ageMs);
    await utimes(path, at, at);
  };

  it('removes only our own leftovers: old ones, and a dead process’s after a grace', async () => {
    const dir = await tempDir();
    const dead = 999_999_99;
    const alive = (pid: number) => pid !== dead;
    await aged(join(dir, '.a.json.4242.0123abcd.tmp'), minutes(10)); // old: any writer is long done
    await aged(join(dir, `.b.json.${dead}.0123abcd.tmp`), minutes(1)); // dead writer, past the grace
    await aged(join(dir, `.c.json.${dead}.0123abcd.tmp`), 2_000); // dead (or unseen) writer, just now
    await aged(join(dir, '.d.json.4242.0123abcd.tmp'), minutes(1)); // live writer, still saving
    await aged(join(dir, `.e.json.${process.pid}.0123abcd.tmp`), minutes(1)); // this process's own save
    // A user's files, however old, even when they look close to ours.
    for (const name of ['notes.tmp', '.notes.tmp', 'a.json.4242.0123abcd.tmp', '.a.json.4242.0123ABCD.tmp', '.a.json.4242.0123abc.tmp', '.a.json.x.0123abcd.tmp', 'a.json']) {
      await aged(join(dir, name), minutes(60));
    }
    await mkdir(join(dir, '.f.json.4242.0123abcd.tmp'));
    await aged(join(dir, 'target'), minutes(60));
    await symlink(join(dir, 'target'), join(dir, '.g.json.4242.0123abcd.tmp'));

    const removed = await cleanStaleTempFiles([dir, join(dir, 'not-there')], { isAlive: alive });
    expect(removed.map((p) => p.slice(dir.length + 1)).sort()).toEqual(['.a.json.4242.0123abcd.tmp', `.b.json.${dead}.0123abcd.tmp`]);
    expect((await readdir(dir)).sort()).toEqual(
      [
        `.c.json.${dead}.0123abcd.tmp`,
        '.d.json.4242.0123abcd.tmp',
        `.e.json.${process.pid}.0123abcd.tmp`,
        'notes.tmp',
        '.notes.tmp',
        'a.json.4242.0123abcd.tmp',
        '.a.json.4242.0123ABCD.tmp',
        '.a.json.4242.0123abc.tmp',
        '.a.json.x.0123abcd.tmp',
        'a.json',
        '.f.json.4242.0123abcd.tmp',
        'target',
        '.g.json.4242.0123abcd.tmp',
      ].sort(),
    );
  });

  it('recognises the names writeFileAtomic really gives', async () => {
    const dir = await tempDir();
    // What a crash between writing and renaming leaves behind.
    const leftover = atomicTempPath(join(dir, 'settings.json'));
    await aged(leftover, minutes(10));
    expect(await cleanStaleTempFiles([dir])).toEqual([leftover]);
  });

  it('looks in the data folder, the stores, template histories and eval runs, not in models', async () => {
    const data = await tempDir();
    for (const sub of ['sessions', 'problems', 'templates/.history/mine', 'evals/run-1', 'models']) await mkdir(join(data, sub), { recursive: true });
    const folders = await ownedDataFolders(data);
    expect(folders).toEqual(expect.arrayContaining([data, join(data, 'sessions'), join(data, 'problems'), join(data, 'templates'), join(data, 'templates/.history/mine'), join(data, 'evals/run-1')]));
    expect(folders).not.toContain(join(data, 'models'));
  });
});
