import { rm, stat } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write';
import { inspectJsonFile, type InspectOptions } from './inspect-json-file';
import { keepAside } from './kept-copies';
import { errorMessage } from '../../shared/api/errors';

/** One record (a session, a problem) as its store can use it. */
export type RecordFile<T> =
  | { state: 'ok'; value: T }
  | { state: 'missing' }
  /** Not usable; its bytes are at `keptAs`: set aside (`setAside`) or still at the file's own path. */
  | { state: 'unusable'; reason: string; keptAs: string; setAside: boolean };

export interface RecordFileOptions<T> extends InspectOptions<T> {
  /** When a good version was saved (its own timestamp), recorded when it replaces a damaged file. Default: the backup file's time. */
  savedAt?: (value: T) => string;
}

/**
 * Reads one record file. A damaged one is set aside, never deleted. When its
 * `.bak` (the version before the last save) is good, that version is put back
 * in its place and returned, and the kept copy's name says so, so listings can
 * tell the user. A file that cannot be read is left alone: nothing would be
 * gained by moving it, and a restore would write over bytes nobody has seen.
 */
export async function readRecordFile<T>(path: string, options: RecordFileOptions<T>, attempt = 0): Promise<RecordFile<T>> {
  const found = await inspectJsonFile(path, options);
  if (found.state === 'ok') return { state: 'ok', value: found.value };
  if (found.state === 'missing') return found;
  if (found.state === 'unreadable') return { state: 'unusable', reason: found.reason, keptAs: path, setAside: false };

  const backup = await inspectJsonFile(`${path}.bak`, options);
  const restoredSavedAt = backup.state === 'ok' ? await savedAtOf(options.savedAt?.(backup.value) ?? '', `${path}.bak`) : null;
  let kept: string;
  try {
    kept = await keepAside(path, restoredSavedAt);
  } catch (err) {
    // Another process set it aside first (and may have restored it): read what is there now.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && attempt === 0) return readRecordFile(path, options, 1);
    // A read-only folder: nothing can move, so nothing is restored either; the file stays as it is.
    return { state: 'unusable', reason: `${found.reason} It could not be set aside: ${errorMessage(err)}.`, keptAs: path, setAside: false };
  }
  if (backup.state !== 'ok') return { state: 'unusable', reason: found.reason, keptAs: kept, setAside: true };
  try {
    await writeFileAtomic(path, backup.text);
  } catch (err) {
    // The damaged file is still in place (kept aside by a link): the next read tries again.
    await rm(kept, { force: true }).catch(() => undefined);
    throw err;
  }
  return { state: 'ok', value: backup.value };
}

/** The version's own timestamp, or the backup file's time when that is not a date. */
async function savedAtOf(savedAt: string, backupPath: string): Promise<Date> {
  const ms = Date.parse(savedAt);
  if (Number.isFinite(ms)) return new Date(ms);
  return (await stat(backupPath).catch(() => null))?.mtime ?? new Date();
}
