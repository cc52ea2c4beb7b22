import type { Problem, TestResult, Verdict } from '../../shared/judging';
import { describeDifference, outputsMatch } from './compare-output';
import type { RunLimits, RunOutcome } from './run-once';

/**
 * The contest verdict of one run, checked in the order a contest judge uses:
 * output limit, CPU time (of every process of the test where cgroups count
 * it), real time, memory (the kernel killed for it, or the peak went over),
 * a signal, a non-zero exit, then the comparison.
 */
export function verdictFor(index: number, run: RunOutcome, expected: string, problem: Problem, limits: RunLimits): TestResult {
  const base = {
    index,
    cpuMs: run.cpuMs,
    wallMs: run.wallMs,
    peakMemoryMb: run.peakMemoryMb,
    exitCode: run.exitCode,
    signal: run.signal,
    stdout: detached(run.stdout, 64 * 1024),
    stderr: detached(run.stderr, 16 * 1024),
    diff: null,
  };
  const lastLine = lastLineOf(run.stderr);
  const verdict = (v: Verdict, detail: string | null, diff: string | null = null): TestResult => ({
    ...base,
    verdict: v,
    detail: detail === null ? null : detached(detail, maxDetail),
    diff: diff === null ? null : detached(diff, maxDiff),
  });
  const processNote = run.processLimitHit ? ` (the limit of ${limits.processes} processes was reached)` : '';

  if (run.sandboxError) return verdict('RE', `The judge's runner stopped during this test, twice (${run.sandboxError}); most likely the solution broke it.`);
  if (run.outputExceeded) return verdict('OLE', `More than ${limits.outputBytes / 1024 / 1024} MB written to ${run.outputExceeded}.`);
  if (run.cpuExceeded || run.cpuMs > limits.cpuMs || run.signal === 'SIGXCPU') return verdict('TLE', `CPU time over ${limits.cpuMs} ms.`);
  if (run.wallExceeded) return verdict('TLE', `Still running after ${limits.wallMs} ms of real time (sleeping or waiting?).`);
  // A MemoryError counts only when it ended the program: a correct program may log the word and exit 0.
  if (run.memoryExceeded || run.peakMemoryMb > limits.memoryMb || (run.exitCode !== 0 && /^MemoryError\b/.test(lastLine))) return verdict('MLE', `Memory limit of ${limits.memoryMb} MB reached.`);
  if (run.signal) return verdict('RE', `Killed by ${run.signal}.${processNote}`);
  if (run.exitCode !== 0) return verdict('RE', `${lastLine || `Exit code ${run.exitCode}.`}${processNote}`);
  if (outputsMatch(expected, run.stdout, problem.comparison)) return verdict('AC', null);
  const difference = describeDifference(expected, run.stdout);
  return verdict('WA', difference.summary, difference.diff);
}

/** One line of detail is at most this long; a diff at most this. */
const maxDetail = 1000;
const maxDiff = 16 * 1024;

/**
 * At most `max` characters of `text`, as a string of its own. A slice of a
 * string keeps the whole original alive in V8, and a test's outputs are up
 * to 16 MB each: keeping slices in 500 results would hold gigabytes.
 */
export function detached(text: string, max: number): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return Buffer.from(cut, 'utf8').toString('utf8');
}

/** The last non-empty line of stderr (the exception), found without splitting megabytes into lines. */
function lastLineOf(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) <= 32) end--;
  const start = text.lastIndexOf('\n', end - 1) + 1;
  return text.slice(start, end).trim().slice(0, maxDetail);
}
