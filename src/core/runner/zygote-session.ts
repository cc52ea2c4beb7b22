import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { cleanEnv, type RunLimits, type RunOutcome } from './run-once';
import type { Sandbox } from './sandbox';
import { zygoteSource } from './zygote-source';

interface ZygoteReport {
  exitCode: number | null;
  signal: string | null;
  cpuSeconds: number;
  maxRssKb: number;
  wallSeconds: number;
  timedOut: boolean;
}

/**
 * One warm sandbox (namespaces + a Python zygote) that runs tests one after
 * another, each in its own folder; see zygote-source.ts. If the zygote stops
 * answering, it is killed and the test counts as over its time.
 */
export class ZygoteSession {
  #child: ChildProcessWithoutNullStreams | null = null;
  #waiting: ((line: string | null) => void) | null = null;
  #counter = 0;

  constructor(
    private readonly sandbox: Sandbox,
    private readonly python: string,
    private readonly sessionDir: string,
    private readonly paths: { hide: string[]; keep: string[] },
  ) {}

  async #start(): Promise<ChildProcessWithoutNullStreams> {
    if (this.#child && this.#child.exitCode === null) return this.#child;
    await writeFile(join(this.sessionDir, 'zygote.py'), zygoteSource);
    // The hidden folders are private tmpfs mounts inside the sandbox; the zygote empties them after each test.
    const command = this.sandbox.wrap([this.python, '-I', 'zygote.py', ...this.paths.hide], { work: this.sessionDir, ...this.paths });
    const child = spawn(command[0] ?? this.python, command.slice(1), {
      cwd: this.sessionDir,
      env: cleanEnv(this.sessionDir),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    child.stderr.resume();
    createInterface({ input: child.stdout }).on('line', (line) => this.#waiting?.(line));
    child.on('exit', () => this.#waiting?.(null));
    child.stdin.on('error', () => undefined);
    this.#child = child;
    return child;
  }

  async run(input: string, limits: RunLimits, program = ''): Promise<RunOutcome> {
    const child = await this.#start();
    const dirName = `t${this.#counter++}`;
    const dir = join(this.sessionDir, dirName);
    await mkdir(dir);
    if (this.sandbox.dropsPrivileges) await chmod(dir, 0o777);
    await writeFile(join(dir, 'input.txt'), input);
    await writeFile(join(dir, 'solution.py'), program);
    const request = {
      dir: dirName,
      cpuSeconds: Math.ceil(limits.cpuMs / 1000) + 1,
      wallSeconds: limits.wallMs / 1000,
      memoryBytes: limits.memoryMb * 1024 * 1024,
      processes: limits.processes,
      fileBytes: limits.outputBytes,
    };
    const line = await new Promise<string | null>((resolve) => {
      const guard = setTimeout(() => resolve(null), limits.wallMs + 3000);
      this.#waiting = (l) => {
        clearTimeout(guard);
        this.#waiting = null;
        resolve(l);
      };
      child.stdin.write(`${JSON.stringify(request)}\n`);
    });
    const report = line ? (JSON.parse(line) as ZygoteReport) : null;
    if (!report) this.close();
    const [stdout, stderr] = await Promise.all([readCapped(join(dir, 'stdout.txt'), limits.outputBytes), readCapped(join(dir, 'stderr.txt'), limits.outputBytes)]);
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    // RLIMIT_FSIZE stops writes at the cap (Python ignores SIGXFSZ and gets "File too large").
    const overflow = stdout.size >= limits.outputBytes ? 'stdout' : stderr.size >= limits.outputBytes ? 'stderr' : null;
    return {
      exitCode: report?.exitCode ?? null,
      signal: report ? report.signal : 'SIGKILL',
      cpuMs: report ? Math.round(report.cpuSeconds * 1000) : 0,
      wallMs: report ? Math.round(report.wallSeconds * 1000) : limits.wallMs,
      peakMemoryMb: report ? Math.round((report.maxRssKb / 1024) * 10) / 10 : 0,
      stdout: stdout.text,
      stderr: stderr.text,
      outputExceeded: overflow,
      wallExceeded: report ? report.timedOut : true,
    };
  }

  close(): void {
    const child = this.#child;
    this.#child = null;
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
  }
}

async function readCapped(path: string, cap: number): Promise<{ text: string; size: number }> {
  try {
    const bytes = await readFile(path);
    return { text: bytes.subarray(0, cap).toString('utf8'), size: bytes.length };
  } catch {
    return { text: '', size: 0 };
  }
}
