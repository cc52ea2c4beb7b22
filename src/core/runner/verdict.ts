import type { TestResult, Verdict } from '../../shared/judging';
import type { RunLimits, RunOutcome } from './run-once';

/** A test's result: its run's figures, and the verdict with its detail and diff. */
export function testResult(index: number, run: RunOutcome, verdict: Verdict, detail: string | null, diff: string | null = null): TestResult {
  return {
    index,
    verdict,
    detail: detail === null ? null : detached(detail, maxDetail),
    cpuMs: run.cpuMs,
    wallMs: run.wallMs,
    peakMemoryMb: run.peakMemoryMb,
    exitCode: run.exitCode,
    signal: run.signal,
    stdout: detached(run.stdout, 64 * 1024),
    stderr: detached(run.stderr, 16 * 1024),
    diff: diff === null ? null : detached(diff, maxDiff),
  };
}

/**
 * What went wrong with a run before its output is compared, in the order a
 * contest judge checks: output limit, CPU time (of every process of the
 * test where cgroups count it), real time, memory (the kernel killed for
 * it, or the peak went over), then, unless `crashLater` (an interactive
 * test, where the interactor's word comes first), a signal or a non-zero
 * exit. Null: the run ended well and its output decides.
 */
export function runFailure(run: RunOutcome, limits: RunLimits, options: { crashLater?: boolean } = {}): { verdict: Verdict; detail: string } | null {
  const lastLine = lastLineOf(run.stderr);
  if (run.sandboxError) return { verdict: 'RE', detail: `The judge's runner stopped during this test, twice (${run.sandboxError}); most likely the solution broke it.` };
  if (run.outputExceeded) return { verdict: 'OLE', detail: `More than ${limits.outputBytes / 1024 / 1024} MB written to ${run.outputExceeded}.` };
  if (run.cpuExceeded || run.cpuMs > limits.cpuMs || run.signal === 'SIGXCPU') return { verdict: 'TLE', detail: `CPU time over ${limits.cpuMs} ms.` };
  if (run.wallExceeded) return { verdict: 'TLE', detail: `Still running after ${limits.wallMs} ms of real time (sleeping or waiting?).` };
  // A MemoryError counts only when it ended the program: a correct program may log the word and exit 0.
  if (run.memoryExceeded || run.peakMemoryMb > limits.memoryMb || (run.exitCode !== 0 && /^MemoryError\b/.test(lastLine))) return { verdict: 'MLE', detail: `Memory limit of ${limits.memoryMb} MB reached.` };
  if (options.crashLater) return null;
  return crashOf(run, limits, lastLine);
}

/** A run that was killed by a signal or exited with a non-zero code: RE, with the last line it wrote (to stderr). */
export function crashOf(run: RunOutcome, limits: RunLimits, lastLine = lastLineOf(run.stderr)): { verdict: Verdict; detail: string } | null {
  const processNote = run.processLimitHit ? ` (the limit of ${limits.processes} processes was reached)` : '';
  if (run.signal) return { verdict: 'RE', detail: `Killed by ${run.signal}${signalHint(run.signal)}.${processNote}` };
  if (run.exitCode !== 0) return { verdict: 'RE', detail: `${lastLine || `Exit code ${run.exitCode}.`}${processNote}` };
  return null;
}

/** What a native program's fatal signal usually means. */
function signalHint(signal: string): string {
  return signal === 'SIGSEGV' ? ' (an invalid memory access: an index out of range, or a stack overflow)' : signal === 'SIGFPE' ? ' (a division by zero)' : signal === 'SIGABRT' ? ' (abort: a failed assertion or an uncaught exception)' : '';
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
export function lastLineOf(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) <= 32) end--;
  const start = text.lastIndexOf('\n', end - 1) + 1;
  return text.slice(start, end).trim().slice(0, maxDetail);
}
