import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmdirSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { boxPrefix, type CgroupPlace, type CgroupResource } from './cgroup-places';

/** What one test used, counted over every process it started. Null where this machine cannot count it. */
export interface BoxUsage {
  cpuMs: number | null;
  peakBytes: number | null;
  /** The kernel killed a process of the test for memory. */
  oomKilled: boolean;
  /** A fork or thread was refused for the process limit. */
  processLimitHit: boolean;
}

let boxCounter = 0;

/**
 * The cgroups of one warm sandbox: one folder per hierarchy used. The zygote
 * stays outside; every test process writes itself into the box (through file
 * descriptors opened here and inherited into the sandbox, since the cgroup
 * file system is not mounted there) before the solution starts, so memory,
 * process count and CPU time are those of the whole tree. The host only reads
 * and writes kernel files here, never a path the solution can change.
 *
 * These are tiny pseudo-files answered from memory by the kernel, so plain
 * synchronous calls are used; they never wait on a disk.
 */
export class CgroupBox {
  readonly counts: ReadonlySet<CgroupResource>;
  readonly #dirs: Map<string, string>;
  readonly #dirOf = new Map<CgroupResource, { dir: string; version: 1 | 2 }>();
  #peakFd: number | null = null;
  #baseline = { cpu: 0, oom: 0, pidsMax: 0 };
  #limits = { memoryBytes: -1, processes: -1 };

  private constructor(dirs: Map<string, string>, places: CgroupPlace[]) {
    this.#dirs = dirs;
    for (const place of places) {
      const dir = dirs.get(`${place.version}:${place.parent}`);
      if (dir) this.#dirOf.set(place.resource, { dir, version: place.version });
    }
    this.counts = new Set(this.#dirOf.keys());
    const memory = this.#dirOf.get('memory');
    if (memory?.version === 2) {
      // One descriptor for the whole session: a write resets the peak seen through that same descriptor (Linux 6.12+).
      try {
        this.#peakFd = openSync(join(memory.dir, 'memory.peak'), 'r+');
        writeSync(this.#peakFd, 'reset');
      } catch {
        if (this.#peakFd !== null) closeSync(this.#peakFd);
        this.#peakFd = null;
      }
      // On an out-of-memory kill, kill the whole tree, not one process of it.
      tryWrite(join(memory.dir, 'memory.oom.group'), '1');
    }
  }

  /** Whether the peak memory reported is that of the whole tree (cgroup v2 before Linux 6.12 cannot reset it per test). */
  get peakCounted(): boolean {
    const memory = this.#dirOf.get('memory');
    return memory !== undefined && (memory.version === 1 || this.#peakFd !== null);
  }

  /** A box for these places, or null when none could be made (then limits stay per process). */
  static create(places: CgroupPlace[]): CgroupBox | null {
    if (places.length === 0) return null;
    const name = `${boxPrefix}${process.pid}-${boxCounter++}`;
    const dirs = new Map<string, string>();
    try {
      for (const place of places) {
        const key = `${place.version}:${place.parent}`;
        if (dirs.has(key)) continue;
        const dir = join(place.parent, name);
        mkdirSync(dir);
        dirs.set(key, dir);
      }
      return new CgroupBox(dirs, places);
    } catch {
      // Half a box would claim more than it counts: remove what was made.
      for (const dir of dirs.values()) void removeWhenEmpty(dir);
      return null;
    }
  }

  /**
   * Descriptors for the sandbox: `enter` (each hierarchy's cgroup.procs, to
   * write "0" into) and `cpu` (the CPU counter, for the zygote to stop a tree
   * over its CPU limit). The caller closes them once the sandbox has started.
   */
  openForSandbox(): { enter: number[]; cpu: number | null } {
    // A disposed box has no folders left: a sandbox started now would join no cgroup and have no limits.
    if (this.#dirs.size === 0) throw new Error('The cgroup box was disposed.');
    const opened: number[] = [];
    try {
      for (const dir of this.#dirs.values()) opened.push(openSync(join(dir, 'cgroup.procs'), 'w'));
      const cpu = this.#dirOf.get('cpu');
      const cpuFd = cpu ? openSync(join(cpu.dir, cpu.version === 2 ? 'cpu.stat' : 'cpuacct.usage'), 'r') : null;
      return { enter: opened, cpu: cpuFd };
    } catch (err) {
      for (const fd of opened) closeSync(fd);
      throw err;
    }
  }

  /** Sets the limits of the next test (tests of one judging can differ: the compile check gets more memory). */
  setLimits(memoryBytes: number, processes: number): void {
    const memory = this.#dirOf.get('memory');
    if (memory && memoryBytes !== this.#limits.memoryBytes) {
      if (memory.version === 2) {
        writeFileSync(join(memory.dir, 'memory.max'), String(memoryBytes));
        tryWrite(join(memory.dir, 'memory.swap.max'), '0');
      } else {
        // memsw (memory + swap) must stay ≥ the memory limit at every step, so the order depends on the direction.
        const limit = join(memory.dir, 'memory.limit_in_bytes');
        const memsw = join(memory.dir, 'memory.memsw.limit_in_bytes');
        const hasSwap = existsSync(memsw);
        if (hasSwap && memoryBytes > this.#limits.memoryBytes) tryWrite(memsw, String(memoryBytes));
        writeFileSync(limit, String(memoryBytes));
        if (hasSwap) tryWrite(memsw, String(memoryBytes));
      }
    }
    const pids = this.#dirOf.get('pids');
    if (pids && processes !== this.#limits.processes) writeFileSync(join(pids.dir, 'pids.max'), String(processes));
    this.#limits = { memoryBytes, processes };
  }

  /** Marks where the next test starts: peak memory reset, counters remembered. */
  beforeTest(): void {
    const memory = this.#dirOf.get('memory');
    if (memory?.version === 1) {
      writeFileSync(join(memory.dir, 'memory.max_usage_in_bytes'), '0');
      tryWrite(join(memory.dir, 'memory.memsw.max_usage_in_bytes'), '0');
    } else if (this.#peakFd !== null) writeSync(this.#peakFd, 'reset');
    this.#baseline = { cpu: this.#cpuNs() ?? 0, oom: this.#oomKills(), pidsMax: this.#pidsRefused() };
  }

  afterTest(): BoxUsage {
    const cpu = this.#cpuNs();
    return {
      cpuMs: cpu === null ? null : (cpu - this.#baseline.cpu) / 1e6,
      peakBytes: this.#peakBytes(),
      oomKilled: this.#oomKills() > this.#baseline.oom,
      processLimitHit: this.#pidsRefused() > this.#baseline.pidsMax,
    };
  }

  async dispose(): Promise<void> {
    if (this.#peakFd !== null) closeSync(this.#peakFd);
    this.#peakFd = null;
    const dirs = [...this.#dirs.values()];
    this.#dirs.clear();
    await Promise.all(dirs.map(removeWhenEmpty));
  }

  #cpuNs(): number | null {
    const cpu = this.#dirOf.get('cpu');
    if (!cpu) return null;
    if (cpu.version === 1) return Number(read(join(cpu.dir, 'cpuacct.usage')));
    return field(read(join(cpu.dir, 'cpu.stat')), 'usage_usec') * 1000;
  }

  #peakBytes(): number | null {
    const memory = this.#dirOf.get('memory');
    if (!memory) return null;
    if (memory.version === 1) return Number(read(join(memory.dir, 'memory.max_usage_in_bytes')));
    if (this.#peakFd === null) return null;
    const buffer = Buffer.alloc(64);
    const n = readSync(this.#peakFd, buffer, 0, buffer.length, 0);
    return Number(buffer.subarray(0, n).toString().trim());
  }

  #oomKills(): number {
    const memory = this.#dirOf.get('memory');
    if (!memory) return 0;
    return field(read(join(memory.dir, memory.version === 2 ? 'memory.events' : 'memory.oom_control')), 'oom_kill');
  }

  #pidsRefused(): number {
    const pids = this.#dirOf.get('pids');
    return pids ? field(read(join(pids.dir, 'pids.events')), 'max') : 0;
  }
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The number after `name` in a flat-keyed cgroup file ("oom_kill 3\n…"). */
function field(text: string, name: string): number {
  const match = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

function tryWrite(path: string, value: string): void {
  try {
    writeFileSync(path, value);
  } catch {
    // Optional knob (no swap accounting, an older kernel): the limit without it still holds.
  }
}

/** A cgroup can be removed only once its last process is gone; killed processes take a moment to leave. */
async function removeWhenEmpty(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      rmdirSync(dir);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
