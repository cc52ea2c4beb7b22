import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeContainment, languageOfFile, languages, ProblemSchema, type Containment, type Language, type Problem } from '../../shared/judging';
import { judge } from '../../core/runner/judge';
import { UsageError, type CliCommand } from '../command';

export const judgeCommand: CliCommand = {
  name: 'judge',
  summary: 'judge a Python or C++ solution on a problem\'s tests (Competitive Companion JSON)',
  usage: `Usage: vibe judge <solution.py|solution.cpp> --problem <problem.json> [options]

Runs the solution on every test of the problem in a sandbox, with the problem's
time and memory limits, and prints a verdict per test (AC, WA, TLE, MLE, RE, OLE,
CE) and what the sandbox enforces on this machine. Exit code 0 only if every test
is accepted.

C++ is compiled once in the sandbox (g++ or clang++, -std=gnu++17 -O2
-DONLINE_JUDGE; compile time is not run time) and its compile errors are
printed by line.

The problem file is what Competitive Companion sends: name, timeLimit (ms),
memoryLimit (MB), tests: [{ input, output }], and optionally testType, input/output
files, interactive. Its "comparison" ({ mode: lines|tokens|exact|float|custom,
floatTolerance }) and "checker"/"interactor" (Python source) are the workbench's.

Options:
  --problem <file>      the problem JSON (required)
  --lang <language>     ${languages.join(', ')} (default: from the file's extension)
  --checker <file.py>   a custom checker: checker.py input expected output, exit 0 accepts, 1 rejects
  --interactor <file.py>  an interactive problem's interactor: reads the test from argv[1], exit 0 accepts
  --compare <mode>      lines (default), tokens, exact, or float
  --tolerance <x>       float comparison's tolerance (default 1e-6)
  --test <n>            run only test n (1-based)
  --python <cmd>        the Python to use (default: python3, python, py -3)
  --compiler <cmd>      the C++ compiler (default: g++, then clang++)
  --json                print the full report as JSON`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        problem: { type: 'string' },
        json: { type: 'boolean' },
        test: { type: 'string' },
        python: { type: 'string' },
        compiler: { type: 'string' },
        lang: { type: 'string' },
        checker: { type: 'string' },
        interactor: { type: 'string' },
        compare: { type: 'string' },
        tolerance: { type: 'string' },
      },
      strict: true,
    });
    const solutionPath = positionals[0];
    if (!solutionPath) throw new UsageError('Name the solution file, e.g. `vibe judge solution.py --problem problem.json`.');
    if (!values.problem) throw new UsageError('--problem <problem.json> is required.');
    const code = await readFile(resolve(solutionPath), 'utf8').catch(() => {
      throw new UsageError(`Cannot read ${solutionPath}.`);
    });
    const language = languageFor(solutionPath, values.lang);
    const problem = await withJudging(await readProblem(values.problem), values);
    const only = values.test === undefined ? undefined : [testIndex(values.test, problem.tests.length)];
    const report = await judge(code, problem, { only, language, python: values.python ?? null, compiler: values.compiler ?? null });

    if (values.json) {
      io.out(JSON.stringify(report, null, 2));
    } else {
      io.out(`${problem.name} · ${problem.timeLimit} ms · ${problem.memoryLimit} MB · ${report.compiler ? `${report.compiler}${report.compileMs ? `, compiled in ${report.compileMs} ms` : ', compiled before'}` : report.python}`);
      // The compiler saw solution.cpp (or solution.py); the user knows the file by its own name.
      if (report.compileError) io.out(`CE  ${report.compileError.trim().replaceAll(/\bsolution\.(cpp|py)\b/g, basename(solutionPath))}`);
      for (const t of report.tests) {
        io.out(`Test ${t.index + 1}: ${t.verdict.padEnd(3)} ${String(t.cpuMs).padStart(5)} ms CPU ${String(t.wallMs).padStart(5)} ms wall ${t.peakMemoryMb.toFixed(1).padStart(7)} MB${t.detail ? `  ${t.detail}` : ''}`);
        if (t.diff) io.out(t.diff.replace(/^/gm, '      '));
        for (const line of t.transcript ?? []) io.out(`      ${line.from === 'solution' ? '>' : '<'} ${line.text.trimEnd().replace(/\n/g, `\n      ${line.from === 'solution' ? '>' : '<'} `)}`);
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

/** The language: --lang, else the file's extension (.py, .cpp/.cc/.cxx). */
export function languageFor(path: string, flag: string | undefined): Language {
  if (flag !== undefined) {
    if (!(languages as readonly string[]).includes(flag)) throw new UsageError(`--lang must be one of ${languages.join(', ')}.`);
    return flag as Language;
  }
  const language = languageOfFile(path);
  if (!language) throw new UsageError(`Cannot tell ${path}'s language from its name: use .py or .cpp, or --lang ${languages.join('|')}.`);
  return language;
}

/** The problem with the command line's checker, interactor and comparison. */
export async function withJudging(problem: Problem & { statement: string }, values: { checker?: string; interactor?: string; compare?: string; tolerance?: string }): Promise<Problem & { statement: string }> {
  const out = { ...problem };
  if (values.checker) out.checker = await readText(values.checker, '--checker');
  if (values.interactor) {
    out.interactor = await readText(values.interactor, '--interactor');
    out.interactive = true;
  }
  const modes = ['lines', 'tokens', 'exact', 'float'] as const;
  if (values.compare !== undefined && !(modes as readonly string[]).includes(values.compare)) throw new UsageError(`--compare must be one of ${modes.join(', ')} (a checker is --checker).`);
  const tolerance = values.tolerance === undefined ? undefined : Number(values.tolerance);
  if (tolerance !== undefined && !(tolerance > 0 && tolerance <= 1)) throw new UsageError('--tolerance must be a number above 0, at most 1 (e.g. 1e-6).');
  if (values.checker) out.comparison = { mode: 'custom' };
  else if (values.compare || tolerance !== undefined) {
    const mode = (values.compare as (typeof modes)[number] | undefined) ?? 'float';
    out.comparison = { mode, ...(tolerance !== undefined ? { floatTolerance: tolerance } : {}) };
  }
  return out;
}

async function readText(path: string, flag: string): Promise<string> {
  return readFile(resolve(path), 'utf8').catch(() => {
    throw new UsageError(`${flag}: cannot read ${path}.`);
  });
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
