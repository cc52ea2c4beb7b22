import { availableParallelism, homedir, tmpdir } from 'node:os';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { JudgeReport, Problem, TestResult, Verdict } from '../../shared/judging';
import { bootstrapSource } from './bootstrap-source';
import { describeDifference, outputsMatch } from './compare-output';
import { locatePython, type PythonInfo } from './python-locator';
import { runOnce, type RunLimits, type RunOutcome } from './run-once';
import { detectSandbox, type Sandbox } from './sandbox';
import { ZygoteSession } from './zygote-session';
import { processBudget } from './process-budget';

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
source = __CODE__
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
    processes: processBudget(32),
  };
  const base: Omit<JudgeReport, 'verdict' | 'passed' | 'tests' | 'compileError'> = { total: problem.tests.length, containment: sandbox.containment, python: `${python.executable} (${python.version})` };

  const hide = [homedir(), ...(options.hide ?? []), '/tmp', '/var/tmp', '/dev/shm'];
  const indexes = options.only ?? problem.tests.map((_, i) => i);
  const parallel = Math.max(1, Math.min(options.parallel ?? availableParallelism(), indexes.length || 1));
  // With namespaces, tests run in warm sandboxes (one per worker) instead of a new sandbox each.
  const warm = sandbox.containment.filesystem ? await warmSessions(sandbox, python, hide, parallel) : null;
  try {
    const run = (slot: number, program: string, input: string, runLimits: RunLimits) =>
      warm ? warm.sessions[slot % warm.sessions.length]!.run(input, runLimits, program) : inFreshFolder(sandbox, python, hide, program, input, runLimits);

    const check = await run(0, compileCheck.replace('__CODE__', JSON.stringify(code)), '', { ...limits, cpuMs: 5000, wallMs: 15000, memoryMb: Math.max(256, limits.memoryMb) });
    if (check.exitCode !== 0) {
      const message = check.stderr.trim() || check.signal || 'The code could not be compiled.';
      return { ...base, verdict: 'CE', passed: 0, tests: [], compileError: message };
    }

    const results: TestResult[] = [];
    let next = 0;
    const worker = async (slot: number) => {
      while (next < indexes.length) {
        const index = indexes[next++];
        const test = index === undefined ? undefined : problem.tests[index];
        if (index === undefined || !test) continue;
        const outcome = await run(slot, code, test.input, limits);
        const result = verdictFor(index, outcome, test.output, problem, limits);
        results.push(result);
        options.onTest?.(result);
      }
    };
    await Promise.all(Array.from({ length: parallel }, (_, slot) => worker(slot)));
    results.sort((a, b) => a.index - b.index);
    const failed = results.find((r) => r.verdict !== 'AC');
    return { ...base, verdict: failed?.verdict ?? 'AC', passed: results.filter((r) => r.verdict === 'AC').length, tests: results, compileError: null };
  } finally {
    await warm?.dispose();
  }
}

/** Warm sandboxes for one judging: a session folder each, removed with the sessions. */
async function warmSessions(sandbox: Sandbox, python: PythonInfo, hide: string[], count: number) {
  const dirs = await Promise.all(Array.from({ length: count }, () => mkdtemp(join(tmpdir(), 'vibe-run-'))));
  if (sandbox.dropsPrivileges) await Promise.all(dirs.map((d) => chmod(d, 0o777)));
  const sessions = dirs.map((dir) => new ZygoteSession(sandbox, python.executable, dir, { hide, keep: keepReachable(dir, python, hide) }));
  return {
    sessions,
    dispose: async () => {
      for (const s of sessions) s.close();
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }).catch(() => undefined)));
    },
  };
}

function keepReachable(workDir: string, python: PythonInfo, hide: string[]): string[] {
  const underHidden = (path: string) => hide.some((h) => path === h || path.startsWith(h.endsWith(sep) ? h : h + sep));
  return [workDir, ...(underHidden(python.prefix) ? [python.prefix] : [])];
}

/** Without namespaces: a new temporary folder and sandbox per run, removed afterwards. */
async function inFreshFolder(sandbox: Sandbox, python: PythonInfo, hide: string[], programSource: string, input: string, limits: RunLimits): Promise<RunOutcome> {
  const workDir = await mkdtemp(join(tmpdir(), 'vibe-run-'));
  try {
    await writeFile(join(workDir, 'solution.py'), programSource);
    await writeFile(join(workDir, 'bootstrap.py'), bootstrapSource);
    if (sandbox.dropsPrivileges) await chmod(workDir, 0o777);
    return await runOnce({ sandbox, python: python.executable, workDir, hide, keep: keepReachable(workDir, python, hide), program: 'solution.py', input, limits });
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
