import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { WorkbenchError } from '../../shared/api/errors';

/**
 * Writes a file so that readers see either the old content or the new, never
 * half of either: write a temporary file beside it, flush it to disk, then
 * rename over the target (atomic on POSIX and on NTFS for same-volume moves).
 * A failure (disk full, no permission) leaves the old file untouched and
 * surfaces as a StorageError with a readable message.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const tmp = atomicTempPath(path);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw storageError(err, path);
  }
  await syncDirectory(dir);
}

/**
 * The temporary file beside `path`: hidden, with the writer's pid (so a later start can tell a dead
 * writer's leftover from a save in progress, see stale-temp-files.ts) and a random part.
 */
export function atomicTempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Makes the rename itself durable; not supported everywhere (Windows), so best effort. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Directories cannot be opened for sync on every platform; the data is already renamed.
  }
}

function storageError(err: unknown, path: string): WorkbenchError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
  const reason =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'the file system is read-only'
          : (err as Error | undefined)?.message ?? 'unknown error';
  return new WorkbenchError('StorageError', code.toLowerCase(), `Could not save ${path}: ${reason}.`);
}
