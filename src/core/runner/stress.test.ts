import { describe, expect, it } from 'vitest';
import { ProblemSchema } from '../../shared/judging';
import type { StressProgress } from '../../shared/stress';
import { locateCompiler } from './cpp-compiler';
import { stressTest } from './stress';

/** The maximum of n numbers. The "solution" looks at the first 50 only: right on small tests, wrong on large ones. */
const problem = ProblemSchema.parse({ name: 'max', timeLimit: 2000, memoryLimit: 256, tests: [] });
const generator = {
  language: 'python' as const,
  code: ['import random, sys', 'seed = int(sys.argv[1])', 'size = int(sys.argv[2]) if len(sys.argv) > 2 else 100', 'rng = random.Random(seed)', 'n = rng.randint(1, size)', 'print(n)', 'print(*[rng.randint(1, 10**6) for _ in range(n)])'].join('\n'),
};
const brute = { language: 'python' as const, code: 'input()\nprint(max(map(int, input().split())))' };
const firstFifty = { language: 'python' as const, code: 'input()\nprint(max(list(map(int, input().split()))[:50]))' };
const hasCompiler = await locateCompiler().then(
  () => true,
  () => false,
);

describe('stress testing', () => {
  it('finds the counterexample of a solution that is wrong only on large inputs, and shrinks it', async () => {
    const seen: StressProgress[] = [];
    const report = await stressTest({ solution: firstFifty, brute, generator, problem, rounds: 200, onProgress: (p) => seen.push(p) });
    expect(report.outcome).toBe('found');
    const example = report.counterexample;
    if (!example) throw new Error('no counterexample');
    const n = Number(example.input.split('\n')[0]);
    expect(n).toBeGreaterThan(50);
    expect(example.verdict).toBe('WA');
    expect(example.expected.trim()).toBe(String(Math.max(...example.input.split('\n')[1]!.split(' ').map(Number))));
    expect(example.got.trim()).not.toBe(example.expected.trim());
    expect(example.diff).toContain('--- expected');
    expect(report.shrink).not.toBeNull();
    expect(report.shrink!.toBytes).toBeLessThanOrEqual(report.shrink!.fromBytes);
    // Shrinking gave the generator size hints: the kept test came from one, and it is no longer than a size-100 test.
    expect(example.size).not.toBeNull();
    expect(n).toBeLessThanOrEqual(example.size!);
    expect(seen.some((p) => p.phase === 'searching')).toBe(true);
    expect(report.roundsPerSecond).toBeGreaterThan(0);
  });

  it('passes a right solution for every round asked, and stops when asked', async () => {
    const right = { language: 'python' as const, code: 'input()\nprint(max(map(int, input().split())))' };
    const report = await stressTest({ solution: right, brute, generator, problem, rounds: 12 });
    expect(report).toMatchObject({ outcome: 'passed', rounds: 12, counterexample: null });
    const controller = new AbortController();
    const running = stressTest({ solution: right, brute, generator, problem, rounds: 100_000, seconds: 600, signal: controller.signal, onProgress: (p) => p.rounds >= 3 && controller.abort() });
    const stopped = await running;
    expect(stopped.outcome).toBe('stopped');
    expect(stopped.rounds).toBeLessThan(1000);
  });

  it('an output that is not UTF-8 is never read through its lossy text: the solution\'s is WA, the brute force\'s breaks it', async () => {
    // b'\xff' and b'\xfe' both read as "\uFFFD": as text they were the same answer.
    const bytes = (b: string) => ({ language: 'python' as const, code: `import sys\ninput()\ninput()\nsys.stdout.buffer.write(b'\\x${b}\\n')` });
    const replacement = { language: 'python' as const, code: "input()\ninput()\nprint('\\ufffd')" };
    const invalid = await stressTest({ solution: bytes('fe'), brute: replacement, generator, problem, rounds: 3, shrink: false });
    expect(invalid.counterexample).toMatchObject({ verdict: 'WA', detail: expect.stringMatching(/not valid UTF-8/) });
    const brokenBrute = await stressTest({ solution: replacement, brute: bytes('ff'), generator, problem, rounds: 3 });
    expect(brokenBrute).toMatchObject({ outcome: 'brute', message: expect.stringMatching(/^The brute force's output on seed \d+ is not valid UTF-8 text/) });
  });

  it('a crash or a time limit is a counterexample too', async () => {
    const crashes = { language: 'python' as const, code: 'n = int(input())\nassert n < 90\nprint(max(map(int, input().split())))' };
    const report = await stressTest({ solution: crashes, brute, generator, problem, rounds: 300, shrink: false });
    expect(report.counterexample).toMatchObject({ verdict: 'RE', detail: 'AssertionError' });
  });

  it('says which program broke: a failing generator or brute force, a compile error', async () => {
    const badGenerator = await stressTest({ solution: brute, brute, generator: { language: 'python', code: 'import sys\nsys.exit(2)' }, problem, rounds: 5 });
    expect(badGenerator).toMatchObject({ outcome: 'generator', message: expect.stringMatching(/^The generator failed on seed 1 \(RE\)/) });
    const badBrute = await stressTest({ solution: brute, brute: { language: 'python', code: 'raise ValueError("oops")' }, generator, problem, rounds: 5 });
    expect(badBrute).toMatchObject({ outcome: 'brute', message: expect.stringMatching(/^The brute force failed on seed \d+ \(RE\): ValueError: oops/) });
    const syntax = await stressTest({ solution: brute, brute: { language: 'python', code: 'def broken(:\n' }, generator, problem, rounds: 5 });
    expect(syntax).toMatchObject({ outcome: 'compile', program: 'brute' });
    expect(syntax.message).toMatch(/brute\.py/);
  });

  it.skipIf(!hasCompiler)('stress tests a C++ solution against a Python brute force', async () => {
    const cpp = { language: 'cpp17' as const, code: '#include <bits/stdc++.h>\nint main(){int n;std::cin>>n;long long m=0;for(int i=0;i<n;i++){long long x;std::cin>>x;if(i<50)m=std::max(m,x);}std::cout<<m<<"\\n";}\n' };
    const report = await stressTest({ solution: cpp, brute, generator, problem, rounds: 200, shrink: false });
    expect(report.outcome).toBe('found');
    expect(Number(report.counterexample?.input.split('\n')[0])).toBeGreaterThan(50);
  });
});
