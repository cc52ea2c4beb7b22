import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { inspectJsonFile } from './inspect-json-file';

// Root reads any file whatever its mode, and these tests run as root in CI: a refused open is simulated.
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof fs.open = async (path, ...rest) => {
    if (String(path).endsWith('locked.json')) throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });
    return fs.open(path, ...rest);
  };
  return { ...fs, open };
});

const parse = (raw: unknown) => {
  if (typeof (raw as { n?: unknown }).n !== 'number') throw Object.assign(new Error('The file is not usable: n: expected number.'), { name: 'ValidationError', code: 'bad' });
  return raw as { n: number };
};
const isForeign = (err: unknown) => (err as { code?: unknown }).code === 'newer';

describe('inspectJsonFile', () => {
  const tempDir = useTempDirs();
  const at = async (name: string, content?: string) => {
    const path = join(await tempDir(), name);
    if (content !== undefined) await writeFile(path, content);
    return path;
  };

  it('reads a good file and says when there is none', async () => {
    expect(await inspectJsonFile(await at('a.json', '{"n": 1}'), { parse })).toMatchObject({ state: 'ok', value: { n: 1 } });
    expect(await inspectJsonFile(await at('none.json'), { parse })).toEqual({ state: 'missing' });
  });

  it('calls wrong bytes damaged, with the reason in words', async () => {
    expect(await inspectJsonFile(await at('a.json', ''), { parse })).toEqual({ state: 'damaged', reason: 'The file is empty (0 bytes).' });
    expect(await inspectJsonFile(await at('a.json', ' \n'), { parse })).toEqual({ state: 'damaged', reason: 'The file holds only white space.' });
    expect(await inspectJsonFile(await at('a.json', '{"n": 1'), { parse })).toMatchObject({ state: 'damaged', reason: expect.stringMatching(/^The file is not JSON \(.+\)\.$/) });
    expect(await inspectJsonFile(await at('a.json', '{"n": "one"}'), { parse })).toEqual({ state: 'damaged', reason: 'The file is not usable: n: expected number.' });
  });

  it('leaves what it cannot read, or what is not for this app, as unreadable', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'folder.json'));
    expect(await inspectJsonFile(join(dir, 'folder.json'), { parse })).toEqual({ state: 'unreadable', reason: 'A folder is where the file should be.' });
    expect(await inspectJsonFile(await at('locked.json', '{"n": 1}'), { parse })).toEqual({ state: 'unreadable', reason: 'The file cannot be read: permission denied.' });
    const newer = (raw: unknown) => {
      throw Object.assign(new Error(`The file was written by a newer app (${JSON.stringify(raw)}).`), { code: 'newer' });
    };
    expect(await inspectJsonFile(await at('a.json', '{"n": 9}'), { parse: newer, isForeign })).toEqual({ state: 'unreadable', reason: 'The file was written by a newer app ({"n":9}).' });
  });

  it.skipIf(process.platform === 'win32')('does not hang on a FIFO in place of the file', async () => {
    const path = await at('pipe.json');
    execFileSync('mkfifo', [path]);
    expect(await inspectJsonFile(path, { parse })).toEqual({ state: 'unreadable', reason: 'It is not a regular file (a pipe, socket or device is in its place).' });
  }, 5_000);
});
