import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVibe } from './helpers/run-vibe';
import { useTempDirs } from './helpers/temp-dir';

/** As Competitive Companion sends it, extra fields included. */
const problem = {
  name: 'A. Sum',
  group: 'Codeforces - Round 1',
  url: 'https://codeforces.com/contest/1/problem/A',
  interactive: false,
  memoryLimit: 256,
  timeLimit: 1000,
  tests: [
    { input: '1 2\n', output: '3\n' },
    { input: '2 2\n', output: '4\n' },
  ],
  testType: 'single',
  input: { type: 'stdin' },
  output: { type: 'stdout' },
  languages: { java: { mainClass: 'Main', taskClass: 'A' } },
  batch: { id: 'b1', size: 1 },
};

describe('vibe judge (real process)', () => {
  const tempDir = useTempDirs();

  async function files(code: string, problemJson: string = JSON.stringify(problem)) {
    const dir = await tempDir();
    await writeFile(join(dir, 'solution.py'), code);
    await writeFile(join(dir, 'problem.json'), problemJson);
    return { solution: join(dir, 'solution.py'), problem: join(dir, 'problem.json') };
  }

  it('exits 0 when every test is accepted, with a JSON report', async () => {
    const f = await files('a, b = map(int, input().split())\nprint(a + b)\n');
    const run = runVibe(['judge', f.solution, '--problem', f.problem, '--json']);
    expect(await run.exit).toBe(0);
    const report = JSON.parse(run.stdout) as { verdict: string; passed: number; containment: Record<string, unknown> };
    expect(report).toMatchObject({ verdict: 'AC', passed: 2 });
    expect(Object.keys(report.containment)).toEqual(expect.arrayContaining(['time', 'memory', 'processes', 'network', 'filesystem']));
  });

  it('exits 1 on a wrong answer and shows the diff', async () => {
    const f = await files('a, b = map(int, input().split())\nprint(a * b)\n');
    const run = runVibe(['judge', f.solution, '--problem', f.problem]);
    expect(await run.exit).toBe(1);
    expect(run.stdout).toContain('Test 1: WA');
    expect(run.stdout).toContain('+    1 | 2');
    expect(run.stdout).toContain('Verdict: WA (1/2 accepted)');
    expect(run.stderr).toMatch(/^sandbox: time on( \(all processes\))?, memory on/);
  });

  it('a solution that plants a FIFO and a link to a secret where output used to be read neither hangs nor leaks', async () => {
    const dir = await tempDir();
    const secret = join(dir, 'secret.txt');
    await writeFile(secret, 'TOPSECRET-CLI', { mode: 0o600 });
    const code = `import os\nos.mkfifo("stdout.txt")\nos.symlink(${JSON.stringify(secret)}, "stderr.txt")\nprint(3)`;
    const f = await files(code);
    const started = performance.now();
    const run = runVibe(['judge', f.solution, '--problem', f.problem, '--json']);
    expect(await run.exit).toBe(1);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(run.stdout).not.toContain('TOPSECRET-CLI');
    expect((JSON.parse(run.stdout) as { tests: { stdout: string }[] }).tests[0]?.stdout).toBe('3\n');
  });

  it('rejects a malformed problem file with one line', async () => {
    const f = await files('print(1)', '{"tests": [ {"input": 1');
    const run = runVibe(['judge', f.solution, '--problem', f.problem]);
    expect(await run.exit).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/not a readable JSON problem file/);
  });
});
