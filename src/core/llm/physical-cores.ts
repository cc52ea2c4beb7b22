import { readFileSync } from 'node:fs';
import { availableParallelism, platform } from 'node:os';

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
