import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { parseJsonFile } from './file-text';
import { errorMessage } from '../../shared/api/errors';

/** What one JSON file of a store turned out to be. */
export type InspectedFile<T> =
  | { state: 'ok'; value: T; text: string }
  | { state: 'missing' }
  /** Its bytes are wrong (empty, not JSON, wrong shape): damaged, safe to set aside. */
  | { state: 'damaged'; reason: string }
  /**
   * It could not be read, or it is fine but not for this app (a newer version): left where it is,
   * because moving it could turn a passing problem (a permission, too many open files) into a loss.
   */
  | { state: 'unreadable'; reason: string };

export interface InspectOptions<T> {
  /** Validates the parsed JSON; throws an Error whose message says what is wrong ("The file …"). */
  parse: (raw: unknown) => T;
  /** Errors of `parse` that mean "valid, just not ours": the file is left in place. Recognised by name or code. */
  isForeign?: (err: unknown) => boolean;
}

// A FIFO or device in place of the file must not block the read; Windows has no such flag.
const readFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads and checks one file without ever hanging, throwing or changing anything on disk. */
export async function inspectJsonFile<T>(path: string, options: InspectOptions<T>): Promise<InspectedFile<T>> {
  let text: string;
  try {
    const handle = await open(path, readFlags);
    try {
      const info = await handle.stat();
      if (info.isDirectory()) return { state: 'unreadable', reason: 'A folder is where the file should be.' };
      if (!info.isFile()) return { state: 'unreadable', reason: 'It is not a regular file (a pipe, socket or device is in its place).' };
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', reason: readErrorReason(err) };
  }
  if (text.trim() === '') return { state: 'damaged', reason: text.length === 0 ? 'The file is empty (0 bytes).' : 'The file holds only white space.' };
  try {
    return { state: 'ok', value: options.parse(parseJsonFile(text, 'The file')), text };
  } catch (err) {
    const reason = errorMessage(err);
    return options.isForeign?.(err) ? { state: 'unreadable', reason } : { state: 'damaged', reason };
  }
}

/** Why a file could not be read, in words. */
export function readErrorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'The file cannot be read: permission denied.';
  if (code === 'EISDIR') return 'A folder is where the file should be.';
  if (code === 'ELOOP') return 'The file is a link that loops back on itself.';
  if (code === 'EMFILE' || code === 'ENFILE') return 'The file could not be opened: too many files are open; try again.';
  if (code === 'EIO') return 'The file cannot be read: the disk reported an input/output error.';
  return `The file cannot be read: ${errorMessage(err)}.`;
}
