import { homedir, tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { WorkbenchError } from '../../shared/api/errors';
import type { Containment, JudgeReport, Problem, TestResult } from '../../shared/judging';
import { bootstrapSource } from './bootstrap-source';
import { locatePython, type PythonInfo } from './python-locator';
import { maxOutputBytes, outputCapFor, runOnce, type RunLimits, type RunOutcome } from './run-once';
import { CgroupBox } from './sandbox/cgroup-box';
import { detectSandbox, type Sandbox } from './sandbox/detect-sandbox';
import { killAllOf } from './sandbox/fallback-uids';
import { mountPlan } from './sandbox/mount-plan';
import { cancelled } from './judge-errors';
import { sandboxSlots } from './sandbox-slots';
import { detached, verdictFor } from './verdict';
import { ZygoteSession } from './zygote-session';
import { processBudget } from './process-budget';

export interface JudgeOptions {
  /** Python command from the settings, if any. */
  python?: string | null;
  /** Tests run at once, at most. Default: as many as there are free sandbox slots. */
  parallel?: number;
  /** Only these tests (indexes). Default: all. */
  only?: number[];
  onTest?: (result: TestResult) => void;
  /** Stops the judging: running tests are killed, the promise rejects with code `cancelled`. */
  signal?: AbortSignal;
}

/** Processes (and threads) a test may have at once. */
const processLimit = 32;
const compileCheck = `import sys, traceback
source = __CODE__
try:
    compile(source, "solution.py", "exec")
except SyntaxError as error:
    sys.stderr.write("".join(traceback.format_exception_only(type(error), error)))
    sys.exit(1)
`;

type Runner = (program: string, input: string, limits: RunLimits) => Promise<RunOutcome & { cancelled?: boolean }>;

/**
 * Judges a Python solution on a problem's tests like a contest judge: a
 * syntax check first (CE), then every test in a fresh, empty sandbox folder,
 * several at once, each with time, memory, process, disk and output limits,
 * and a verdict per test.
 */
export async function judge(code: string, problem: Problem, options: JudgeOptions = {}): Promise<JudgeReport> {
  if (process.platform === 'win32') {
    throw new WorkbenchError('UnavailableError', 'judge_unsupported', 'The judge does not run solutions on Windows yet (its runner needs fork and POSIX limits). Use WSL, where it is the Linux judge.');
  }
  const sandbox = await detectSandbox();
  const python = await locatePython(options.python, sandbox.dropsToNobody ? { avoidUnder: homedir() } : {});
  const memoryMb = sandboxSlots.clampMemory(problem.memoryLimit);
  const limits: RunLimits = {
    cpuMs: problem.timeLimit,
    wallMs: problem.timeLimit * 3 + 1000,
    memoryMb,
    outputBytes: maxOutputBytes,
    processes: processLimit,
  };
  const base: Omit<JudgeReport, 'verdict' | 'passed' | 'tests' | 'compileError'> = { total: problem.tests.length, containment: sandbox.containment, python: `${python.executable} (${python.version})` };
  if (memoryMb < problem.memoryLimit) {
    base.containment = { ...base.containment, notes: [...base.containment.notes, `The problem asks for ${problem.memoryLimit} MB; this machine gives a sandbox at most ${memoryMb} MB.`] };
  }
  const indexes = options.only ?? problem.tests.map((_, i) => i);
  if (indexes.some((i) => !Number.isInteger(i) || i < 0 || i >= problem.tests.length)) {
    throw new WorkbenchError('ValidationError', 'no_such_test', `The problem has ${problem.tests.length} tests; asked for test ${indexes.map((i) => i + 1).join(', ')}.`);
  }
  const wanted = Math.max(1, Math.min(options.parallel ?? sandboxSlots.capacity, indexes.length || 1));
  // Stops every worker: when the caller asks, and when one worker fails (the others must not go on alone).
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) stop.abort();
  const signal = stop.signal;
  // Each slot is promised the most any run of this judging gets (the compile check has at least 256 MB).
  const reserveMb = Math.max(256, memoryMb);

  const releases = [await sandboxSlots.acquire(reserveMb, signal)];
  let workers: Workers | null = null;
  try {
    for (let i = 1; i < wanted; i++) {
      const release = sandboxSlots.tryAcquire(reserveMb);
      if (!release) break;
      releases.push(release);
    }
    workers = sandbox.launcher ? zygoteWorkers(sandbox, python, releases.length, signal) : freshFolderWorkers(sandbox, python, releases.length, signal);
    if (workers.perProcessOnly) base.containment = countedPerProcess(base.containment);
    else if (workers.peakPerProcess) {
      base.containment = { ...base.containment, notes: [...base.containment.notes, 'The memory limit holds for the whole tree, but the peak shown is the largest single process (this kernel cannot reset a cgroup’s peak between tests).'] };
    }
    const first = workers.runners[0];
    if (!first) throw new WorkbenchError('InternalError', 'no_worker', 'No sandbox to run in.');
    // A function as the replacement: `$'` or `$&` in the code must stay text, not become replacement patterns.
    const check = await first(compileCheck.replace('__CODE__', () => JSON.stringify(code)), '', { ...limits, cpuMs: 5000, wallMs: 15000, memoryMb: Math.max(256, limits.memoryMb) });
    if (signal.aborted || check.cancelled) throw cancelled();
    if (check.exitCode !== 0) {
      const message = detached(check.stderr.trim(), 4000) || check.signal || 'The code could not be compiled.';
      return { ...base, verdict: 'CE', passed: 0, tests: [], compileError: message };
    }

    const results: TestResult[] = [];
    let next = 0;
    const worker = async (runner: Runner) => {
      while (next < indexes.length && !signal.aborted) {
        const index = indexes[next++];
        const test = index === undefined ? undefined : problem.tests[index];
        if (index === undefined || !test) continue;
        const testLimits = { ...limits, outputBytes: outputCapFor(test.output) };
        const outcome = await runner(code, test.input, testLimits);
        if (outcome.cancelled || signal.aborted) return;
        const result = verdictFor(index, outcome, test.output, problem, testLimits);
        results.push(result);
        options.onTest?.(result);
      }
    };
    // Every worker has stopped before the sandboxes are disposed; the first failure stops the rest.
    const settled = await Promise.allSettled(
      workers.runners.map((runner) =>
        worker(runner).catch((err: unknown) => {
          stop.abort();
          throw err;
        }),
      ),
    );
    const failure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    if (signal.aborted) throw cancelled();
    results.sort((a, b) => a.index - b.index);
    const failed = results.find((r) => r.verdict !== 'AC');
    return { ...base, verdict: failed?.verdict ?? 'AC', passed: results.filter((r) => r.verdict === 'AC').length, tests: results, compileError: null };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await workers?.dispose();
    for (const release of releases) release();
  }
}

interface Workers {
  runners: Runner[];
  /** The sandboxes count limits per process although cgroups were expected (they could not be made). */
  perProcessOnly: boolean;
  /** The memory limit is the tree's, but the peak reported is one process's. */
  peakPerProcess: boolean;
  dispose(): Promise<void>;
}

/** Warm sandboxes for one judging, each with its own cgroups, all gone when the judging ends. */
function zygoteWorkers(sandbox: Sandbox, python: PythonInfo, count: number, signal?: AbortSignal): Workers {
  const plan = mountPlan(pythonFolders(python));
  const sessions = Array.from({ length: count }, () => {
    const box = CgroupBox.create(sandbox.cgroups);
    return { box, session: new ZygoteSession({ command: (inner) => sandbox.sessionCommand(plan, inner), plan, box, python: python.executable }) };
  });
  return {
    perProcessOnly: sandbox.cgroups.length > 0 && sessions.some(({ box }) => box === null),
    peakPerProcess: sessions.some(({ box }) => box?.counts.has('memory') && !box.peakCounted),
    runners: sessions.map(({ session }): Runner => (program, input, limits) => session.run(program, input, limits, signal)),
    dispose: async () => {
      for (const { session } of sessions) session.dispose();
      await Promise.all(sessions.map(({ box }) => box?.dispose()));
    },
  };
}

/**
 * Python's installation folders that the sandbox must show (read-only) when
 * they are outside the system folders. A Python whose installation folder
 * contains the home folder would show all of it: refused, with what to do.
 */
function pythonFolders(python: PythonInfo): string[] {
  const home = homedir();
  // Real paths: a ~/bin/python3 link must not make the sandbox show all of ~/bin.
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  const folders = [real(python.prefix), dirname(real(python.executable))];
  for (const folder of folders) {
    if (folder === '/' || home === folder || home.startsWith(folder.endsWith(sep) ? folder : folder + sep)) {
      throw new WorkbenchError('UnavailableError', 'python_unsafe', `Python at ${python.executable} is installed in ${folder}, which contains your home folder; the sandbox would have to show all of it. Use a system Python or one in its own folder (Settings ▸ Python).`);
    }
  }
  return folders;
}

/**
 * Without namespaces: a new folder and process per run, removed afterwards.
 * Our folder (only we can write in it) holds the bootstrap; the run's own
 * folder below it, with the solution, is the only place the run may write. As root,
 * every worker runs as a user of its own (fallback-uids.ts), and everything
 * of that user is killed after each run, before the folder is removed.
 */
function freshFolderWorkers(sandbox: Sandbox, python: PythonInfo, count: number, signal: AbortSignal): Workers {
  const pool = sandbox.fallbackUids;
  const uids = pool ? Array.from({ length: count }, () => pool.take()) : [];
  // RLIMIT_NPROC counts every process of the user: the app's own user already runs some (a uid of the
  // run's own runs none).
  let budget: number | null = null;
  const runnerFor = (uid: number | undefined): Runner => async (programSource, input, testLimits) => {
    const limits = { ...testLimits, processes: uid === undefined ? (budget ??= processBudget(testLimits.processes)) : testLimits.processes };
    const parent = await mkdtemp(join(tmpdir(), 'vibe-run-'));
    try {
      await chmod(parent, 0o711);
      await writeFile(join(parent, 'bootstrap.py'), bootstrapSource, { mode: 0o644 });
      const workDir = join(parent, `work-${randomBytes(8).toString('hex')}`);
      await mkdir(workDir, { mode: 0o700 });
      await writeFile(join(workDir, 'solution.py'), programSource, { mode: 0o644 });
      if (uid !== undefined) await chown(workDir, uid, uid);
      return await runOnce({ sandbox, python: python.executable, workDir, bootstrap: join(parent, 'bootstrap.py'), program: 'solution.py', input, limits, uid, signal });
    } finally {
      if (uid !== undefined) await killAllOf(uid);
      // fs.rm removes links, never what they point at; and nothing of the run is left to swap them.
      await rm(parent, { recursive: true, force: true }).catch(() => undefined);
    }
  };
  return {
    perProcessOnly: false,
    peakPerProcess: false,
    runners: uids.length > 0 ? uids.map(runnerFor) : Array.from({ length: count }, () => runnerFor(undefined)),
    dispose: async () => {
      await Promise.all(uids.map(killAllOf));
      for (const uid of uids) pool?.give(uid);
    },
  };
}

/** What the report says when this judging's cgroups could not be made after all (the report never claims more). */
function countedPerProcess(containment: Containment): Containment {
  return {
    ...containment,
    counting: { cpu: 'process', memory: 'process', processes: 'tree', disk: containment.counting?.disk ?? 'total' },
    notes: [...containment.notes.filter((n) => !n.startsWith('Counted over all')), 'This judging could not make its cgroups: memory and CPU time were counted per process (processes still over the whole sandbox).'],
  };
}
