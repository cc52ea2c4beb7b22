import { readdirSync, readFileSync } from 'node:fs';

/**
 * How many processes descend from `root` (default: this test process) right
 * now, read from /proc. Sandboxes are started by the process under test, so
 * this counts exactly what a judging left behind, whatever user they run as,
 * and is not confused by other test files judging at the same time.
 */
export function descendantCount(root: number = process.pid): number {
  return descendants(root).length;
}

/** The pids of the processes that descend from `root` now. */
export function descendants(root: number = process.pid): number[] {
  if (process.platform !== 'linux') return [];
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name may hold spaces and parentheses: the fields after the last ')' are fixed.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(name), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  for (const pid of parentOf.keys()) {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) {
      if (p === root) {
        found.push(pid);
        break;
      }
    }
  }
  return found;
}

/** Which of `pids` still run (killed processes are reaped by whoever inherits them). */
export function stillRunning(pids: number[]): number[] {
  return pids.filter((pid) => {
    try {
      const state = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return state.slice(state.lastIndexOf(')') + 2, state.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return false;
    }
  });
}
