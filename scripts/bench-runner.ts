/**
 * `npm run bench:runner [-- --tests 20 --rounds 3]`
 *
 * Side by side in one run: judging a trivial solution on N tests one at a time
 * (each test in a fresh, empty sandbox folder with its limits) against running
 * `python3 sol.py < input` N times by hand; prints the ratio (the per-test cost
 * of the sandbox, target ≤ 1.3), the speed-up from running tests in parallel,
 * and what each protection costs: the same judging with bubblewrap and with
 * unshare, without cgroups, and with no namespaces at all (limits only).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeContainment, ProblemSchema } from '../src/shared/judging';
import { judge } from '../src/core/runner/judge';
import { detectSandbox } from '../src/core/runner/sandbox/detect-sandbox';

const { values } = parseArgs({ options: { tests: { type: 'string', default: '20' }, rounds: { type: 'string', default: '3' } } });
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
await rm(dir, { recursive: true, force: true });
