import { isUtf8 } from 'node:buffer';
import { spawn } from 'node:child_process';
import { WorkbenchError } from '../../shared/api/errors';
import { cleanEnv } from './sandbox/clean-env';
import type { Sandbox } from './sandbox/detect-sandbox';

/** Bytes of stdout, and of stderr, a test may write: beyond is OLE (more when the expected answer is longer). */
export const maxOutputBytes = 16 * 1024 * 1024;
/** The most any test may write per stream: the longest expected output a problem may hold, and a margin. */
export const outputCeilingBytes = 65 * 1024 * 1024;

/** The output cap of a test: 16 MB, or room for its expected answer and a megabyte more. */
export function outputCapFor(expected: string): number {
  return Math.min(outputCeilingBytes, Math.max(maxOutputBytes, Buffer.byteLength(expected) + 1024 * 1024));
}

export interface RunLimits {
  cpuMs: number;
  /** Real time; catches sleeping and waiting for input that never comes. */
  wallMs: number;
  memoryMb: number;
  /** Bytes of stdout and of stderr kept; more is an output-limit failure. */
  outputBytes: number;
  processes: number;
}

/** What a run starts: Python source, a compiled program's bytes, or a program of the system (the compiler). */
export type RunProgram = { kind: 'python'; source: string } | { kind: 'binary'; bytes: Buffer } | { kind: 'system'; path: string };

/** One run in the sandbox: the program, its arguments and stdin, files put beside it, and files read back after. */
export interface RunJob {
  program: RunProgram;
  args?: string[];
  input: string;
  /** Files placed in the run's folder before it starts (names checked by `checkFileName`). */
  files?: { name: string; data: string | Buffer }[];
  /** Files the run writes in its folder that come back: regular files only, at most the output cap each. */
  collect?: string[];
  /** An interactive test: this Python interactor runs beside the program, their stdin and stdout crossed. */
  interactor?: string;
}

/** What an interactive test's interactor did, and what the two said to each other. */
export interface Interaction {
  exitCode: number | null;
  signal: string | null;
  cpuMs: number;
  stderr: string;
  transcript: { from: 'solution' | 'interactor'; text: string }[];
  /** The transcript stops early (it keeps the first 256 KB). */
  transcriptCut: boolean;
}

/** A file name a run may be given or asked for: one plain name in its own folder. */
const fileNamePattern = /^[A-Za-z0-9_][\w.-]{0,63}$/;
const reservedNames = new Set(['solution', 'solution.py']);
/**
 * A run's stdout as text, and a copy of its bytes too when they are not UTF-8 (see `RunOutcome.stdoutBytes`;
 * a copy: `bytes` may be a view into a larger frame, which must not be kept alive with the result).
 */
export function stdoutOf(bytes: Buffer): Pick<RunOutcome, 'stdout' | 'stdoutBytes'> {
  const stdout = bytes.toString('utf8');
  return isUtf8(bytes) ? { stdout } : { stdout, stdoutBytes: Buffer.from(bytes) };
}

export function checkFileName(name: string): string | null {
  if (!fileNamePattern.test(name) || name === '..' || reservedNames.has(name)) return `"${name}" is not a file name a run may use (letters, digits, _ . -; not solution or solution.py).`;
  return null;
}

/** Every file name a job places or collects, checked (`checkFileName`) before anything runs: a bad one is refused. */
export function checkJobFiles(job: RunJob): void {
  for (const name of [...(job.files ?? []).map((f) => f.name), ...(job.collect ?? [])]) {
    const problem = checkFileName(name);
    if (problem) throw new WorkbenchError('ValidationError', 'bad_file_name', problem);
  }
}

export interface RunOutcome {
  exitCode: number | null;
  signal: string | null;
  cpuMs: number;
  wallMs: number;
  peakMemoryMb: number;
  stdout: string;
  /**
   * Present only when stdout is not valid UTF-8: the bytes as written (`stdout` is then a lossy decoding, in which
   * different bytes can read the same, so the judge compares these instead).
   */
  stdoutBytes?: Buffer;
  stderr: string;
  outputExceeded: 'stdout' | 'stderr' | null;
  wallExceeded: boolean;
  /** All the test's processes together went over the CPU limit (counted by a cgroup). */
  cpuExceeded?: boolean;
  /** The kernel killed one of the test's processes for the memory limit (cgroup). */
  memoryExceeded?: boolean;
  /** A fork or thread was refused at the process limit (cgroup). */
  processLimitHit?: boolean;
  /** The sandbox's own runner died during the test, twice (what the test did broke it). */
  sandboxError?: string;
  /** The collected files that were there: regular files within the cap. */
  files?: Record<string, Buffer>;
  /** Interactive tests only. */
  interaction?: Interaction;
}

export interface RunSpec {
  sandbox: Sandbox;
  python: string;
  workDir: string;
  /** The bootstrap's path, outside the work folder (the solution must not be able to change it). */
  bootstrap: string;
  /** The command line started under the limits (paths relative to the work folder). */
  argv: string[];
  input: string;
  limits: RunLimits;
  /** The user the run has to itself (the app is root), or none. */
  uid?: number;
  /** Stops the run at once (the outcome then says `cancelled`). */
  signal?: AbortSignal;
}

/**
 * Runs one program once under the limits (no namespaces: this is the path
 * for machines without them), in a fresh folder the caller made, feeding `input` on
 * stdin (then closing it). The outcome is decided when the process exits,
 * not when its pipes close (a leftover child may hold them open); the whole
 * process group is then killed with SIGKILL.
 */
export function runOnce(spec: RunSpec): Promise<RunOutcome & { cancelled: boolean }> {
  const bootstrapArgs = [
    spec.python,
    // The bootstrap needs no site packages: -S saves most of an interpreter start per run.
    '-I',
    '-S',
    spec.bootstrap,
    JSON.stringify({
      cpuSeconds: Math.ceil(spec.limits.cpuMs / 1000) + 1,
      memoryBytes: spec.limits.memoryMb * 1024 * 1024,
      processes: spec.limits.processes,
      fileBytes: 64 * 1024 * 1024,
    }),
    JSON.stringify(spec.argv),
  ];
  const command = spec.sandbox.wrap(bootstrapArgs, spec.uid);
  const started = performance.now();
  const child = spawn(command[0] ?? spec.python, command.slice(1), {
    cwd: spec.workDir,
    env: cleanEnv(spec.workDir),
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });

  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const report: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let outputExceeded: RunOutcome['outputExceeded'] = null;
    let wallExceeded = false;
    let settled = false;

    const killTree = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const wall = setTimeout(() => {
      wallExceeded = true;
      killTree();
    }, spec.limits.wallMs);
    let cancelled = false;
    const onAbort = () => {
      cancelled = true;
      killTree();
    };
    if (spec.signal?.aborted) onAbort();
    spec.signal?.addEventListener('abort', onAbort, { once: true });

    const collect = (target: Buffer[], which: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const size = which === 'stdout' ? (outBytes += chunk.length) : (errBytes += chunk.length);
      if (size > spec.limits.outputBytes) {
        outputExceeded ??= which;
        killTree();
        return;
      }
      target.push(chunk);
    };
    child.stdout?.on('data', collect(out, 'stdout'));
    child.stderr?.on('data', collect(err, 'stderr'));
    const reportPipe = child.stdio[3] as NodeJS.ReadableStream | undefined;
    reportPipe?.on('data', (chunk: Buffer) => report.push(chunk));
    reportPipe?.on('error', () => undefined);

    // A solution that never reads stdin makes this write fail; that is fine.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(spec.input);

    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(wall);
      spec.signal?.removeEventListener('abort', onAbort);
      killTree();
      for (const stream of [child.stdout, child.stderr, reportPipe]) (stream as { destroy?: () => void } | null)?.destroy?.();
      const parsed = parseReport(Buffer.concat(report).toString('utf8'));
      resolve({
        exitCode: parsed ? parsed.exitCode : child.exitCode,
        signal: parsed ? parsed.signal : (child.signalCode ?? (wallExceeded || outputExceeded ? 'SIGKILL' : null)),
        cpuMs: parsed ? Math.round(parsed.cpuSeconds * 1000) : 0,
        wallMs: Math.round(performance.now() - started),
        peakMemoryMb: parsed ? Math.round((parsed.maxRssKb / 1024) * 10) / 10 : 0,
        ...stdoutOf(Buffer.concat(out)),
        stderr: Buffer.concat(err).toString('utf8'),
        outputExceeded,
        wallExceeded,
        cancelled,
      });
    };
    child.on('exit', () => {
      // The report is written just before the sandbox exits; give the pipe a moment, not forever.
      if (reportPipe && !(reportPipe as { readableEnded?: boolean }).readableEnded) {
        const grace = setTimeout(finish, 200);
        reportPipe.once('end', () => {
          clearTimeout(grace);
          finish();
        });
      } else finish();
    });
    child.on('error', () => finish());
  });
}

interface BootstrapReport {
  exitCode: number | null;
  signal: string | null;
  cpuSeconds: number;
  maxRssKb: number;
}

function parseReport(text: string): BootstrapReport | null {
  try {
    return JSON.parse(text) as BootstrapReport;
  } catch {
    return null;
  }
}
