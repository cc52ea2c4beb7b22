import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A resource the judge counts over a whole process tree when cgroups allow. */
export type CgroupResource = 'memory' | 'pids' | 'cpu';

/** Where boxes for one resource are made: a folder of a mounted hierarchy that this process may create cgroups in. */
export interface CgroupPlace {
  resource: CgroupResource;
  version: 1 | 2;
  /** Parent folder of the boxes (an absolute path under the cgroup mount). */
  parent: string;
}

export const boxPrefix = 'vibe-judge-';

/**
 * Finds, by trying, where this machine lets the app make cgroups for each
 * resource. cgroup v2 is preferred per resource; v1 hierarchies (hybrid
 * systems, older distributions, containers) fill in what v2 lacks. A v2 box
 * is made beside the app's own cgroup (a cgroup with processes cannot hand
 * controllers to children), a v1 box inside it (so a container's own limits
 * still apply). CPU time is counted by every v2 cgroup (`cpu.stat`) or by the
 * v1 `cpuacct` controller. Nothing found means limits stay per process.
 *
 * `procSelf` is where /proc/self is read from (another folder only in tests of the parsing).
 */
export function findCgroupPlaces(procSelf = '/proc/self'): CgroupPlace[] {
  if (process.platform !== 'linux') return [];
  let mountinfo: string;
  let membership: string;
  try {
    mountinfo = readFileSync(join(procSelf, 'mountinfo'), 'utf8');
    membership = readFileSync(join(procSelf, 'cgroup'), 'utf8');
  } catch {
    return [];
  }
  const mounts = parseCgroupMounts(mountinfo);
  const own = parseMembership(membership);
  const places: CgroupPlace[] = [];
  const v2 = mounts.find((m) => m.version === 2);
  const v2Path = own.get('');
  if (v2 && v2Path !== undefined) {
    const parent = v2Path === '/' ? v2.mountPoint : dirname(join(v2.mountPoint, v2Path));
    const controllers = tryBox(parent, (dir) => readFileSync(join(dir, 'cgroup.controllers'), 'utf8').split(/\s+/));
    if (controllers) {
      places.push({ resource: 'cpu', version: 2, parent });
      if (controllers.includes('memory')) places.push({ resource: 'memory', version: 2, parent });
      if (controllers.includes('pids')) places.push({ resource: 'pids', version: 2, parent });
    }
  }
  const v1Controller: Record<CgroupResource, string> = { memory: 'memory', pids: 'pids', cpu: 'cpuacct' };
  for (const resource of ['memory', 'pids', 'cpu'] as const) {
    if (places.some((p) => p.resource === resource)) continue;
    const controller = v1Controller[resource];
    const mount = mounts.find((m) => m.version === 1 && m.controllers.includes(controller));
    const path = [...own.entries()].find(([names]) => names.split(',').includes(controller))?.[1];
    if (!mount || path === undefined) continue;
    const parent = join(mount.mountPoint, path);
    if (tryBox(parent, () => true)) places.push({ resource, version: 1, parent });
  }
  return places;
}

interface CgroupMount {
  version: 1 | 2;
  mountPoint: string;
  controllers: string[];
}

/** The cgroup file systems in /proc/self/mountinfo (`… - cgroup2 cgroup2 rw` or `… - cgroup cgroup rw,memory`). */
export function parseCgroupMounts(mountinfo: string): CgroupMount[] {
  const mounts: CgroupMount[] = [];
  for (const line of mountinfo.split('\n')) {
    const [left, right] = line.split(' - ');
    if (!left || !right) continue;
    const mountPoint = left.split(' ')[4];
    const [type, , options = ''] = right.split(' ');
    if (!mountPoint) continue;
    const point = mountPoint.replace(/\\040/g, ' ');
    if (type === 'cgroup2') mounts.push({ version: 2, mountPoint: point, controllers: [] });
    else if (type === 'cgroup') mounts.push({ version: 1, mountPoint: point, controllers: options.split(',') });
  }
  return mounts;
}

/** /proc/self/cgroup as controller list → path ("" is the v2 hierarchy). */
export function parseMembership(text: string): Map<string, string> {
  const own = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\d+:([^:]*):(.*)$/.exec(line);
    if (match) own.set(match[1] ?? '', match[2] ?? '/');
  }
  return own;
}

/**
 * Makes a probe cgroup under `parent`, checks that a process can be moved
 * into it (making a folder can be allowed where moving is not), and removes
 * it; returns what `inspect` saw, or null when any of that is not allowed.
 */
function tryBox<T>(parent: string, inspect: (dir: string) => T): T | null {
  const dir = join(parent, `${boxPrefix}probe-${process.pid}`);
  try {
    mkdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return null;
  }
  try {
    // A short-lived shell writes itself in, as each test process will (the descriptor is ours, as in the sandbox).
    const moved = spawnSync('/bin/sh', ['-c', 'echo 0 > "$1/cgroup.procs"', 'sh', dir], { stdio: 'ignore', timeout: 5000 });
    return moved.status === 0 ? inspect(dir) : null;
  } catch {
    return null;
  } finally {
    removeProbe(dir);
  }
}

/** The probe's process has exited, but the kernel may take a moment to see the cgroup empty. */
function removeProbe(dir: string): void {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      rmdirSync(dir);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EBUSY') return;
      spawnSync('sleep', ['0.01']);
    }
  }
}

/** Removes boxes left by an app that crashed (their pid is gone); live ones and non-empty ones stay. */
export function removeStaleBoxes(places: CgroupPlace[]): void {
  for (const parent of new Set(places.map((p) => p.parent))) {
    let names: string[];
    try {
      names = readdirSync(parent);
    } catch {
      continue;
    }
    for (const name of names) {
      const pid = Number(new RegExp(`^${boxPrefix}(?:probe-)?(\\d+)`).exec(name)?.[1]);
      if (!pid || pid === process.pid || alive(pid)) continue;
      try {
        rmdirSync(join(parent, name));
      } catch {
        // Still has processes (or is not ours to remove): leave it.
      }
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
