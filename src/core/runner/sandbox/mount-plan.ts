import { lstatSync, readlinkSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What a solution sees of the file system, as data: an empty, read-only root
 * with the system's programs and libraries bound in read-only, a new /proc,
 * a handful of device nodes, and one size-limited tmpfs (`/box`) as the only
 * writable place besides a small /dev/shm. Nothing of the user's (home, app
 * data, /run, /var, /tmp) exists in it, so there is nothing to hide and no
 * host path to write through. Both launchers (bubblewrap and plain
 * `unshare`) render this one plan, so the two cannot drift apart.
 */
export type MountStep =
  | { kind: 'ro-bind'; source: string; path: string }
  | { kind: 'symlink'; target: string; path: string }
  | { kind: 'tmpfs'; path: string; sizeBytes: number }
  /** A new /proc for the sandbox's PID namespace, its sysctls (/proc/sys) read-only. */
  | { kind: 'proc'; path: string }
  | { kind: 'dev'; path: string }
  | { kind: 'remount-ro'; path: string };

export interface MountPlan {
  steps: MountStep[];
  /** The writable folders the zygote empties after every test. */
  scratch: string[];
  /** The solution's working folder (and HOME) inside the sandbox. */
  workDir: string;
}

/** Inside the sandbox: everything a test may write lives under this one tmpfs. */
export const boxDir = '/box';
/** Bytes a test may store in files, all files together (its tmpfs size). */
export const boxBytes = 64 * 1024 * 1024;
/** /dev/shm (POSIX semaphores for multiprocessing), also emptied after every test. */
export const shmBytes = 16 * 1024 * 1024;

/** Top-level system folders bound read-only when they exist (or recreated as the same symlink). */
const systemDirs = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];
/** The few files of /etc that programs need to start: the loader's cache, and the alternatives links compilers use. */
const etcEntries = ['/etc/ld.so.cache', '/etc/ld.so.conf', '/etc/ld.so.conf.d', '/etc/alternatives', '/etc/localtime'];

/**
 * The plan for this machine. `extraReadOnly` are folders a run needs beyond
 * the system ones (Python's installation when it lives elsewhere, e.g. /opt
 * or a user's pyenv); they are bound read-only at their own paths.
 */
export function mountPlan(extraReadOnly: string[] = []): MountPlan {
  const steps: MountStep[] = [];
  for (const path of systemDirs) {
    const kind = entryKind(path);
    if (kind === 'symlink') steps.push({ kind: 'symlink', target: readlinkSync(path), path });
    else if (kind === 'dir') steps.push({ kind: 'ro-bind', source: path, path });
  }
  for (const path of etcEntries) if (entryKind(path) !== null) steps.push({ kind: 'ro-bind', source: path, path });
  const bound = (p: string) => steps.some((s) => s.kind === 'ro-bind' && (p === s.path || p.startsWith(`${s.path}/`)));
  for (const path of extraReadOnly) if (!bound(path) && entryKind(path) === 'dir') steps.push({ kind: 'ro-bind', source: path, path });
  steps.push(
    { kind: 'proc', path: '/proc' },
    { kind: 'dev', path: '/dev' },
    { kind: 'tmpfs', path: '/dev/shm', sizeBytes: shmBytes },
    { kind: 'tmpfs', path: boxDir, sizeBytes: boxBytes },
    // /tmp and /var/tmp point into the box, so everything a test writes is in one capped, emptied place.
    { kind: 'symlink', target: `${boxDir}/tmp`, path: '/tmp' },
    { kind: 'symlink', target: `${boxDir}/tmp`, path: '/var/tmp' },
    { kind: 'remount-ro', path: '/dev' },
    { kind: 'remount-ro', path: '/' },
  );
  return { steps, scratch: [boxDir, '/dev/shm'], workDir: `${boxDir}/work` };
}

/** Folders a plan needs to exist before a step at `path` (for launchers that create them by hand). */
export function parentsOf(path: string): string[] {
  const parents: string[] = [];
  for (let dir = dirname(path); dir !== '/' && dir !== '.'; dir = dirname(dir)) parents.unshift(dir);
  return parents;
}

function entryKind(path: string): 'dir' | 'file' | 'symlink' | null {
  try {
    const stat = lstatSync(path);
    return stat.isSymbolicLink() ? 'symlink' : stat.isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}
