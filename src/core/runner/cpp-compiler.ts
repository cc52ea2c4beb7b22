import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { WorkbenchError } from '../../shared/api/errors';
import type { CompileDiagnostic, Language } from '../../shared/judging';
import { detached } from './verdict';

const run = promisify(execFile);

export interface CompilerInfo {
  /** The compiler's real path, run inside the sandbox. */
  path: string;
  /** What `--version` says first, e.g. "g++ (Debian 12.2.0-14) 12.2.0". */
  version: string;
}

/** The contest flags: GNU dialect, -O2, ONLINE_JUDGE defined (as Codeforces and AtCoder compile). */
export function compileFlags(language: Language): string[] {
  const std = language === 'cpp20' ? 'gnu++20' : 'gnu++17';
  return [`-std=${std}`, '-O2', '-pipe', '-Wall', '-DONLINE_JUDGE', '-fdiagnostics-color=never', 'solution.cpp', '-o', 'prog'];
}

const found = new Map<string, Promise<CompilerInfo>>();

/**
 * Finds a C++ compiler: the configured command, else g++, else clang++, on
 * PATH. Missing: a clear error with how to install one.
 */
export function locateCompiler(configured?: string | null): Promise<CompilerInfo> {
  const key = configured ?? '';
  let probe = found.get(key);
  if (!probe) {
    probe = probeCompiler(configured);
    found.set(key, probe);
    // A compiler installed while the app runs is found on the next try.
    probe.catch(() => found.delete(key));
  }
  return probe;
}

async function probeCompiler(configured?: string | null): Promise<CompilerInfo> {
  const candidates = configured ? [configured] : ['g++', 'clang++'];
  for (const name of candidates) {
    const path = onPath(name);
    if (!path) continue;
    try {
      const { stdout } = await run(path, ['--version'], { timeout: 10_000 });
      return { path: realpathSync(path), version: stdout.split('\n')[0]?.trim() ?? name };
    } catch {
      // Not a working compiler: try the next.
    }
  }
  const install =
    process.platform === 'darwin' ? 'xcode-select --install' : process.platform === 'win32' ? 'MSYS2 or WSL with g++' : 'sudo apt install g++ (or dnf install gcc-c++, pacman -S gcc)';
  throw new WorkbenchError('UnavailableError', 'compiler_missing', `No C++ compiler found (${candidates.join(', ')}). Install one: ${install}. Then judge again.`);
}

/** The full path of a command: as given when it has a slash, else the first match on PATH. */
function onPath(name: string): string | null {
  const options = name.includes('/') ? [name] : (process.env.PATH ?? '/usr/bin:/bin').split(delimiter).map((dir) => join(dir, name));
  for (const path of options) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // Not here.
    }
  }
  return null;
}

/**
 * The compiler's messages on solution.cpp by line (`solution.cpp:12:5: error: …`),
 * at most 200; messages about headers and the linker stay in the full text only.
 */
export function parseDiagnostics(text: string): CompileDiagnostic[] {
  const out: CompileDiagnostic[] = [];
  for (const line of text.split('\n')) {
    const match = /^solution\.cpp:(\d+):(?:(\d+):)? (fatal error|error|warning|note): (.*)$/.exec(line);
    if (!match) continue;
    const severity = match[3] === 'warning' ? 'warning' : match[3] === 'note' ? 'note' : 'error';
        // A copy, not a slice: a slice would keep the whole stderr (up to 64 MB, as a two-byte string 128 MB) alive with the report.
    out.push({ line: Number(match[1]), column: Number(match[2] ?? 1), severity, message: detached(match[4] ?? '', 1000) });
    if (out.length >= 200) break;
  }
  return out;
}

/**
 * Compiled programs by (compiler, flags, code): a code version is compiled
 * once, however often it is judged or stress tested. Bounded in count and bytes.
 */
export class BinaryCache {
  readonly #entries = new Map<string, Buffer>();
  #bytes = 0;

  constructor(
    private readonly maxEntries = 16,
    private readonly maxBytes = 128 * 1024 * 1024,
  ) {}

  static key(compiler: CompilerInfo, language: Language, code: string): string {
    return createHash('sha256').update(JSON.stringify([compiler.path, compiler.version, compileFlags(language), code])).digest('hex');
  }

  get(key: string): Buffer | undefined {
    const hit = this.#entries.get(key);
    if (hit) {
      // Most recently used last.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, binary: Buffer): void {
    if (this.#entries.has(key)) return;
    this.#entries.set(key, binary);
    this.#bytes += binary.length;
    for (const [oldest, value] of this.#entries) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= value.length;
    }
  }
}
