import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The temporary name `writeFileAtomic` gives: `.<name>.<pid>.<8 hex>.tmp`. Nothing else is ever removed. */
const tempName = /^\.(.+)\.(\d{1,10})\.[0-9a-f]{8}\.tmp$/;

export interface StaleTempOptions {
  /** Any writer's temp file older than this is a leftover: a save takes milliseconds. Default: 5 minutes. */
  staleAfterMs?: number;
  /**
   * A dead process's temp file older than this is a leftover too. The grace covers a writer whose pid
   * we cannot see (another PID namespace: a sandboxed app, a container). Default: 30 seconds.
   */
  deadAfterMs?: number;
  /** Default: now. */
  now?: number;
  /** Default: asks the system (signal 0). */
  isAlive?: (pid: number) => boolean;
}

/**
 * Removes temp files that an atomic write left behind when its process died
 * between creating and renaming them (a crash, a kill, a power cut). Only
 * plain files with exactly our temp name, only in the given folders (not
 * below them), and never one a live process may still be writing.
 */
export async function cleanStaleTempFiles(folders: readonly string[], options: StaleTempOptions = {}): Promise<string[]> {
  const now = options.now ?? Date.now();
  const staleAfter = options.staleAfterMs ?? 5 * 60_000;
  const deadAfter = options.deadAfterMs ?? 30_000;
  const isAlive = options.isAlive ?? processIsAlive;
  const removed: string[] = [];
  for (const folder of folders) {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      const pid = Number(tempName.exec(name)?.[2] ?? NaN);
      if (!Number.isInteger(pid)) continue;
      const path = join(folder, name);
      const info = await lstat(path).catch(() => null);
      if (!info?.isFile()) continue;
      const age = now - info.mtimeMs;
      const leftOver = age > staleAfter || (age > deadAfter && pid !== process.pid && !isAlive(pid));
      if (!leftOver) continue;
      // Best effort: a file that cannot be removed now is tried again at the next start.
      if (await rm(path).then(() => true, () => false)) removed.push(path);
    }
  }
  return removed;
}

function processIsAlive(pid: number): boolean {
  if (pid <= 0) return true; // 0 and negatives address process groups: never ask, never assume dead
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is just not ours.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
