import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeContainment, ProblemSchema, type Containment, type Problem } from '../../shared/judging';
import { judge } from '../../core/runner/judge';
import { UsageError, type CliCommand } from '../command';

export const judgeCommand: CliCommand = {
  name: 'judge',
  summary: 'judge a Python solution on a problem\'s tests (Competitive Companion JSON)',
  usage: `Usage: vibe judge <solution.py> --problem <problem.json> [--json] [--test N] [--python <cmd>]

Runs the solution on every test of the problem in a sandbox, with the problem's
time and memory limits, and prints a verdict per test (AC, WA, TLE, MLE, RE, OLE,
CE) and what the sandbox enforces on this machine. Exit code 0 only if every test
is accepted.

The problem file is what Competitive Companion sends: name, timeLimit (ms),
memoryLimit (MB), tests: [{ input, output }].

Options:
  --problem <file>   the problem JSON (required)
  --test <n>         run only test n (1-based)
  --python <cmd>     the Python to use (default: python3, python, py -3)
  --json             print the full report as JSON`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { problem: { type: 'string' }, json: { type: 'boolean' }, test: { type: 'string' }, python: { type: 'string' } },
      strict: true,
    });
    const solutionPath = positionals[0];
    if (!solutionPath) throw new UsageError('Name the solution file, e.g. `vibe judge solution.py --problem problem.json`.');
    if (!values.problem) throw new UsageError('--problem <problem.json> is required.');
    const code = await readFile(resolve(solutionPath), 'utf8').catch(() => {
      throw new UsageError(`Cannot read ${solutionPath}.`);
    });
    const problem = await readProblem(values.problem);
    const only = values.test === undefined ? undefined : [testIndex(values.test, problem.tests.length)];
    const report = await judge(code, problem, { only, python: values.python ?? null });

    if (values.json) {
      io.out(JSON.stringify(report, null, 2));
    } else {
      io.out(`${problem.name} · ${problem.timeLimit} ms · ${problem.memoryLimit} MB · ${report.python}`);
      if (report.compileError) io.out(`CE  ${report.compileError.trim()}`);
      for (const t of report.tests) {
        io.out(`Test ${t.index + 1}: ${t.verdict.padEnd(3)} ${String(t.cpuMs).padStart(5)} ms CPU ${String(t.wallMs).padStart(5)} ms wall ${t.peakMemoryMb.toFixed(1).padStart(7)} MB${t.detail ? `  ${t.detail}` : ''}`);
        if (t.diff) io.out(t.diff.replace(/^/gm, '      '));
      }
      io.out(`Verdict: ${report.verdict} (${report.passed}/${report.total} accepted)`);
      io.err(containmentLine(report.containment));
    }
    return report.verdict === 'AC' ? 0 : 1;
  },
};

/** A problem file (Competitive Companion's JSON), checked; its `statement` too when it has one (a workbench problem). */
export async function readProblem(path: string, options: { requireTests?: boolean } = {}): Promise<Problem & { statement: string }> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(resolve(path), 'utf8'));
  } catch (err) {
    throw new UsageError(`${path} is not a readable JSON problem file (${(err as Error).message.split('\n')[0]}).`);
  }
  const parsed = ProblemSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`${path} is not a problem in Competitive Companion's format: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}.`);
  if ((options.requireTests ?? true) && parsed.data.tests.length === 0) throw new UsageError(`${path} has no tests.`);
  const statement = (raw as { statement?: unknown }).statement;
  return { ...parsed.data, statement: typeof statement === 'string' ? statement : '' };
}

function testIndex(raw: string, count: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > count) throw new UsageError(`--test must be a number from 1 to ${count}.`);
  return n - 1;
}

/** Says exactly what is enforced, never more. */
export function containmentLine(c: Containment): string {
  return `sandbox: ${describeContainment(c)}${c.notes.length ? ` — ${c.notes.join(' ')}` : ''}`;
}
