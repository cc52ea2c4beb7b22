import { homedir, tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { WorkbenchError } from '../../shared/api/errors';
import type { Containment } from '../../shared/judging';
import { bootstrapSource } from './bootstrap-source';
import { locatePython, type PythonInfo } from './python-locator';
import { checkJobFiles, runOnce, type RunJob, type RunLimits, type RunOutcome } from './run-once';
import { CgroupBox } from './sandbox/cgroup-box';
import { detectSandbox, type Sandbox } from './sandbox/detect-sandbox';
import { killAllOf } from './sandbox/fallback-uids';
import { mountPlan } from './sandbox/mount-plan';
import { sandboxSlots } from './sandbox-slots';
import { ZygoteSession } from './zygote-session';
import { processBudget } from './process-budget';

/** Runs one job in one sandbox slot; jobs of one runner run one after another. */
export type Runner = (job: RunJob, limits: RunLimits) => Promise<RunOutcome & { cancelled?: boolean }>;

export interface Workers {
  runners: Runner[];
  /** The sandboxes count limits per process although cgroups were expected (they could not be made). */
  perProcessOnly: boolean;
  /** The memory limit is the tree's, but the peak reported is one process's. */
  peakPerProcess: boolean;
  dispose(): Promise<void>;
}

/** Sandboxes for one judging (or stress test): the slots they hold, the Python they run, what they enforce. */
export interface WorkerSet {
  sandbox: Sandbox;
  python: PythonInfo;
  workers: Workers;
  containment: Containment;
  /** The memory each run gets (the machine may give less than asked). */
  memoryMb: number;
  close(): Promise<void>;
}

/**
 * Opens up to `wanted` sandboxes (at least one; more only while free slots
 * last), each with room for `memoryMb`, and says what they enforce. The
 * caller must close() the set; `signal` stops waiting for a slot and every run.
 */
export async function openWorkers(options: { wanted: number; memoryMb: number; reserveMb?: number; python?: string | null; extraFolders?: string[]; signal: AbortSignal }): Promise<WorkerSet> {
  if (process.platform === 'win32') {
    throw new WorkbenchError('UnavailableError', 'judge_unsupported', 'The judge does not run solutions on Windows yet (its runner needs fork and POSIX limits). Use WSL, where it is the Linux judge.');
  }
  const sandbox = await detectSandbox();
  const python = await locatePython(options.python, sandbox.dropsToNobody ? { avoidUnder: homedir() } : {});
  const memoryMb = sandboxSlots.clampMemory(options.memoryMb);
  let containment = sandbox.containment;
  if (memoryMb < options.memoryMb) {
    containment = { ...containment, notes: [...containment.notes, `The problem asks for ${options.memoryMb} MB; this machine gives a sandbox at most ${memoryMb} MB.`] };
  }
  // Each slot is promised the most any run gets (the syntax check has 256 MB, a C++ compile more).
  const reserveMb = sandboxSlots.clampMemory(Math.max(256, memoryMb, options.reserveMb ?? 0));
  const releases = [await sandboxSlots.acquire(reserveMb, options.signal)];
  try {
    for (let i = 1; i < options.wanted; i++) {
      const release = sandboxSlots.tryAcquire(reserveMb);
      if (!release) break;
      releases.push(release);
    }
    const folders = [...pythonFolders(python), ...(options.extraFolders ?? [])];
    const workers = sandbox.launcher ? zygoteWorkers(sandbox, folders, python, releases.length, options.signal) : freshFolderWorkers(sandbox, python, releases.length, options.signal);
    if (workers.perProcessOnly) containment = countedPerProcess(containment);
    else if (workers.peakPerProcess) {
      containment = { ...containment, notes: [...containment.notes, 'The memory limit holds for the whole tree, but the peak shown is the largest single process (this kernel cannot reset a cgroup’s peak between tests).'] };
    }
    return {
      sandbox,
      python,
      workers,
      containment,
      memoryMb,
      close: async () => {
        await workers.dispose();
        for (const release of releases) release();
      },
    };
  } catch (err) {
    for (const release of releases) release();
    throw err;
  }
}

/** Warm sandboxes, each with its own cgroups, all gone when the set is closed. */
function zygoteWorkers(sandbox: Sandbox, folders: string[], python: PythonInfo, count: number, signal?: AbortSignal): Workers {
  const plan = mountPlan(folders);
  const sessions = Array.from({ length: count }, () => {
    const box = CgroupBox.create(sandbox.cgroups);
    return { box, session: new ZygoteSession({ command: (inner) => sandbox.sessionCommand(plan, inner), plan, box, python: python.executable }) };
  });
  return {
    perProcessOnly: sandbox.cgroups.length > 0 && sessions.some(({ box }) => box === null),
    peakPerProcess: sessions.some(({ box }) => box?.counts.has('memory') && !box.peakCounted),
    runners: sessions.map(({ session }): Runner => (job, limits) => session.run(job, limits, signal)),
    dispose: async () => {
      for (const { session } of sessions) session.dispose();
      await Promise.all(sessions.map(({ box }) => box?.dispose()));
    },
  };
}

/**
 * Folders outside the system ones that the sandbox must show (read-only):
 * where Python, or a compiler, is installed. A folder that contains the home
 * folder would show all of it: refused, with what to do.
 */
export function installFolders(what: string, executable: string, prefix?: string): string[] {
  const home = homedir();
  // Real paths: a ~/bin/python3 link must not make the sandbox show all of ~/bin.
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  const folders = [...(prefix ? [real(prefix)] : []), dirname(real(executable))];
  for (const folder of folders) {
    if (folder === '/' || home === folder || home.startsWith(folder.endsWith(sep) ? folder : folder + sep)) {
      throw new WorkbenchError('UnavailableError', `${what.toLowerCase()}_unsafe`, `${what} at ${executable} is installed in ${folder}, which contains your home folder; the sandbox would have to show all of it. Use a system ${what} or one in its own folder${what === 'Python' ? ' (Settings ▸ Python)' : ''}.`);
    }
  }
  return folders;
}

function pythonFolders(python: PythonInfo): string[] {
  return installFolders('Python', python.executable, python.prefix);
}

/**
 * Without namespaces: a new folder and process per run, removed afterwards.
 * Our folder (only we can write in it) holds the bootstrap; the run's own
 * folder below it, with the program and its files, is the only place the run may write. As root,
 * every worker runs as a user of its own (fallback-uids.ts), and everything
 * of that user is killed after each run, before its files are read back and the folder is removed.
 */
function freshFolderWorkers(sandbox: Sandbox, python: PythonInfo, count: number, signal: AbortSignal): Workers {
  const pool = sandbox.fallbackUids;
  const uids = pool ? Array.from({ length: count }, () => pool.take()) : [];
  // RLIMIT_NPROC counts every process of the user: the app's own user already runs some (a uid of the
  // run's own runs none).
  let budget: number | null = null;
  const runnerFor = (uid: number | undefined): Runner => async (job, testLimits) => {
    if (job.interactor !== undefined) {
      throw new WorkbenchError('UnavailableError', 'interactive_unsupported', 'Interactive problems need the Linux sandbox (bubblewrap or unshare), which this machine does not have: install bubblewrap.');
    }
    checkJobFiles(job);
    const limits = { ...testLimits, processes: uid === undefined ? (budget ??= processBudget(testLimits.processes)) : testLimits.processes };
    const parent = await mkdtemp(join(tmpdir(), 'vibe-run-'));
    try {
      await chmod(parent, 0o711);
      await writeFile(join(parent, 'bootstrap.py'), bootstrapSource, { mode: 0o644 });
      const workDir = join(parent, `work-${randomBytes(8).toString('hex')}`);
      await mkdir(workDir, { mode: 0o700 });
      const program = job.program;
      let argv: string[];
      if (program.kind === 'python') {
        await writeFile(join(workDir, 'solution.py'), program.source, { mode: 0o644 });
        argv = [python.executable, '-I', 'solution.py'];
      } else if (program.kind === 'binary') {
        await writeFile(join(workDir, 'solution'), program.bytes, { mode: 0o755 });
        argv = ['./solution'];
      } else argv = [program.path];
      for (const file of job.files ?? []) await writeFile(join(workDir, file.name), file.data, { mode: 0o644, flag: 'wx' });
      if (uid !== undefined) await chown(workDir, uid, uid);
      const outcome = await runOnce({ sandbox, python: python.executable, workDir, bootstrap: join(parent, 'bootstrap.py'), argv: [...argv, ...(job.args ?? [])], input: job.input, limits, uid, signal });
      if (uid !== undefined) await killAllOf(uid);
      const files: Record<string, Buffer> = Object.create(null) as Record<string, Buffer>;
      for (const name of job.collect ?? []) {
        const data = await readPlainFile(join(workDir, name), limits.outputBytes);
        if (data) files[name] = data;
      }
      return { ...outcome, files };
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

/** A file a run wrote: a regular file only (never through a link, never a FIFO that would block), at most `cap` bytes. */
async function readPlainFile(path: string, cap: number): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > cap) return null;
    const data = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(data, 0, info.size, 0);
    return data.subarray(0, bytesRead);
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** What the report says when this judging's cgroups could not be made after all (the report never claims more). */
function countedPerProcess(containment: Containment): Containment {
  return {
    ...containment,
    counting: { cpu: 'process', memory: 'process', processes: 'tree', disk: containment.counting?.disk ?? 'total' },
    notes: [...containment.notes.filter((n) => !n.startsWith('Counted over all')), 'This judging could not make its cgroups: memory and CPU time were counted per process (processes still over the whole sandbox).'],
  };
}

/**
 * Runs `work` on every runner at once and waits for all of them (so none still runs when the sandboxes are
 * closed); the first to fail stops the rest, and its error is thrown, unless it was only the stop itself.
 */
export async function runAll(runners: Runner[], work: (runner: Runner) => Promise<void>, stop: AbortController): Promise<void> {
  const settled = await Promise.allSettled(
    runners.map((runner) =>
      work(runner).catch((err: unknown) => {
        stop.abort();
        throw err;
      }),
    ),
  );
  const failure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure && !(failure.reason instanceof WorkbenchError && failure.reason.code === 'cancelled')) throw failure.reason;
}
