/**
 * `npm run bench:runner [-- --tests 20]`
 *
 * Side by side in one run: judging a trivial solution on N tests one at a time
 * (each test in its own sandbox, limits and fresh folder) against running
 * `python3 sol.py < input` N times by hand; prints the ratio (the per-test
 * cost of the sandbox, target ≤ 1.3) and the speed-up from running the tests
 * in parallel on this machine's cores.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ProblemSchema } from '../src/shared/judging';
import { judge } from '../src/core/runner/judge';

const { values } = parseArgs({ options: { tests: { type: 'string', default: '20' }, rounds: { type: 'string', default: '3' } } });
const count = Number(values.tests);
const rounds = Number(values.rounds);
const solution = 'a, b = map(int, input().split())\nprint(a + b)\n';
const problem = ProblemSchema.parse({ name: 'bench', tests: Array.from({ length: count }, (_, i) => ({ input: `${i} ${i + 1}\n`, output: `${2 * i + 1}\n` })) });

const dir = await mkdtemp(join(tmpdir(), 'vibe-bench-runner-'));
await writeFile(join(dir, 'sol.py'), solution);

const byHand = (): number => {
  const start = performance.now();
  for (const test of problem.tests) {
    const run = spawnSync(python, [join(dir, 'sol.py')], { input: test.input, encoding: 'utf8' });
    if (run.stdout.trim() !== test.output.trim()) throw new Error('wrong output by hand');
  }
  return performance.now() - start;
};
const judged = async (parallel: number) => {
  const start = performance.now();
  const report = await judge(solution, problem, { parallel });
  if (report.verdict !== 'AC') throw new Error(`judge said ${report.verdict}`);
  return { ms: performance.now() - start, containment: report.containment, python: report.python.replace(/ \([\d.]+\)$/, '') };
};

// Warm-up (sandbox detection, Python lookup); "by hand" uses the very interpreter the judge uses.
const python = (await judged(1)).python;
byHand();
const hand: number[] = [];
const sequential: number[] = [];
const parallel: number[] = [];
let containment = (await judged(1)).containment;
for (let r = 0; r < rounds; r++) {
  hand.push(byHand());
  const one = await judged(1);
  sequential.push(one.ms);
  containment = one.containment;
  parallel.push((await judged(availableParallelism())).ms);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const h = median(hand);
const s = median(sequential);
const p = median(parallel);
console.log(`${count} tests, ${rounds} rounds alternating (medians), ${python}`);
console.log(`sandbox: ${Object.entries(containment).filter(([, v]) => typeof v === 'boolean' && v).map(([k]) => k).join(', ')}`);
console.log(`by hand (python3 sol.py < input) × ${count}: ${h.toFixed(0)} ms (${(h / count).toFixed(1)} ms per test)`);
console.log(`judged one at a time:               ${s.toFixed(0)} ms (${(s / count).toFixed(1)} ms per test)`);
console.log(`ratio judged/by hand: ${(s / h).toFixed(2)} (target ≤ 1.3) ${s / h <= 1.3 ? 'PASS' : 'FAIL'}`);
console.log(`judged in parallel on ${availableParallelism()} cores: ${p.toFixed(0)} ms → speed-up ×${(s / p).toFixed(2)}`);
await rm(dir, { recursive: true, force: true });
