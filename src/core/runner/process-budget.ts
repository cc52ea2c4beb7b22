import { readdirSync, readFileSync } from 'node:fs';

/**
 * RLIMIT_NPROC counts every process of the user, not just the solution's. For
 * a desktop user with hundreds of processes a flat limit would stop a solution
 * from starting even one thread, so the budget is what the user already runs
 * plus `extra`. When runs happen as the sandbox-only user (the app runs as
 * root) that count is near zero and the limit is simply `extra`.
 */
export function processBudget(extra: number, uid: number | undefined = runUid()): number {
  if (process.platform !== 'linux' || uid === undefined) return extra;
  let count = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const uidLine = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${name}/status`, 'utf8'));
      if (uidLine && Number(uidLine[1]) === uid) count++;
    } catch {
      // The process ended while we looked.
    }
  }
  return count + extra;
}

/** The uid solutions run as: nobody (65534) when the app is root, else the app's own. */
function runUid(): number | undefined {
  const uid = process.getuid?.();
  return uid === 0 ? 65534 : uid;
}
