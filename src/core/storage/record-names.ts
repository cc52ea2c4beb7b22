import { readdir } from 'node:fs/promises';
import { WorkbenchError } from '../../shared/api/errors';

/** A record's file name: `<id>.json`, the id as the stores allow it. Kept copies and backups do not match. */
const recordName = /^([\w-]{1,80})\.json$/;

/**
 * The ids of the records in a store's folder. A folder not made yet holds none;
 * one that cannot be read is an error that says so, never an empty list.
 */
export async function readRecordNames(dir: string, what: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOTDIR' ? 'a file is where the folder should be.' : code === 'EACCES' || code === 'EPERM' ? 'permission denied.' : `${(err as Error).message}.`;
    throw new WorkbenchError('StorageError', 'folder_unreadable', `The ${what} folder ${dir} cannot be listed: ${reason}`);
  }
  return names.flatMap((name) => recordName.exec(name)?.[1] ?? []);
}
