import { readFileSync } from 'node:fs';
import { availableParallelism, platform } from 'node:os';

/**
 * The thread count `threads: auto` means: `VIBE_THREADS` where it is set to a
 * whole number (a headless box's operator, and the test suites: a 0.4 MB test
 * model generates ~1,000 tok/s on one thread and 77 tok/s on two on a 2-vCPU
 * machine here, where the real 1.5B shape is 1.5× faster on two), else the
 * physical core count.
 */
export function autoThreadCount(env: NodeJS.ProcessEnv = process.env): number {
  const set = env.VIBE_THREADS?.trim();
  if (set && /^\d+$/.test(set) && Number(set) >= 1) return Math.min(Number(set), 256);
  return physicalCoreCount();
}

/**
 * Physical CPU cores, the thread count llama.cpp runs best with: using every
 * hyper-thread (or the default) was 20× slower on a 2-vCPU machine here.
 */
export function physicalCoreCount(): number {
  const logical = availableParallelism();
  if (platform() === 'linux') {
    try {
      const cores = new Set<string>();
      let physical = '0';
      for (const line of readFileSync('/proc/cpuinfo', 'utf8').split('\n')) {
        const [key, value] = line.split(':').map((s) => s.trim());
        if (key === 'physical id') physical = value ?? '0';
        if (key === 'core id') cores.add(`${physical}:${value}`);
      }
      if (cores.size > 0) return Math.min(cores.size, logical);
    } catch {
      // fall through to the estimate
    }
  }
  // Apple silicon has no SMT; x86 desktops usually have 2 threads per core.
  if (platform() === 'darwin') return logical;
  return Math.max(1, Math.ceil(logical / 2));
}
