import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { closeSync } from 'node:fs';
import { WorkbenchError } from '../../shared/api/errors';
import { checkJobFiles, outputCeilingBytes, stdoutOf, type Interaction, type RunJob, type RunLimits, type RunOutcome } from './run-once';
import { cleanEnv } from './sandbox/clean-env';
import type { CgroupBox } from './sandbox/cgroup-box';
import { FrameReader } from './frame-reader';
import type { MountPlan } from './sandbox/mount-plan';
import { zygoteSource } from './zygote-source';
import { cancelled } from './judge-errors';

interface ZygoteReport {
  setupError: string | null;
  exitCode: number | null;
  signal: string | null;
  cpuSeconds: number;
  maxRssKb: number;
  wallSeconds: number;
  timedOut: boolean;
  cpuOver: boolean;
  stopped: boolean;
  outputExceeded: 'stdout' | 'stderr' | 'interactor' | null;
  tainted: string | null;
  /** The payload's parts in order: stdout, stderr, `file:NAME`, `interactor-stderr`, `transcript`. */
  segments: [string, number][];
  interactor?: { exitCode: number | null; signal: string | null; cpuSeconds: number; transcriptCut: boolean };
}

/** How a session is started: the sandbox's command line around `inner`, and its file layout. */
export interface SessionLaunch {
  command(inner: string[]): string[];
  plan: MountPlan;
  /** The cgroups of this session, or null (limits per process). */
  box: CgroupBox | null;
  python: string;
}

/** A test's report line is a few hundred bytes; more means the zygote is not the zygote. */
const maxReportLine = 64 * 1024;
/** How long a new sandbox may take to say it is ready. */
const startTimeoutMs = 15_000;

/**
 * One warm sandbox that runs tests one after another (see zygote-source.ts).
 * The host side trusts nothing it did not make: it writes requests to and
 * reads reports from pipes, with caps on every length, and reads usage from
 * the kernel's cgroup files. A sandbox that stops answering is killed, and
 * one that reports itself tainted is replaced before the next test.
 */
export class ZygoteSession {
  #child: ChildProcessWithoutNullStreams | null = null;
  #reader: FrameReader | null = null;
  #starting: Promise<void> | null = null;
  /** The last lines the sandbox wrote to stderr (its own errors; solutions' output never goes there). */
  #errors = '';
  #disposed = false;

  constructor(private readonly launch: SessionLaunch) {}

  async #ensureStarted(): Promise<void> {
    // Once disposed, never again: a worker still looping must not start a sandbox nobody will close.
    if (this.#disposed) throw cancelled();
    if (this.#child && this.#child.exitCode === null && this.#child.signalCode === null) return;
    this.#starting ??= this.#start().finally(() => (this.#starting = null));
    await this.#starting;
  }

  async #start(): Promise<void> {
    const fds = this.launch.box?.openForSandbox() ?? { enter: [], cpu: null };
    const inherited = [...fds.enter, ...(fds.cpu === null ? [] : [fds.cpu])];
    // In the child, the inherited descriptors are numbered from 3 in this order.
    const config = {
      enter: fds.enter.map((_, i) => 3 + i),
      cpu: fds.cpu === null ? null : 3 + fds.enter.length,
      scratch: this.launch.plan.scratch,
      work: this.launch.plan.workDir,
    };
    const command = this.launch.command([this.launch.python, '-I', '-c', zygoteSource, JSON.stringify(config)]);
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn(command[0] ?? 'false', command.slice(1), {
        cwd: '/',
        env: cleanEnv(this.launch.plan.workDir),
        stdio: ['pipe', 'pipe', 'pipe', ...inherited],
        detached: true,
      }) as ChildProcessWithoutNullStreams;
    } finally {
      for (const fd of inherited) closeSync(fd);
    }
    this.#errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      this.#errors = (this.#errors + chunk.toString('utf8')).slice(-4096);
    });
    child.stdin.on('error', () => undefined);
    child.on('error', () => undefined);
    // A frame: the report line, stdout and stderr, a collected file (a compiled program) and the interactor's parts.
    const reader = new FrameReader(child.stdout, maxReportLine, maxReportLine + 4 * outputCeilingBytes);
    this.#child = child;
    this.#reader = reader;
    const hello = await reader.next(startTimeoutMs, () => 0);
    const ready = hello ? (safeJson(hello.line) as { ready?: boolean; error?: string } | null) : null;
    if (!ready?.ready) {
      this.close();
      const said = ready?.error ?? this.#lastError();
      throw new WorkbenchError('UnavailableError', 'sandbox_failed', `The sandbox could not start${said ? `: ${said}` : '.'}`);
    }
  }

  /**
   * Runs `program` on `input` under `limits`. `signal` stops the test at once
   * (then `cancelled` is set). If the sandbox's runner dies during the test
   * (only something the test did can cause that), the test runs once more in
   * a new sandbox; a second death is the test's verdict, not the judging's end.
   */
  async run(job: RunJob, limits: RunLimits, signal?: AbortSignal): Promise<RunOutcome & { cancelled: boolean }> {
    checkJobFiles(job);
    for (let attempt = 0; attempt < 2; attempt++) {
      const outcome = await this.#attempt(job, limits, signal);
      if (outcome !== 'died') return outcome;
      if (this.#disposed) throw cancelled();
    }
    return {
      exitCode: null,
      signal: null,
      cpuMs: 0,
      wallMs: 0,
      peakMemoryMb: 0,
      stdout: '',
      stderr: '',
      outputExceeded: null,
      wallExceeded: false,
      sandboxError: this.#lastError() || 'it stopped without a word',
      cancelled: false,
    };
  }

  async #attempt(job: RunJob, limits: RunLimits, signal?: AbortSignal): Promise<(RunOutcome & { cancelled: boolean }) | 'died'> {
    await this.#ensureStarted();
    const child = this.#child;
    const reader = this.#reader;
    if (!child || !reader) throw new WorkbenchError('UnavailableError', 'sandbox_failed', 'The sandbox is not running.');
    const box = this.launch.box;
    const treeCounted = (what: 'memory' | 'pids' | 'cpu') => box?.counts.has(what) ?? false;
    box?.setLimits(limits.memoryMb * 1024 * 1024, limits.processes);
    box?.beforeTest();
    const programBytes = job.program.kind === 'python' ? Buffer.from(job.program.source) : job.program.kind === 'binary' ? job.program.bytes : Buffer.alloc(0);
    const inputBytes = Buffer.from(job.input);
    const files = (job.files ?? []).map((f) => ({ name: f.name, bytes: Buffer.from(f.data) }));
    const interactorBytes = job.interactor === undefined ? null : Buffer.from(job.interactor);
    const collect = job.collect ?? [];
    const request = {
      program: programBytes.length,
      input: inputBytes.length,
      files: files.map((f) => [f.name, f.bytes.length]),
      interactor: interactorBytes?.length ?? null,
      kind: job.program.kind,
      path: job.program.kind === 'system' ? job.program.path : null,
      args: job.args ?? [],
      collect,
      collectBytes: limits.outputBytes,
      cpuSeconds: Math.ceil(limits.cpuMs / 1000) + 1,
      treeCpuMs: limits.cpuMs,
      wallMs: limits.wallMs,
      // Where a cgroup holds the tree to the memory limit, the address-space limit only stops absurd reservations:
      // equal to the limit it would refuse threads (each reserves an 8 MB stack and a 64 MB malloc arena).
      addressBytes: (limits.memoryMb + (treeCounted('memory') ? 2048 : 0)) * 1024 * 1024,
      // With a pids cgroup the tree is counted there. Without, RLIMIT_NPROC does it: inside the sandbox's
      // own user namespace it counts that namespace's processes only (Linux 5.14+), the zygote (+1) among them.
      processes: treeCounted('pids') ? null : limits.processes + 1,
      fileBytes: limits.outputBytes,
      outputBytes: limits.outputBytes,
      stackBytes: limits.memoryMb * 1024 * 1024,
    };
    let stopped = false;
    // Killing the sandbox stops the test at once, whatever it was doing (even before it read its input).
    const onAbort = () => {
      stopped = true;
      this.close();
    };
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdin.write(`${JSON.stringify(request)}\n`);
    child.stdin.write(programBytes);
    child.stdin.write(inputBytes);
    for (const file of files) child.stdin.write(file.bytes);
    if (interactorBytes) child.stdin.write(interactorBytes);
    // Only the segments this request can have, each within its cap: anything else means the zygote is not ours.
    const allowed = new Set(['stdout', 'stderr', ...collect.map((n) => `file:${n}`), ...(interactorBytes ? ['interactor-stderr', 'transcript'] : [])]);
    const frame = await reader.next(limits.wallMs + 5000, (line) => segmentsSize(safeJson(line), allowed, limits.outputBytes));
    signal?.removeEventListener('abort', onAbort);
    const report = frame ? (safeJson(frame.line) as ZygoteReport) : null;
    if (!frame && reader.ended && !stopped) {
      this.close();
      return 'died';
    }
    if (!report || report.tainted) this.close();
    if (report?.setupError) throw new WorkbenchError('InternalError', 'sandbox_failed', `The sandbox could not start the test: ${report.setupError}`);
    const usage = box?.afterTest();
    const parts = new Map<string, Buffer>();
    let at = 0;
    for (const [label, size] of frame && report ? report.segments : []) {
      parts.set(label, frame?.payload.subarray(at, at + size) ?? Buffer.alloc(0));
      at += size;
    }
    const stdout = parts.get('stdout') ?? Buffer.alloc(0);
    const stderr = parts.get('stderr') ?? Buffer.alloc(0);
    const collected: Record<string, Buffer> = Object.create(null) as Record<string, Buffer>;
    for (const name of collect) {
      const part = parts.get(`file:${name}`);
      if (part) collected[name] = Buffer.from(part);
    }
    const rssMb = report ? report.maxRssKb / 1024 : 0;
    const treeMb = usage?.peakBytes != null ? usage.peakBytes / 1024 / 1024 : 0;
    const cpuMs = usage?.cpuMs != null ? usage.cpuMs : report ? report.cpuSeconds * 1000 : 0;
    return {
      exitCode: report?.exitCode ?? null,
      signal: report ? report.signal : 'SIGKILL',
      cpuMs: Math.round(cpuMs),
      wallMs: report ? Math.round(report.wallSeconds * 1000) : limits.wallMs,
      // Where a cgroup counts the tree, its peak is the measure. A forked test's ru_maxrss starts at the zygote's
      // own resident size (it forks before exec), which with a large program or input held there made a 3 MB
      // program read 100–190 MB: a false MLE.
      peakMemoryMb: Math.round((usage?.peakBytes != null ? treeMb : rssMb) * 10) / 10,
      ...stdoutOf(stdout),
      stderr: stderr.toString('utf8'),
      outputExceeded: report?.outputExceeded === 'interactor' ? null : (report?.outputExceeded ?? null),
      wallExceeded: report ? report.timedOut : !stopped,
      cpuExceeded: report?.cpuOver ?? false,
      memoryExceeded: usage?.oomKilled ?? false,
      processLimitHit: usage?.processLimitHit ?? false,
      files: collected,
      ...(interactorBytes ? { interaction: interactionOf(report, parts) } : {}),
      cancelled: stopped,
    };
  }

  #lastError(): string {
    return this.#errors.trim().split('\n').slice(-3).join(' ');
  }

  /** Kills the sandbox for good: later runs refuse to start another. */
  dispose(): void {
    this.#disposed = true;
    this.close();
  }

  /** Kills the sandbox and everything in it (its PID 1 takes the whole namespace along); the next run starts a new one. */
  close(): void {
    const child = this.#child;
    this.#child = null;
    this.#reader?.dispose();
    this.#reader = null;
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
  }
}

/** The payload size a report line announces, or -1 when its segments are not what this request can have. */
function segmentsSize(head: unknown, allowed: Set<string>, cap: number): number {
  const segments = (head as { segments?: unknown } | null)?.segments;
  if (!Array.isArray(segments)) return -1;
  let total = 0;
  const seen = new Set<string>();
  for (const segment of segments as unknown[]) {
    if (!Array.isArray(segment) || segment.length !== 2) return -1;
    const [label, size] = segment as [unknown, unknown];
    // The transcript is JSON of at most 256 KB of text: escaped, up to six bytes a byte.
    const max = label === 'transcript' ? 2 * 1024 * 1024 : cap;
    if (typeof label !== 'string' || !allowed.has(label) || seen.has(label) || !Number.isInteger(size) || (size as number) < 0 || (size as number) > max) return -1;
    seen.add(label);
    total += size as number;
  }
  return total;
}

/** The interactor's side of an interactive test, from its report and payload (all of it checked, nothing trusted). */
function interactionOf(report: ZygoteReport | null, parts: Map<string, Buffer>): Interaction {
  const raw = safeJson(parts.get('transcript')?.toString('utf8') ?? '[]');
  const transcript: Interaction['transcript'] = [];
  if (Array.isArray(raw)) {
    for (const entry of raw as unknown[]) {
      if (Array.isArray(entry) && (entry[0] === 'solution' || entry[0] === 'interactor') && typeof entry[1] === 'string') transcript.push({ from: entry[0], text: entry[1] });
    }
  }
  const side = report?.interactor;
  return {
    exitCode: typeof side?.exitCode === 'number' ? side.exitCode : null,
    signal: typeof side?.signal === 'string' ? side.signal : report ? null : 'SIGKILL',
    cpuMs: Math.round((typeof side?.cpuSeconds === 'number' ? side.cpuSeconds : 0) * 1000),
    stderr: (parts.get('interactor-stderr') ?? Buffer.alloc(0)).toString('utf8'),
    transcript,
    transcriptCut: side?.transcriptCut === true,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
