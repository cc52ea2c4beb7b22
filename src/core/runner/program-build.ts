import { isCpp, type CompileDiagnostic, type Program } from '../../shared/judging';
import { BinaryCache, compileFlags, parseDiagnostics, type CompilerInfo } from './cpp-compiler';
import { cancelled } from './judge-errors';
import type { RunLimits, RunProgram } from './run-once';
import type { Runner } from './sandbox-workers';
import { detached } from './verdict';
import { boxBytes } from './sandbox/mount-plan';

export type Build =
  | { ok: true; program: RunProgram; compileMs: number; diagnostics: CompileDiagnostic[] }
  | { ok: false; message: string; compileMs: number; diagnostics: CompileDiagnostic[] };

/** Python's syntax check, run in the sandbox: what a contest judge calls a compile error. */
const pythonCheck = `import sys, traceback
source = __CODE__
try:
    compile(source, "__NAME__", "exec")
except SyntaxError as error:
    sys.stderr.write("".join(traceback.format_exception_only(type(error), error)))
    sys.exit(1)
`;

/**
 * Compiling gets more than a test: a big header and -O2 take seconds and hundreds of megabytes, and the files it
 * writes (the object file, then the program) may be as large as the box holds. A test's 16 MB cap on each file
 * made an array with an initialiser over 16 MB (`int a[N] = {1}`, stored whole in the program) a false compile
 * error; the box's size is the limit now, and hitting it says so.
 */
export const compileLimits = (base: RunLimits): RunLimits => ({ ...base, cpuMs: 30_000, wallMs: 60_000, memoryMb: Math.max(1024, base.memoryMb), processes: 32, outputBytes: boxBytes });
export const compileMemoryMb = 1024;

const binaries = new BinaryCache();

/**
 * Makes a program ready to run: Python is checked for syntax errors (and
 * runs as its source); C++ is compiled in the sandbox, once per code version
 * (cached), into a binary that then runs as the solution. `name` is the
 * file name the messages use.
 */
export async function buildProgram(program: Program, options: { runner: Runner; limits: RunLimits; compiler: CompilerInfo | null; name?: string; signal: AbortSignal }): Promise<Build> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (!isCpp(program.language)) {
    // Functions as replacements: `$'` or `$&` in the code must stay text, not become replacement patterns.
    const check = pythonCheck.replace('__CODE__', () => JSON.stringify(program.code)).replace('__NAME__', () => options.name ?? 'solution.py');
    const run = await options.runner({ program: { kind: 'python', source: check }, input: '' }, { ...options.limits, cpuMs: 5000, wallMs: 15000, memoryMb: Math.max(256, options.limits.memoryMb) });
    if (options.signal.aborted || run.cancelled) throw cancelled();
    if (run.exitCode !== 0) return { ok: false, message: detached(run.stderr.trim(), 4000) || run.signal || 'The code could not be compiled.', compileMs: elapsed(), diagnostics: pythonDiagnostics(run.stderr) };
    return { ok: true, program: { kind: 'python', source: program.code }, compileMs: elapsed(), diagnostics: [] };
  }
  const compiler = options.compiler;
  if (!compiler) throw new Error('A C++ program needs a compiler.');
  const key = BinaryCache.key(compiler, program.language, program.code);
  const cached = binaries.get(key);
  if (cached) return { ok: true, program: { kind: 'binary', bytes: cached }, compileMs: 0, diagnostics: [] };
  const run = await options.runner(
    { program: { kind: 'system', path: compiler.path }, args: compileFlags(program.language), input: '', files: [{ name: 'solution.cpp', data: program.code }], collect: ['prog'] },
    compileLimits(options.limits),
  );
  if (options.signal.aborted || run.cancelled) throw cancelled();
  const text = run.stderr.trim();
  const diagnostics = parseDiagnostics(text);
  const binary = run.files?.prog;
  if (run.exitCode !== 0 || !binary) {
    const why = run.wallExceeded || run.cpuExceeded ? 'Compiling took too long (over 30 s).' : run.memoryExceeded ? 'Compiling ran out of memory.' : run.signal ? `The compiler was killed by ${run.signal}.` : 'The code could not be compiled.';
    // The compiler's own words for a full box are about a temporary file; say what in the code causes it.
    // Only the assembler's or the linker's own line: the compiler quotes the code, which may say anything.
    const tooLarge = /^(?:\{standard input\}|\S*\bld|\S*collect2)\b[^\n]*(?:File too large|No space left on device)/m.test(text) || run.signal === 'SIGXFSZ';
    const large = `The compiled program does not fit in the sandbox (${boxBytes / 1024 / 1024} MB of files in all, the compiler's own files included). An array with an initialiser (int a[N] = {1}) is stored whole in the program; one without (int a[N];, or = {}) is not.`;
    return { ok: false, message: tooLarge ? `${large}\n\n${detached(text, 8000)}`.trim() : detached(text, 8000) || why, compileMs: elapsed(), diagnostics };
  }
  binaries.set(key, binary);
  return { ok: true, program: { kind: 'binary', bytes: binary }, compileMs: elapsed(), diagnostics };
}

/** A Python syntax error's line (`File "solution.py", line 3`) as a diagnostic. */
function pythonDiagnostics(text: string): CompileDiagnostic[] {
  const line = /line (\d+)/.exec(text);
  const message = text.trim().split('\n').at(-1) ?? '';
  return line ? [{ line: Number(line[1]), column: 1, severity: 'error', message }] : [];
}
