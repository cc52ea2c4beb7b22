import { availableParallelism, homedir, tmpdir } from 'node:os';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { JudgeReport, Problem, TestResult, Verdict } from '../../shared/judging';
import { bootstrapSource } from './bootstrap-source';
import { describeDifference, outputsMatch } from './compare-output';
import { locatePython, type PythonInfo } from './python-locator';
import { runOnce, type RunLimits, type RunOutcome } from './run-once';
import { detectSandbox, type Sandbox } from './sandbox';

export interface JudgeOptions {
  /** Folders the solution must not see besides home (the app's data directory). */
  hide?: string[];
  /** Python command from the settings, if any. */
  python?: string | null;
  /** Tests run at once. Default: the number of cores. */
  parallel?: number;
  /** Only these tests (indexes). Default: all. */
  only?: number[];
  onTest?: (result: TestResult) => void;
}

const outputCap = 16 * 1024 * 1024;
const compileCheck = `import sys, traceback
source = open("solution.py", "rb").read()
try:
    compile(source, "solution.py", "exec")
except SyntaxError as error:
    sys.stderr.write("".join(traceback.format_exception_only(type(error), error)))
    sys.exit(1)
`;

/**
 * Judges a Python solution on a problem's tests like a contest judge: a
 * syntax check first (CE), then every test in its own fresh sandbox and
 * folder, several at once, each with time, memory, process and output
 * limits, and a verdict per test.
 */
export async function judge(code: string, problem: Problem, options: JudgeOptions = {}): Promise<JudgeReport> {
  const sandbox = await detectSandbox();
  const python = await locatePython(options.python, sandbox.dropsPrivileges ? { avoidUnder: homedir() } : {});
  const limits: RunLimits = {
    cpuMs: problem.timeLimit,
    wallMs: problem.timeLimit * 3 + 1000,
    memoryMb: problem.memoryLimit,
    outputBytes: outputCap,
    processes: 32,
  };
  const base: Omit<JudgeReport, 'verdict' | 'passed' | 'tests' | 'compileError'> = { total: problem.tests.length, containment: sandbox.containment, python: `${python.executable} (${python.version})` };

  const check = await inFreshFolder(sandbox, python, code, options, 'check.py', compileCheck, (run) =>
    run('', { ...limits, cpuMs: 5000, wallMs: 15000, memoryMb: Math.max(256, limits.memoryMb) }),
  );
  if (check.exitCode !== 0) {
    const message = check.stderr.trim() || check.signal || 'The code could not be compiled.';
    return { ...base, verdict: 'CE', passed: 0, tests: [], compileError: message };
  }

  const indexes = options.only ?? problem.tests.map((_, i) => i);
  const results: TestResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < indexes.length) {
      const index = indexes[next++];
      const test = index === undefined ? undefined : problem.tests[index];
      if (index === undefined || !test) continue;
      const outcome = await inFreshFolder(sandbox, python, code, options, 'solution.py', code, (run) => run(test.input, limits));
      const result = verdictFor(index, outcome, test.output, problem, limits);
      results.push(result);
      options.onTest?.(result);
    }
  };
  const parallel = Math.max(1, Math.min(options.parallel ?? availableParallelism(), indexes.length));
  await Promise.all(Array.from({ length: parallel }, worker));
  results.sort((a, b) => a.index - b.index);
  const failed = results.find((r) => r.verdict !== 'AC');
  return { ...base, verdict: failed?.verdict ?? 'AC', passed: results.filter((r) => r.verdict === 'AC').length, tests: results, compileError: null };
}

/** Runs in a new temporary folder holding the solution and the bootstrap, removed afterwards. */
async function inFreshFolder(
  sandbox: Sandbox,
  python: PythonInfo,
  code: string,
  options: JudgeOptions,
  program: string,
  programSource: string,
  body: (run: (input: string, limits: RunLimits) => Promise<RunOutcome>) => Promise<RunOutcome>,
): Promise<RunOutcome> {
  const workDir = await mkdtemp(join(tmpdir(), 'vibe-run-'));
  try {
    await writeFile(join(workDir, 'solution.py'), code);
    await writeFile(join(workDir, 'bootstrap.py'), bootstrapSource);
    if (program !== 'solution.py') await writeFile(join(workDir, program), programSource);
    // The sandbox user (nobody, when the app runs as root) must be able to use its folder.
    if (sandbox.dropsPrivileges) await chmod(workDir, 0o777);
    const hide = [homedir(), ...(options.hide ?? []), '/tmp', '/var/tmp', '/dev/shm'];
    const underHidden = (path: string) => hide.some((h) => path === h || path.startsWith(h.endsWith(sep) ? h : h + sep));
    const keep = [workDir, ...(underHidden(python.prefix) ? [python.prefix] : [])];
    return await body((input, limits) => runOnce({ sandbox, python: python.executable, workDir, hide, keep, program, input, limits }));
  } finally {
    await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function verdictFor(index: number, run: RunOutcome, expected: string, problem: Problem, limits: RunLimits): TestResult {
  const base = {
    index,
    cpuMs: run.cpuMs,
    wallMs: run.wallMs,
    peakMemoryMb: run.peakMemoryMb,
    exitCode: run.exitCode,
    signal: run.signal,
    stdout: run.stdout.slice(0, 64 * 1024),
    stderr: run.stderr.slice(0, 16 * 1024),
    diff: null,
  };
  const lastLine = run.stderr.trim().split('\n').pop()?.trim() ?? '';
  const verdict = (v: Verdict, detail: string | null, diff: string | null = null): TestResult => ({ ...base, verdict: v, detail, diff });

  if (run.outputExceeded) return verdict('OLE', `More than ${limits.outputBytes / 1024 / 1024} MB written to ${run.outputExceeded}.`);
  if (run.cpuMs > limits.cpuMs || run.signal === 'SIGXCPU') return verdict('TLE', `CPU time over ${limits.cpuMs} ms.`);
  if (run.wallExceeded) return verdict('TLE', `Still running after ${limits.wallMs} ms of real time (sleeping or waiting?).`);
  if (run.peakMemoryMb > limits.memoryMb || /^MemoryError\b/.test(lastLine)) return verdict('MLE', `Memory limit of ${limits.memoryMb} MB reached.`);
  if (run.signal) return verdict('RE', `Killed by ${run.signal}.`);
  if (run.exitCode !== 0) return verdict('RE', lastLine || `Exit code ${run.exitCode}.`);
  if (outputsMatch(expected, run.stdout, problem.comparison)) return verdict('AC', null);
  const difference = describeDifference(expected, run.stdout);
  return verdict('WA', difference.summary, difference.diff);
}
