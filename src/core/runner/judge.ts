import { isUtf8 } from 'node:buffer';
import { WorkbenchError } from '../../shared/api/errors';
import { isCpp, type JudgeReport, type Language, type Problem, type TestResult } from '../../shared/judging';
import { locateCompiler, type CompilerInfo } from './cpp-compiler';
import { cancelled } from './judge-errors';
import { checkOutput } from './output-check';
import { buildProgram, compileMemoryMb } from './program-build';
import { checkFileName, maxOutputBytes, outputCapFor, type RunJob, type RunLimits, type RunOutcome, type RunProgram } from './run-once';
import { installFolders, openWorkers, runAll, type Runner } from './sandbox-workers';
import { sandboxSlots } from './sandbox-slots';
import { crashOf, runFailure, testResult } from './verdict';

export interface JudgeOptions {
  /** Python command from the settings, if any. */
  python?: string | null;
  /** The C++ compiler command from the settings, if any (default: g++, then clang++). */
  compiler?: string | null;
  /** The solution's language. Default: Python. */
  language?: Language;
  /** Tests run at once, at most. Default: as many as there are free sandbox slots. */
  parallel?: number;
  /** Only these tests (indexes). Default: all. */
  only?: number[];
  onTest?: (result: TestResult) => void;
  /** Stops the judging: running tests are killed, the promise rejects with code `cancelled`. */
  signal?: AbortSignal;
}

/** Processes (and threads) a test may have at once. */
export const processLimit = 32;

/** A test's limits from the problem's (real time: three times the CPU time and a second, for waiting on input). */
export function testLimits(problem: Pick<Problem, 'timeLimit'>, memoryMb: number): RunLimits {
  return { cpuMs: problem.timeLimit, wallMs: problem.timeLimit * 3 + 1000, memoryMb, outputBytes: maxOutputBytes, processes: processLimit };
}

/** The compiler a language needs (C++), found once, and the folders the sandbox must show for it. */
export async function compilerFor(language: Language, configured?: string | null): Promise<{ compiler: CompilerInfo | null; folders: string[] }> {
  if (!isCpp(language)) return { compiler: null, folders: [] };
  const compiler = await locateCompiler(configured);
  return { compiler, folders: installFolders('C++ compiler', compiler.path) };
}

/**
 * Judges a solution on a problem's tests like a contest judge: compile
 * first (Python's syntax check, or C++ in the sandbox; a failure is CE),
 * then every test in a fresh, empty sandbox folder, several at once, each
 * with time, memory, process, disk and output limits, its output compared
 * (or checked by the problem's checker, or decided by its interactor), and
 * a verdict per test.
 */
export async function judge(code: string, problem: Problem, options: JudgeOptions = {}): Promise<JudgeReport> {
  const language = options.language ?? 'python';
  const indexes = options.only ?? problem.tests.map((_, i) => i);
  if (indexes.some((i) => !Number.isInteger(i) || i < 0 || i >= problem.tests.length)) {
    throw new WorkbenchError('ValidationError', 'no_such_test', `The problem has ${problem.tests.length} tests; asked for test ${indexes.map((i) => i + 1).join(', ')}.`);
  }
  checkProblemIo(problem);
  const { compiler, folders } = await compilerFor(language, options.compiler);
  // Stops every worker: when the caller asks, and when one worker fails (the others must not go on alone).
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) stop.abort();
  const signal = stop.signal;
  const wanted = Math.max(1, Math.min(options.parallel ?? sandboxSlots.capacity, indexes.length || 1));
  let set;
  try {
    set = await openWorkers({ wanted, memoryMb: problem.memoryLimit, reserveMb: compiler ? compileMemoryMb : 0, python: options.python, extraFolders: folders, signal });
  } catch (err) {
    options.signal?.removeEventListener('abort', onAbort);
    throw err;
  }
  try {
    const limits = testLimits(problem, set.memoryMb);
    const base: Omit<JudgeReport, 'verdict' | 'passed' | 'tests' | 'compileError'> = {
      total: problem.tests.length,
      containment: set.containment,
      python: `${set.python.executable} (${set.python.version})`,
      language,
      ...(compiler ? { compiler: compiler.version } : {}),
    };
    const first = set.workers.runners[0];
    if (!first) throw new WorkbenchError('InternalError', 'no_worker', 'No sandbox to run in.');
    const build = await buildProgram({ language, code }, { runner: first, limits, compiler, signal });
    const compiled = { ...base, compileMs: build.compileMs, diagnostics: build.diagnostics };
    if (!build.ok) return { ...compiled, verdict: 'CE', passed: 0, tests: [], compileError: build.message };

    const results: TestResult[] = [];
    let next = 0;
    const worker = async (runner: Runner) => {
      while (next < indexes.length && !signal.aborted) {
        const index = indexes[next++];
        const test = index === undefined ? undefined : problem.tests[index];
        if (index === undefined || !test) continue;
        const result = await judgeTest(index, build.program, problem, test, runner, { ...limits, outputBytes: outputCapFor(test.output) }, signal);
        if (!result || signal.aborted) return;
        results.push(result);
        options.onTest?.(result);
      }
    };
    await runAll(set.workers.runners, worker, stop);
    if (signal.aborted) throw cancelled();
    results.sort((a, b) => a.index - b.index);
    const failed = results.find((r) => r.verdict !== 'AC');
    return { ...compiled, verdict: failed?.verdict ?? 'AC', passed: results.filter((r) => r.verdict === 'AC').length, tests: results, compileError: null };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await set.close();
  }
}

/** File input and output need names a run may use; an interactive problem needs its interactor. */
export function checkProblemIo(problem: Problem): void {
  for (const side of [problem.input, problem.output]) {
    if (side?.type !== 'file') continue;
    const wrong = checkFileName(side.fileName);
    if (wrong) throw new WorkbenchError('ValidationError', 'bad_file_name', `The problem's ${side === problem.input ? 'input' : 'output'} file: ${wrong}`);
  }
  if (problem.input?.type === 'file' && problem.output?.type === 'file' && problem.input.fileName === problem.output.fileName) {
    throw new WorkbenchError('ValidationError', 'bad_file_name', `The problem reads its input from and its answer to the same file (${problem.input.fileName}): give them different names.`);
  }
  // The interactor holds the test; a file in the solution's folder would hand it to the solution.
  if (problem.interactive && (problem.input?.type === 'file' || problem.output?.type === 'file')) {
    throw new WorkbenchError('ValidationError', 'interactive_files', 'An interactive problem talks over stdin and stdout: it takes no input or output file (clear them in the judging settings).');
  }
  if (problem.interactive && !problem.interactor?.trim()) {
    throw new WorkbenchError('ValidationError', 'interactor_missing', 'This is an interactive problem: add its interactor (Python: it reads the test from the file named by argv[1], talks to the solution over stdin and stdout, and exits 0 to accept, 1 to reject).');
  }
}

/**
 * The job that runs a program on one test: stdin, or the problem's input
 * file; its output file collected when the problem names one; the
 * interactor beside it on an interactive problem.
 */
export function testJob(program: RunProgram, problem: Problem, input: string): RunJob {
  const inputFile = problem.input?.type === 'file' ? problem.input.fileName : null;
  const outputFile = problem.output?.type === 'file' ? problem.output.fileName : null;
  return {
    program,
    input: inputFile ? '' : input,
    ...(inputFile ? { files: [{ name: inputFile, data: input }] } : {}),
    ...(outputFile ? { collect: [outputFile] } : {}),
    ...(problem.interactive && problem.interactor ? { interactor: problem.interactor } : {}),
  };
}

/** What a run answered: its stdout, or the problem's output file (null when it wrote none). */
export function outputOf(run: RunOutcome, problem: Problem): string | null {
  if (problem.output?.type !== 'file') return run.stdout;
  const file = outputFileOf(run, problem.output.fileName);
  return file ? file.toString('utf8') : null;
}

/**
 * The answer's bytes when they are not UTF-8 text (null when they are, or when there is no answer). Its text is
 * then a lossy decoding, in which different bytes read alike (each invalid byte becomes U+FFFD): such an output is
 * judged by its bytes, never by that text.
 */
export function nonTextOutputOf(run: RunOutcome, problem: Problem): Buffer | null {
  if (problem.output?.type !== 'file') return run.stdoutBytes ?? null;
  const file = outputFileOf(run, problem.output.fileName);
  return file && !isUtf8(file) ? file : null;
}

/** The output file the run left, if any. */
function outputFileOf(run: RunOutcome, name: string): Buffer | undefined {
  // Own properties only: a name such as "constructor" must never find something the solution did not write.
  return run.files && Object.hasOwn(run.files, name) ? run.files[name] : undefined;
}

/** A test's expected output is text: an answer that is not UTF-8 cannot be it, whatever the comparison. */
export const nonTextDetail = 'The output is not valid UTF-8 text, so it cannot be the expected answer (which is text).';

async function judgeTest(index: number, program: RunProgram, problem: Problem, test: { input: string; output: string }, runner: Runner, limits: RunLimits, signal: AbortSignal): Promise<TestResult | null> {
  const run = await runner(testJob(program, problem, test.input), limits);
  if (run.cancelled || signal.aborted) return null;
  const interaction = run.interaction;
  const failure = runFailure(run, limits, { crashLater: interaction !== undefined });
  if (failure) return withTranscript(testResult(index, run, failure.verdict, failure.detail), interaction);
  if (interaction) {
    // The interactor's word comes before the solution's crash: a rejected solution often dies of the closed pipe.
    const said = interaction.stderr.trim().split('\n').at(-1)?.trim() ?? '';
    if (interaction.exitCode === 1) return withTranscript(testResult(index, run, 'WA', said ? `Interactor: ${said}` : 'The interactor rejected the answer.'), interaction);
    if (interaction.exitCode !== 0) {
      const how = interaction.signal ? `was killed by ${interaction.signal}` : `exited with ${interaction.exitCode}`;
      return withTranscript(testResult(index, run, 'WA', `The interactor ${how}${said ? `: ${said}` : ''}. (Exit 0 accepts, 1 rejects.)`), interaction);
    }
    const crash = crashOf(run, limits);
    if (crash) return withTranscript(testResult(index, run, crash.verdict, crash.detail), interaction);
    return withTranscript(testResult(index, run, 'AC', said || null), interaction);
  }
  const got = outputOf(run, problem);
  if (got === null) return testResult(index, run, 'WA', `No output file: the problem reads the answer from ${problem.output?.type === 'file' ? problem.output.fileName : 'a file'}, which the solution did not write.`);
  if (nonTextOutputOf(run, problem)) return testResult(index, run, 'WA', nonTextDetail);
  const check = await checkOutput(problem, { input: test.input, expected: test.output, got }, runner, limits, signal);
  if (check.accepted) return testResult(index, run, 'AC', check.detail);
  return testResult(index, run, 'WA', multiNumberHint(problem, check.detail, test.input), check.diff);
}

function withTranscript(result: TestResult, interaction: RunOutcome['interaction']): TestResult {
  return interaction ? { ...result, transcript: interaction.transcript } : result;
}

/**
 * On a multiNumber problem (the input starts with the number of cases), a
 * wrong line N is most often case N when each case prints one line: said so.
 */
function multiNumberHint(problem: Problem, detail: string | null, input: string): string | null {
  if (problem.testType !== 'multiNumber' || !detail) return detail;
  const cases = Number(/^\s*(\d+)/.exec(input)?.[1]);
  const line = Number(/^Line (\d+) differs/.exec(detail)?.[1]);
  if (!Number.isInteger(cases) || !Number.isInteger(line) || line > cases) return detail;
  return `${detail} (case ${line} of ${cases}, if each case prints one line)`;
}
