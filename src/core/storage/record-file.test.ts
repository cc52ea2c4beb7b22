import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { damagedRecords, scanResults } from './damaged-records';
import { keepAside, listKeptCopies } from './kept-copies';
import { readRecordFile, type RecordFileOptions } from './record-file';

interface Note {
  text: string;
  savedAt: string;
}
const options: RecordFileOptions<Note> = {
  parse: (raw) => {
    if (typeof (raw as Note).text !== 'string') throw new Error('The file is not a note: text: expected string.');
    return raw as Note;
  },
  savedAt: (note) => note.savedAt,
};
const note = (text: string, savedAt = '2026-11-30T08:00:00.000Z') => JSON.stringify({ text, savedAt });

describe('readRecordFile', () => {
  const tempDir = useTempDirs();

  it('sets a damaged file aside, byte for byte, and reports it without deleting anything', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    await writeFile(path, '{"text": "half a no');
    const file = await readRecordFile(path, options);
    expect(file).toMatchObject({ state: 'unusable', setAside: true, reason: expect.stringMatching(/^The file is not JSON/) });
    if (file.state !== 'unusable') throw new Error('unreachable');
    expect(file.keptAs).toMatch(/a\.json\.broken-\d+$/);
    expect(await readFile(file.keptAs, 'utf8')).toBe('{"text": "half a no');
    expect(await readdir(dir)).toEqual([file.keptAs.slice(dir.length + 1)]);
  });

  it('puts the good backup back, and the kept copy says when that version was saved', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    await writeFile(`${path}.bak`, note('before'));
    await writeFile(path, '');
    expect(await readRecordFile(path, options)).toEqual({ state: 'ok', value: { text: 'before', savedAt: '2026-11-30T08:00:00.000Z' } });
    expect(await readFile(path, 'utf8')).toBe(note('before'));
    const [copy, ...more] = await listKeptCopies(dir);
    expect(more).toEqual([]);
    expect(copy).toMatchObject({ id: 'a', restoredSavedAt: new Date('2026-11-30T08:00:00.000Z') });
    expect(await readFile(copy?.path ?? '', 'utf8')).toBe('');
  });

  it('leaves an unreadable entry where it is, and never restores over it', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    await mkdir(path);
    await writeFile(`${path}.bak`, note('before'));
    expect(await readRecordFile(path, options)).toEqual({ state: 'unusable', reason: 'A folder is where the file should be.', keptAs: path, setAside: false });
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'a.json.bak']);
  });

  it('gives two copies found in the same millisecond two names', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    await writeFile(path, 'one');
    const first = await keepAside(path);
    await writeFile(path, 'two');
    const second = await keepAside(path);
    expect(first).not.toBe(second);
    expect([await readFile(first, 'utf8'), await readFile(second, 'utf8')]).toEqual(['one', 'two']);
  });
});

describe('damagedRecords', () => {
  const tempDir = useTempDirs();

  it('lists kept copies newest first with their reason read again, and files left in place', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.json.broken-1764489600000'), '{"text": 3}');
    await writeFile(join(dir, 'b.json.broken-1764493200000.restored-1764486000000'), 'garbage');
    await writeFile(join(dir, 'b.json'), note('restored'));
    // Names a store never writes are not damaged entries.
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await writeFile(join(dir, 'c.json.bak'), 'x');
    const scan = scanResults([
      { id: 'b', file: { state: 'ok', value: {} } },
      { id: 'd', file: { state: 'unusable', reason: 'A folder is where the file should be.', keptAs: join(dir, 'd.json'), setAside: false } },
    ]);
    expect(await damagedRecords('session', dir, scan, options)).toEqual([
      { kind: 'session', id: 'd', reason: 'A folder is where the file should be.', keptAs: join(dir, 'd.json'), foundAt: null, restoredFromBackup: null },
      {
        kind: 'session',
        id: 'b',
        reason: expect.stringMatching(/^The file is not JSON/),
        keptAs: join(dir, 'b.json.broken-1764493200000.restored-1764486000000'),
        foundAt: '2025-11-30T09:00:00.000Z',
        restoredFromBackup: { savedAt: '2025-11-30T07:00:00.000Z' },
      },
      { kind: 'session', id: 'a', reason: 'The file is not a note: text: expected string.', keptAs: join(dir, 'a.json.broken-1764489600000'), foundAt: '2025-11-30T08:00:00.000Z', restoredFromBackup: null },
    ]);
  });
});
