import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { writeFileAtomic } from './atomic-write';

describe('writeFileAtomic', () => {
  const tempDir = useTempDirs();

  it('creates missing folders and replaces content whole', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a', 'b', 'file.json');
    await writeFileAtomic(path, 'one');
    await writeFileAtomic(path, 'two');
    expect(await readFile(path, 'utf8')).toBe('two');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['file.json']);
  });

  it('fails with a readable StorageError and leaves the target and folder clean', async () => {
    const dir = await tempDir();
    const path = join(dir, 'target');
    await writeFile(path, 'old');
    // A file where a folder should be: the write cannot happen (works as root too).
    await expect(writeFileAtomic(join(path, 'child.json'), 'new')).rejects.toMatchObject({
      name: 'StorageError',
      message: expect.stringMatching(/^Could not save .*child\.json/),
    });
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['target']);
  });
});
