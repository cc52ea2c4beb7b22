import type { Problem } from '../../shared/judging';
import { comparisonMode, describeDifference, outputsMatch } from './compare-output';
import { cancelled } from './judge-errors';
import type { RunLimits } from './run-once';
import type { Runner } from './sandbox-workers';
import { lastLineOf } from './verdict';

export interface Check {
  accepted: boolean;
  detail: string | null;
  diff: string | null;
}

/** A checker has its own limits, whatever the problem's: it reads three files and says yes or no. */
const checkerLimits = (base: RunLimits): RunLimits => ({ ...base, cpuMs: 10_000, wallMs: 20_000, memoryMb: Math.max(256, base.memoryMb) });

/**
 * Whether `got` answers the test: the problem's built-in comparison, or its
 * custom checker run in the sandbox (`checker.py input.txt expected.txt
 * output.txt`; exit 0 accepts, 1 rejects, anything else is the checker's
 * own failure, said as such). The checker's first line of output is the
 * detail shown with its verdict.
 */
export async function checkOutput(problem: Problem, test: { input: string; expected: string; got: string }, runner: Runner, limits: RunLimits, signal: AbortSignal): Promise<Check> {
  if (comparisonMode(problem.comparison) !== 'custom' || !problem.checker) {
    if (outputsMatch(test.expected, test.got, problem.comparison)) return { accepted: true, detail: null, diff: null };
    const difference = describeDifference(test.expected, test.got);
    return { accepted: false, detail: difference.summary, diff: difference.diff };
  }
  const run = await runner(
    {
      program: { kind: 'python', source: problem.checker },
      args: ['input.txt', 'expected.txt', 'output.txt'],
      input: '',
      files: [
        { name: 'input.txt', data: test.input },
        { name: 'expected.txt', data: test.expected },
        { name: 'output.txt', data: test.got },
      ],
    },
    checkerLimits(limits),
  );
  if (signal.aborted || run.cancelled) throw cancelled();
  // The three files did not fit the sandbox's 64 MB, or the checker broke its runner: said as that.
  if (run.sandboxError) return { accepted: false, detail: `The checker could not run: ${run.sandboxError}. (Input, expected and output together must fit in 64 MB.)`, diff: null };
  const message = firstLine(run.stdout) || lastLineOf(run.stderr);
  if (run.exitCode === 0 && !run.signal) return { accepted: true, detail: message || null, diff: null };
  // A Python exception also exits 1: a traceback says the checker broke, not that the answer is wrong.
  const crashed = run.stderr.includes('Traceback (most recent call last)');
  if (run.exitCode === 1 && !crashed) return { accepted: false, detail: message ? `Checker: ${message}` : 'The checker rejected the output.', diff: null };
  const how = run.wallExceeded || run.cpuExceeded ? 'ran out of time' : run.signal ? `was killed by ${run.signal}` : crashed ? 'raised an exception' : `exited with ${run.exitCode}`;
  const said = crashed ? lastLineOf(run.stderr) : message;
  return { accepted: false, detail: `The checker itself failed (it ${how})${said ? `: ${said}` : ''}. Fix the checker (exit 0 accepts, 1 rejects).`, diff: null };
}

function firstLine(text: string): string {
  const start = text.search(/\S/);
  if (start === -1) return '';
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? Math.min(text.length, start + 1000) : Math.min(end, start + 1000)).trim();
}
