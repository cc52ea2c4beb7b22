import { describe, expect, it } from 'vitest';
import { ProblemSchema } from '../../shared/judging';
import { judge } from './judge';

const problem = ProblemSchema.parse({
  name: 'sum',
  timeLimit: 1000,
  tests: [
    { input: '1 2\n', output: '3\n' },
    { input: '5 5\n', output: '10\n' },
    { input: '-1 1\n', output: '0\n' },
  ],
});

describe('judge', () => {
  it('accepts a correct solution and reports time and memory per test', async () => {
    const report = await judge('a, b = map(int, input().split())\nprint(a + b)\n', problem);
    expect(report).toMatchObject({ verdict: 'AC', passed: 3, total: 3, compileError: null });
    for (const test of report.tests) {
      expect(test.verdict).toBe('AC');
      expect(test.wallMs).toBeGreaterThan(0);
      expect(test.peakMemoryMb).toBeGreaterThan(1);
      expect(test.exitCode).toBe(0);
    }
    expect(report.python).toMatch(/\(3\.\d+\.\d+\)$/);
  });

  it('gives WA with a diff, RE with the exception line, and the first failure as the verdict', async () => {
    const wa = await judge('a, b = map(int, input().split())\nprint(a * b)\n', problem);
    expect(wa.verdict).toBe('WA');
    expect(wa.tests.map((t) => t.verdict)).toEqual(['WA', 'WA', 'WA']);
    expect(wa.tests[0]?.detail).toBe('Line 1 differs: expected "3", got "2"');
    expect(wa.tests[0]?.diff).toContain('+    1 | 2');
    const re = await judge('a, b = map(int, input().split())\nprint(a + b if a + b else 1 // 0)\n', problem);
    expect(re.tests.map((t) => t.verdict)).toEqual(['AC', 'AC', 'RE']);
    expect(re.tests[2]?.detail).toBe('ZeroDivisionError: integer division or modulo by zero');
    expect(re.verdict).toBe('RE');
  });

  it('finds a syntax error before running any test', async () => {
    const report = await judge('def f(:\n    pass\n', problem);
    expect(report).toMatchObject({ verdict: 'CE', tests: [], passed: 0 });
    expect(report.compileError).toMatch(/SyntaxError/);
  });

  it('runs only the requested tests', async () => {
    const report = await judge('print(3)', problem, { only: [0] });
    expect(report.tests.map((t) => [t.index, t.verdict])).toEqual([[0, 'AC']]);
  });

  it('reports the containment actually in force', async () => {
    const report = await judge('print(3)', problem, { only: [0] });
    expect(report.containment).toMatchObject({ time: true, memory: true });
    if (!report.containment.network) expect(report.containment.notes.join(' ')).toMatch(/off/);
  });
});
