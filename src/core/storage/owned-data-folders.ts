import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The folders of a data directory that the workbench itself writes with
 * `writeFileAtomic`: the top (settings, opened models), each store's folder,
 * template histories and evaluation runs. The models folder is not one of
 * them: users put their own files there.
 */
export async function ownedDataFolders(dataDir: string): Promise<string[]> {
  const stores = ['sessions', 'problems', 'templates', 'evals'].map((name) => join(dataDir, name));
  const nested = await Promise.all([join(dataDir, 'templates', '.history'), join(dataDir, 'evals')].map(subfolders));
  return [dataDir, ...stores, ...nested.flat()];
}

async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => join(dir, e.name));
}
