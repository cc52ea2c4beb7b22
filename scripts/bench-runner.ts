/**
 * `npm run bench:runner [-- --tests 20 --rounds 3]`
 *
 * Side by side in one run: judging a trivial solution on N tests one at a time
 * (each test in a fresh, empty sandbox folder with its limits) against running
 * `python3 sol.py < input` N times by hand; prints the ratio (the per-test cost
 * of the sandbox, target ≤ 1.3), the speed-up from running tests in parallel,
 * and what each protection costs: the same judging with bubblewrap and with
 * unshare, without cgroups, and with no namespaces at all (limits only).
 *
 * Two more rows: C++ (the judged binary against running the same binary by
 * hand, both after one compile; and compiling in the sandbox against g++ by
 * hand), and stress testing (rounds per second of `vibe stress`'s loop against
 * a shell loop doing the same: gen SEED > in; brute < in; sol < in; cmp).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeContainment, ProblemSchema } from '../src/shared/judging';
import { judge } from '../src/core/runner/judge';
import { compileFlags, locateCompiler } from '../src/core/runner/cpp-compiler';
import { stressTest } from '../src/core/runner/stress';
import { detectSandbox } from '../src/core/runner/sandbox/detect-sandbox';

const { values } = parseArgs({ options: { tests: { type: 'string', default: '20' }, rounds: { type: 'string', default: '3' }, 'stress-rounds': { type: 'string', default: '30' } } });
const count = Number(values.tests);
const rounds = Number(values.rounds);
const solution = 'a, b = map(int, input().split())\nprint(a + b)\n';
const problem = ProblemSchema.parse({ name: 'bench', tests: Array.from({ length: count }, (_, i) => ({ input: `${i} ${i + 1}\n`, output: `${2 * i + 1}\n` })) });

const dir = await mkdtemp(join(tmpdir(), 'vibe-bench-runner-'));
await writeFile(join(dir, 'sol.py'), solution);

/** A sandbox set-up: VIBE_SANDBOX and VIBE_CGROUPS as the judge reads them. */
interface Variant {
  label: string;
  sandbox: string;
  cgroups: boolean;
}
const variants: Variant[] = [
  { label: 'default', sandbox: 'auto', cgroups: true },
  { label: 'bubblewrap + cgroups', sandbox: 'bubblewrap', cgroups: true },
  { label: 'bubblewrap, no cgroups', sandbox: 'bubblewrap', cgroups: false },
  { label: 'unshare + cgroups', sandbox: 'unshare', cgroups: true },
  { label: 'no namespaces (limits only)', sandbox: 'none', cgroups: false },
];
const useVariant = (v: Variant) => {
  process.env.VIBE_SANDBOX = v.sandbox;
  process.env.VIBE_CGROUPS = v.cgroups ? 'on' : 'off';
};

const byHand = (): number => {
  const start = performance.now();
  for (const test of problem.tests) {
    const run = spawnSync(python, [join(dir, 'sol.py')], { input: test.input, encoding: 'utf8' });
    if (run.stdout.trim() !== test.output.trim()) throw new Error('wrong output by hand');
  }
  return performance.now() - start;
};
const judged = async (variant: Variant, parallel: number) => {
  useVariant(variant);
  const start = performance.now();
  const report = await judge(solution, problem, { parallel });
  if (report.verdict !== 'AC') throw new Error(`judge said ${report.verdict}`);
  return { ms: performance.now() - start, containment: report.containment, python: report.python.replace(/ \([\d.]+\)$/, '') };
};

// Only the set-ups this machine has (bubblewrap may be missing).
const available: Variant[] = [];
for (const v of variants) {
  useVariant(v);
  const sandbox = await detectSandbox();
  if (v.sandbox === 'none' || sandbox.launcher?.name === v.sandbox || v.sandbox === 'auto') available.push(v);
}
const main = available[0] as Variant;

// Warm-up (sandbox detection, Python lookup); "by hand" uses the very interpreter the judge uses.
const python = (await judged(main, 1)).python;
byHand();
for (const v of available) await judged(v, 1);
const hand: number[] = [];
const perVariant = new Map<string, number[]>(available.map((v) => [v.label, []]));
const parallel: number[] = [];
for (let r = 0; r < rounds; r++) {
  hand.push(byHand());
  for (const v of available) perVariant.get(v.label)?.push((await judged(v, 1)).ms);
  parallel.push((await judged(main, availableParallelism())).ms);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const h = median(hand);
const s = median(perVariant.get(main.label) ?? []);
const p = median(parallel);
const containment = (await judged(main, 1)).containment;
console.log(`${count} tests, ${rounds} rounds alternating (medians), ${python}`);
console.log(`sandbox: ${describeContainment(containment)}`);
console.log(`by hand (python3 sol.py < input) × ${count}: ${h.toFixed(0)} ms (${(h / count).toFixed(1)} ms per test)`);
console.log(`judged one at a time:               ${s.toFixed(0)} ms (${(s / count).toFixed(1)} ms per test)`);
console.log(`ratio judged/by hand: ${(s / h).toFixed(2)} (target ≤ 1.3) ${s / h <= 1.3 ? 'PASS' : 'FAIL'}`);
console.log(`judged in parallel on ${availableParallelism()} cores: ${p.toFixed(0)} ms → speed-up ×${(s / p).toFixed(2)}`);
console.log('cost of each protection (judged one at a time / by hand):');
for (const v of available.slice(1)) {
  const m = median(perVariant.get(v.label) ?? []);
  console.log(`  ${v.label.padEnd(30)} ${m.toFixed(0).padStart(5)} ms  ratio ${(m / h).toFixed(2)}`);
}

// C++: the same judging of a compiled program, against running that binary by hand.
const compiler = await locateCompiler().catch(() => null);
if (!compiler) console.log('C++: no compiler found (install g++): row skipped');
else {
  useVariant(main);
  const cpp = '#include <cstdio>\nint main() { long long a, b; if (std::scanf("%lld %lld", &a, &b) == 2) std::printf("%lld\\n", a + b); }\n';
  await writeFile(join(dir, 'solution.cpp'), cpp);
  const handCompile: number[] = [];
  const judgedCompile: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let start = performance.now();
    const built = spawnSync(compiler.path, compileFlags('cpp17'), { cwd: dir, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`g++ by hand failed: ${built.stderr}`);
    handCompile.push(performance.now() - start);
    // A new comment each round: a code version not compiled before (the cache would answer otherwise).
    start = performance.now();
    const first = await judge(`${cpp}// ${r} ${Date.now()}\n`, { ...problem, tests: problem.tests.slice(0, 1) }, { language: 'cpp17', parallel: 1 });
    if (first.verdict !== 'AC') throw new Error(`C++ judged ${first.verdict}`);
    judgedCompile.push(first.compileMs ?? performance.now() - start);
  }
  const binary = join(dir, 'prog');
  const cppByHand = () => {
    const start = performance.now();
    for (const test of problem.tests) {
      const run = spawnSync(binary, [], { input: test.input, encoding: 'utf8' });
      if (run.stdout.trim() !== test.output.trim()) throw new Error('wrong C++ output by hand');
    }
    return performance.now() - start;
  };
  await judge(cpp, problem, { language: 'cpp17', parallel: 1 });
  cppByHand();
  const cppHand: number[] = [];
  const cppJudged: number[] = [];
  for (let r = 0; r < rounds; r++) {
    cppHand.push(cppByHand());
    const start = performance.now();
    const report = await judge(cpp, problem, { language: 'cpp17', parallel: 1 });
    if (report.verdict !== 'AC' || report.compileMs !== 0) throw new Error('C++ judging did not reuse its binary');
    cppJudged.push(performance.now() - start);
  }
  const ch = median(cppHand);
  const cj = median(cppJudged);
  console.log(`C++ (${compiler.version}):`);
  console.log(`  by hand (./prog < input) × ${count}: ${ch.toFixed(0)} ms (${(ch / count).toFixed(1)} ms per test)`);
  console.log(`  judged one at a time (compiled once): ${cj.toFixed(0)} ms (${(cj / count).toFixed(1)} ms per test) → ratio ${(cj / ch).toFixed(2)}`);
  console.log(`  compiling: by hand ${median(handCompile).toFixed(0)} ms, in the sandbox ${median(judgedCompile).toFixed(0)} ms → ratio ${(median(judgedCompile) / median(handCompile)).toFixed(2)}`);
}

// Stress testing: rounds per second against a shell loop doing the same work.
{
  useVariant(main);
  const stressRounds = Number(values['stress-rounds']);
  const gen = 'import random, sys\nrng = random.Random(int(sys.argv[1]))\nn = rng.randint(1, 20)\nprint(n)\nprint(*[rng.randint(1, 100) for _ in range(n)])\n';
  const brute = 'input()\nprint(max(map(int, input().split())))\n';
  const sol = 'input()\nprint(sorted(map(int, input().split()))[-1])\n';
  await writeFile(join(dir, 'gen.py'), gen);
  await writeFile(join(dir, 'brute.py'), brute);
  await writeFile(join(dir, 'fast.py'), sol);
  const loop = `for i in $(seq ${stressRounds}); do ${python} gen.py $i > in.txt; ${python} brute.py < in.txt > a.txt; ${python} fast.py < in.txt > b.txt; cmp -s a.txt b.txt || exit 1; done`;
  const shell = () => {
    const start = performance.now();
    const run = spawnSync('bash', ['-c', loop], { cwd: dir });
    if (run.status !== 0) throw new Error('the shell loop found a difference');
    return performance.now() - start;
  };
  const stress = async (workers: number) => {
    const report = await stressTest({ solution: { language: 'python', code: sol }, brute: { language: 'python', code: brute }, generator: { language: 'python', code: gen }, problem: ProblemSchema.parse({ name: 'stress' }), rounds: stressRounds, parallel: workers });
    if (report.outcome !== 'passed') throw new Error(`stress said ${report.outcome}`);
    return report.elapsedMs;
  };
  shell();
  await stress(1);
  const shellMs: number[] = [];
  const oneMs: number[] = [];
  const allMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    shellMs.push(shell());
    oneMs.push(await stress(1));
    allMs.push(await stress(availableParallelism()));
  }
  const rate = (ms: number) => (stressRounds / ms) * 1000;
  const sh = rate(median(shellMs));
  const one = rate(median(oneMs));
  const all = rate(median(allMs));
  console.log(`stress testing, ${stressRounds} rounds (gen → brute → solution → compare, Python):`);
  console.log(`  shell loop by hand:           ${sh.toFixed(1)} rounds/s`);
  console.log(`  vibe stress, one sandbox:     ${one.toFixed(1)} rounds/s → ratio ${(one / sh).toFixed(2)} (sandboxed, each run in a fresh folder)`);
  console.log(`  vibe stress, ${availableParallelism()} sandboxes:      ${all.toFixed(1)} rounds/s → ratio ${(all / sh).toFixed(2)}`);
}

await rm(dir, { recursive: true, force: true });
