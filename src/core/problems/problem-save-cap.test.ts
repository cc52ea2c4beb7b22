import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { maxStoredProblemBytes } from './problem-quota';
import { ProblemStore } from './problem-store';

describe('saving problems from the workbench or the API', () => {
  const tempDir = useTempDirs();
  const record = (id: string, bytes: number) => ({ id, name: id, timeLimit: 1000, memoryLimit: 256, tests: [{ input: 'x'.repeat(bytes), output: '' }], statement: '', importedAt: new Date().toISOString() });

  it('is held to the same cap as imports, counting a problem saved over itself once', async () => {
    const store = new ProblemStore(await tempDir());
    const third = Math.floor(maxStoredProblemBytes / 3);
    await store.saveWithinCap(record('a', third));
    await store.saveWithinCap(record('b', third));
    // Saving "b" again (edited) replaces its own bytes: it still fits.
    await store.saveWithinCap(record('b', third));
    await expect(store.saveWithinCap(record('c', third))).rejects.toMatchObject({ name: 'StorageError', code: 'problem_store_full' });
    expect((await store.list()).map((p) => p.id).sort()).toEqual(['a', 'b']);
  });
});
