import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import type { ProblemRecord } from '../../shared/judging';
import { ProblemStore } from './problem-store';

const problem = (id: string, name = 'A + B'): ProblemRecord => ({
  id,
  name,
  group: 'Codeforces',
  url: 'https://codeforces.com/problemset/problem/1/A',
  interactive: false,
  memoryLimit: 256,
  timeLimit: 1000,
  tests: [{ input: '1 2\n', output: '3\n' }],
  statement: '',
  importedAt: '2026-11-30T08:00:00.000Z',
});

describe('ProblemStore with damaged files', () => {
  const tempDir = useTempDirs();

  it('lists a damaged problem as damaged, with the first schema problem and the kept copy; the others still list', async () => {
    const dir = await tempDir();
    const store = new ProblemStore(dir);
    await store.save(problem('good'));
    await writeFile(join(dir, 'problems', 'edited.json'), JSON.stringify({ ...problem('edited'), tests: [{ input: 1 }] }));
    await writeFile(join(dir, 'problems', 'cut.json'), '{"name": "A');
    const fresh = new ProblemStore(dir);
    expect((await fresh.list()).map((p) => p.id)).toEqual(['good']);
    const damaged = await fresh.listDamaged();
    expect(damaged.map((d) => [d.kind, d.id, d.reason]).sort()).toEqual([
      ['problem', 'cut', expect.stringMatching(/^The file is not JSON \(/)],
      ['problem', 'edited', expect.stringMatching(/^The file is not a usable problem: tests\.0\.input: /)],
    ]);
    expect(await readFile(damaged.find((d) => d.id === 'cut')?.keptAs ?? '', 'utf8')).toBe('{"name": "A');
    await expect(fresh.get('cut')).rejects.toMatchObject({ name: 'StorageError', code: 'problem_damaged', message: expect.stringContaining('cut.json.broken-') });
  });

  it('keeps the previous version as a backup and restores it, saying so', async () => {
    const dir = await tempDir();
    const store = new ProblemStore(dir);
    await store.save(problem('p', 'First name'));
    await store.save(problem('p', 'Second name'));
    await writeFile(join(dir, 'problems', 'p.json'), '');
    const fresh = new ProblemStore(dir);
    expect((await fresh.get('p')).name).toBe('First name');
    const [entry] = await fresh.listDamaged();
    expect(entry).toMatchObject({ id: 'p', reason: 'The file is empty (0 bytes).', restoredFromBackup: { savedAt: expect.any(String) } });
    expect((await fresh.list()).map((p) => p.name)).toEqual(['First name']);
  });

  it('never deletes bytes it could not read: a delete sets them aside', async () => {
    const dir = await tempDir();
    const store = new ProblemStore(dir);
    await mkdir(join(dir, 'problems', 'odd.json', 'inside'), { recursive: true });
    expect(await store.listDamaged()).toMatchObject([{ id: 'odd', reason: 'A folder is where the file should be.', foundAt: null }]);
    await store.delete('odd');
    expect(await readdir(join(dir, 'problems', (await readdir(join(dir, 'problems')))[0] ?? ''))).toEqual(['inside']);
    expect(await store.listDamaged()).toMatchObject([{ id: 'odd', reason: 'A folder is where the file should be.', foundAt: expect.any(String) }]);
  });
});
