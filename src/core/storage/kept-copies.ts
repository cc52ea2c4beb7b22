import { access, copyFile, constants, link, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Damaged files are renamed, never deleted, to `<id>.json.broken-<found ms>`,
 * with `.restored-<saved ms>` appended when the last good version was put back
 * in their place. The name alone records what happened, so every process (the
 * app, web mode, the CLI) lists the same thing without a ledger that could
 * itself be damaged. (`broken-<ms>` without the suffix is also what earlier
 * versions wrote.)
 */
const keptName = /^([\w-]{1,80})\.json\.broken-(\d{1,15})(?:\.restored-(\d{1,15}))?$/;

export interface KeptCopy {
  id: string;
  path: string;
  foundAt: Date;
  /** When the version put back in its place was saved; null when nothing was put back. */
  restoredSavedAt: Date | null;
}

/**
 * Keeps `path`'s bytes aside and returns the kept copy's path; `restoredSavedAt`
 * records that a backup replaces it. Without a replacement the file is renamed
 * away. With one, the file is linked (or copied, where links are refused) and
 * left in place for the caller to overwrite atomically: a listing running at
 * the same moment must never find the record missing.
 */
export async function keepAside(path: string, restoredSavedAt: Date | null = null): Promise<string> {
  const suffix = restoredSavedAt ? `.restored-${restoredSavedAt.getTime()}` : '';
  // Two damaged files found in the same millisecond must not share a name: rename would replace the first.
  for (let found = Date.now(); ; found++) {
    const kept = `${path}.broken-${found}${suffix}`;
    if (await exists(kept)) continue;
    if (!restoredSavedAt) {
      await rename(path, kept);
      return kept;
    }
    try {
      await link(path, kept);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code === 'ENOENT') throw err;
      // A file system without hard links (FAT, some network shares): a copy that never replaces one.
      const copied = await copyFile(path, kept, constants.COPYFILE_EXCL).then(
        () => true,
        (copyErr: NodeJS.ErrnoException) => {
          if (copyErr.code === 'EEXIST') return false;
          throw copyErr;
        },
      );
      if (!copied) continue;
    }
    return kept;
  }
}

/** The kept copies in a store's folder, oldest first. */
export async function listKeptCopies(dir: string): Promise<KeptCopy[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const copies: KeptCopy[] = [];
  for (const name of names) {
    const match = keptName.exec(name);
    if (!match?.[1] || !match[2]) continue;
    copies.push({ id: match[1], path: join(dir, name), foundAt: new Date(Number(match[2])), restoredSavedAt: match[3] ? new Date(Number(match[3])) : null });
  }
  return copies.sort((a, b) => a.foundAt.getTime() - b.foundAt.getTime());
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
