import { WorkbenchError } from '../../shared/api/errors';
import type { Problem, Program } from '../../shared/judging';
import type { Counterexample, StressProgress, StressReport } from '../../shared/stress';
import { cancelled } from './judge-errors';
import { compilerFor, checkProblemIo, nonTextDetail, nonTextOutputOf, outputOf, testJob, testLimits } from './judge';
import { checkOutput } from './output-check';
import { buildProgram, compileMemoryMb } from './program-build';
import type { RunLimits, RunProgram } from './run-once';
import { openWorkers, runAll, type Runner } from './sandbox-workers';
import { sandboxSlots } from './sandbox-slots';
import { crashOf, detached, runFailure } from './verdict';

export interface StressOptions {
  solution: Program;
  brute: Program;
  generator: Program;
  /** Limits, comparison or checker, file I/O: the solution is held to the problem's; its tests are not used. */
  problem: Problem;
  /** Rounds at most (default 1,000), and seconds at most (default 60): whichever ends first. */
  rounds?: number;
  seconds?: number;
  /** Look for a smaller counterexample once one is found (default: yes). */
  shrink?: boolean;
  python?: string | null;
  compiler?: string | null;
  parallel?: number;
  onProgress?: (progress: StressProgress) => void;
  signal?: AbortSignal;
}

/** The generator and the brute force may be slow (they are not judged): generous limits of their own. */
const helperLimits = (base: RunLimits): RunLimits => ({ ...base, cpuMs: Math.max(10_000, base.cpuMs * 5), wallMs: Math.max(30_000, base.wallMs * 5) });
/** Shrinking tries the generator with these size hints, largest first, a few seeds each. */
const sizeLadder = [1000, 512, 256, 128, 100, 80, 64, 50, 40, 32, 25, 20, 16, 12, 10, 8, 6, 5, 4, 3, 2, 1];
const seedsPerSize = 30;
const shrinkBudgetMs = 15_000;
const maxShrinkTries = 300;
const progressEveryMs = 200;

type RoundResult = { kind: 'same' } | { kind: 'found'; example: Counterexample } | { kind: 'broken'; who: 'brute' | 'generator'; message: string };

/**
 * Stress testing as contest coders do it by hand: the generator writes a
 * random test for a seed (`gen SEED`, and a size hint as a second argument
 * while shrinking), the brute force answers it, the solution answers it,
 * and the two answers are compared (the problem's comparison or checker).
 * Every program runs in the sandbox, several rounds at once. It stops at
 * the first disagreement, crash or limit, then looks for the smallest test
 * that still fails: small size hints first, then more seeds.
 */
export async function stressTest(options: StressOptions): Promise<StressReport> {
  const { problem } = options;
  if (problem.interactive) throw new WorkbenchError('ValidationError', 'stress_interactive', 'Stress testing compares two programs\' outputs; an interactive problem has an interactor instead. Judge it on its tests.');
  checkProblemIo(problem);
  const rounds = Math.max(1, Math.min(options.rounds ?? 1000, 100_000));
  const budgetMs = Math.max(1, Math.min(options.seconds ?? 60, 600)) * 1000;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) stop.abort();
  const signal = stop.signal;
  const languages = [options.solution.language, options.brute.language, options.generator.language];
  const compilers = await Promise.all(languages.map((l) => compilerFor(l, options.compiler)));
  const compiler = compilers.find((c) => c.compiler)?.compiler ?? null;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let done = 0;
  // Rounds per second of the search (shrinking's runs are not rounds).
  let searchMs: number | null = null;
  const rate = () => Math.round((done / Math.max(1, searchMs ?? elapsed())) * 1000 * 10) / 10;
  const report = (fields: Partial<StressReport> & Pick<StressReport, 'outcome'>): StressReport => ({ rounds: done, elapsedMs: elapsed(), roundsPerSecond: rate(), counterexample: null, shrink: null, message: null, program: null, diagnostics: [], ...fields });
  let lastProgress = 0;
  let lastPhase: StressProgress['phase'] | null = null;
  // At most every 200 ms, and whenever the phase changes.
  const progress = (phase: StressProgress['phase'], smallestBytes: number | null = null) => {
    const now = performance.now();
    if (phase === lastPhase && now - lastProgress < progressEveryMs) return;
    lastProgress = now;
    lastPhase = phase;
    options.onProgress?.({ phase, rounds: done, elapsedMs: elapsed(), roundsPerSecond: rate(), smallestBytes });
  };

  const set = await openWorkers({
    wanted: Math.max(1, Math.min(options.parallel ?? sandboxSlots.capacity, rounds)),
    memoryMb: problem.memoryLimit,
    reserveMb: compiler ? compileMemoryMb : 0,
    python: options.python,
    extraFolders: compilers.flatMap((c) => c.folders),
    signal,
  }).catch((err: unknown) => {
    options.signal?.removeEventListener('abort', onAbort);
    throw err;
  });
  try {
    const limits = testLimits(problem, set.memoryMb);
    const first = set.workers.runners[0];
    if (!first) throw new WorkbenchError('InternalError', 'no_worker', 'No sandbox to run in.');
    progress('compiling');
    const programs: Partial<Record<'solution' | 'brute' | 'generator', RunProgram>> = {};
    for (const [name, program, file] of [['solution', options.solution, 'solution'], ['brute', options.brute, 'brute'], ['generator', options.generator, 'generator']] as const) {
      const build = await buildProgram(program, { runner: first, limits, compiler, name: program.language === 'python' ? `${file}.py` : `${file}.cpp`, signal });
      if (!build.ok) return report({ outcome: 'compile', program: name, message: build.message, diagnostics: build.diagnostics });
      programs[name] = build.program;
    }
    const built = programs as Record<'solution' | 'brute' | 'generator', RunProgram>;
    const round = (runner: Runner, seed: number, size: number | null) => oneRound(runner, built, problem, limits, seed, size, signal);

    // Searching: seeds 1, 2, 3… over every sandbox at once; the lowest failing seed found wins.
    let nextSeed = 1;
    // Written by the workers (a holder, so that the narrowing of its fields survives the closures).
    const state: { found: Counterexample | null; broken: { who: 'brute' | 'generator'; message: string } | null } = { found: null, broken: null };
    const search = async (runner: Runner) => {
      while (!state.found && !state.broken && !signal.aborted && nextSeed <= rounds && elapsed() < budgetMs) {
        const seed = nextSeed++;
        const result = await round(runner, seed, null);
        if (signal.aborted) return;
        done++;
        // Another worker may have found one meanwhile (the loop's test narrowed this before the await).
        const earlier = state.found as Counterexample | null;
        if (result.kind === 'found' && (!earlier || seed < earlier.seed)) state.found = result.example;
        else if (result.kind === 'broken') state.broken ??= { who: result.who, message: result.message };
        progress('searching');
      }
    };
    await runAll(set.workers.runners, search, stop);
    searchMs = elapsed();
    if (options.signal?.aborted) return report({ outcome: 'stopped' });
    if (state.broken) return report({ outcome: state.broken.who, message: state.broken.message });
    const firstFound = state.found;
    if (!firstFound) return report({ outcome: 'passed' });
    if (options.shrink === false) return report({ outcome: 'found', counterexample: firstFound });

    // Shrinking: size hints from large to small, a few seeds each, all sandboxes at once; the shortest failing
    // input is kept. A size where no seed fails ends it: smaller ones fail more rarely still.
    let best = firstFound;
    let tries = 0;
    const shrinkStarted = performance.now();
    const within = () => !signal.aborted && tries < maxShrinkTries && performance.now() - shrinkStarted < shrinkBudgetMs;
    const runners = set.workers.runners;
    for (const [step, size] of sizeLadder.entries()) {
      let failedHere = false;
      for (let k = 0; k < seedsPerSize && !failedHere && within(); k += runners.length) {
        const batch = runners.slice(0, Math.min(runners.length, seedsPerSize - k)).map((runner, j) => round(runner, firstFound.seed * 10_000 + step * 100 + k + j + 1, size));
        const results = await Promise.all(batch);
        tries += batch.length;
        for (const result of results) {
          if (result.kind !== 'found') continue;
          failedHere = true;
          if (result.example.input.length < best.input.length) best = result.example;
        }
        progress('shrinking', best.input.length);
      }
      if (!failedHere || !within()) break;
    }
    if (options.signal?.aborted) return report({ outcome: 'stopped', counterexample: best });
    return report({ outcome: 'found', counterexample: best, shrink: { tries, fromBytes: firstFound.input.length, toBytes: best.input.length } });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await set.close();
  }
}

async function oneRound(runner: Runner, programs: Record<'solution' | 'brute' | 'generator', RunProgram>, problem: Problem, limits: RunLimits, seed: number, size: number | null, signal: AbortSignal): Promise<RoundResult> {
  const args = size === null ? [String(seed)] : [String(seed), String(size)];
  const generated = await runner({ program: programs.generator, args, input: '' }, helperLimits(limits));
  if (generated.cancelled || signal.aborted) throw cancelled();
  const generatorFailure = runFailure(generated, helperLimits(limits)) ?? crashOf(generated, limits);
  if (generatorFailure) return { kind: 'broken', who: 'generator', message: `The generator failed on seed ${args.join(' ')} (${generatorFailure.verdict}): ${generatorFailure.detail}` };
  const input = generated.stdout;
  const brute = await runner(testJob(programs.brute, problem, input), helperLimits(limits));
  if (brute.cancelled || signal.aborted) throw cancelled();
  const bruteFailure = runFailure(brute, helperLimits(limits)) ?? crashOf(brute, limits);
  const expected = outputOf(brute, problem);
  if (!bruteFailure && expected !== null && nonTextOutputOf(brute, problem)) {
    return { kind: 'broken', who: 'brute', message: `The brute force's output on seed ${args.join(' ')} is not valid UTF-8 text: it cannot be an expected answer. Input:\n${detached(input, 2000)}` };
  }
  if (bruteFailure || expected === null) {
    return { kind: 'broken', who: 'brute', message: `The brute force failed on seed ${args.join(' ')} (${bruteFailure?.verdict ?? 'no output file'}): ${bruteFailure?.detail ?? 'it wrote no output file'}. Input:\n${detached(input, 2000)}` };
  }
  const solved = await runner(testJob(programs.solution, problem, input), limits);
  if (solved.cancelled || signal.aborted) throw cancelled();
  const base = { seed, size, input, expected, got: outputOf(solved, problem) ?? '', stderr: detached(solved.stderr, 16 * 1024) };
  const failure = runFailure(solved, limits);
  if (failure) return { kind: 'found', example: { ...base, verdict: failure.verdict, detail: failure.detail, diff: null } };
  if (outputOf(solved, problem) === null) return { kind: 'found', example: { ...base, verdict: 'WA', detail: 'The solution wrote no output file.', diff: null } };
  // As against a test: an output that is not UTF-8 is never read through its lossy text (different bytes read alike).
  if (nonTextOutputOf(solved, problem)) return { kind: 'found', example: { ...base, verdict: 'WA', detail: nonTextDetail, diff: null } };
  const check = await checkOutput(problem, { input, expected, got: base.got }, runner, limits, signal);
  if (check.accepted) return { kind: 'same' };
  return { kind: 'found', example: { ...base, verdict: 'WA', detail: check.detail, diff: check.diff } };
}
