import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchError } from '../../shared/api/errors';
import { formatBytes } from '../../shared/format';
import { readRecordNames } from '../storage/record-names';

/**
 * How much the problem store keeps from imports (Competitive Companion, problem files).
 * A contest is 5–15 problems of a few KB each; these leave room for years of practice
 * while keeping every listing (which a window fetches after each `problemsChanged`)
 * small enough to read on each change.
 */
export const maxStoredProblems = 500;
/** All problem files together, as written (pretty-printed JSON): 16 MB. */
export const maxStoredProblemBytes = 16_000_000;

/**
 * Throws `StorageError` code `problem_store_full` unless problems of these sizes
 * (bytes as written) fit beside the ones in `dir` (less the one being `replacing`). Counts what is on disk, so
 * problems saved by older versions count too.
 */
export async function checkProblemRoom(dir: string, adding: readonly number[], replacing: string | null = null): Promise<void> {
  // A problem saved over its own file frees that file's room first.
  const ids = (await readRecordNames(dir, 'problems')).filter((id) => id !== replacing);
  const sizes = await Promise.all(ids.map((id) => stat(join(dir, `${id}.json`)).then((s) => s.size, () => 0)));
  const stored = sizes.reduce((a, b) => a + b, 0);
  const added = adding.reduce((a, b) => a + b, 0);
  const what = adding.length === 1 ? 'this problem' : `these ${adding.length} problems`;
  if (ids.length + adding.length > maxStoredProblems) {
    throw full(`The workbench keeps at most ${maxStoredProblems} problems and already has ${ids.length}, so ${what} cannot be added.`);
  }
  if (stored + added > maxStoredProblemBytes) {
    throw full(`Stored problems take ${formatBytes(stored)} of the ${formatBytes(maxStoredProblemBytes)} the workbench keeps, so ${what} (${formatBytes(added)}) cannot be added.`);
  }
}

function full(reason: string): WorkbenchError {
  return new WorkbenchError('StorageError', 'problem_store_full', `${reason} Delete problems you no longer need in the workbench's problem list, then import again.`);
}
