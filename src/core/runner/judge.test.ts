import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '../../shared/judging';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judge } from './judge';
import { sandboxSlots } from './sandbox-slots';
import { detectSandbox } from './sandbox/detect-sandbox';

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

describe('judge without namespaces (the path macOS and other systems take)', () => {
  const previous = process.env.VIBE_SANDBOX;
  beforeAll(() => {
    process.env.VIBE_SANDBOX = 'none';
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.VIBE_SANDBOX;
    else process.env.VIBE_SANDBOX = previous;
  });

  it('still judges with limits, and says plainly that files and network are not isolated', async () => {
    const report = await judge('a, b = map(int, input().split())\nprint(a + b)\n', problem);
    expect(report).toMatchObject({ verdict: 'AC', passed: 3 });
    expect(report.containment).toMatchObject({ filesystem: false, isolation: expect.stringMatching(/none|sandbox-exec/), counting: { memory: 'process', disk: 'per-file' } });
    expect(report.containment.notes.join(' ')).toMatch(/isolation (is|are) off/);
    // Even without namespaces, a root app never runs solutions as root: each run has a user of its own.
    const uid = await judge('import os\nprint(os.getuid())', problem, { only: [0] });
    if (process.getuid?.() === 0) expect(Number(uid.tests[0]?.stdout.trim())).toBeGreaterThanOrEqual(1_900_000_000);
    const loop = await judge('while True: pass', ProblemSchema.parse({ ...problem, timeLimit: 300 }), { only: [0] });
    expect(loop.verdict).toBe('TLE');
  });

  it.skipIf(process.platform !== 'linux')('nothing the solution detaches outlives its test, so the folder it leaves is removed safely', async () => {
    const canary = await mkdtemp(join(tmpdir(), 'vibe-canary-'));
    await writeFile(join(canary, 'keep.txt'), 'keep');
    const code = [
      'import os, sys, time',
      `os.symlink(${JSON.stringify(canary)}, "link")`,
      'os.mkdir("sub")',
      `os.symlink(${JSON.stringify(canary)}, "sub/link")`,
      'r, w = os.pipe()',
      'if os.fork() == 0:',
      '    os.setsid()',
      '    if os.fork() == 0:',
      '        os.write(w, b"%d\\n" % os.getpid())',
      '        time.sleep(60)',
      '    os._exit(0)',
      'os.wait()',
      'print(os.read(r, 32).decode().strip())',
    ].join('\n');
    const report = await judge(code, problem, { only: [0] });
    const daemon = Number(report.tests[0]?.stdout.trim());
    expect(daemon).toBeGreaterThan(1);
    expect(stillAlive(daemon)).toBe(false);
    expect(existsSync(join(canary, 'keep.txt'))).toBe(true);
    await rm(canary, { recursive: true, force: true });
  });

  it.skipIf(process.platform !== 'linux' || process.getuid?.() !== 0)('as root, a run killed for time or cancelled leaves nothing of its user running', async () => {
    const detach = (then: string) =>
      ['import os, sys, time', 'r, w = os.pipe()', 'if os.fork() == 0:', '    os.setsid()', '    if os.fork() == 0:', '        os.write(w, b"%d\\n" % os.getpid())', '        time.sleep(120)', '    os._exit(0)', 'os.wait()', 'print(os.read(r, 32).decode().strip(), flush=True)', then].join('\n');
    const slow = ProblemSchema.parse({ ...problem, timeLimit: 300 });
    const timedOut = await judge(detach('time.sleep(120)'), slow, { only: [0] });
    expect(timedOut.verdict).toBe('TLE');
    expect(stillAlive(Number(timedOut.tests[0]?.stdout.trim()))).toBe(false);
    const controller = new AbortController();
    const started = performance.now();
    const pending = judge(detach('time.sleep(120)'), ProblemSchema.parse({ ...problem, timeLimit: 30_000 }), { only: [0], signal: controller.signal });
    setTimeout(() => controller.abort(), 700);
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(performance.now() - started).toBeLessThan(5000);
    // Killed processes take a moment to be reaped by whoever inherited them.
    const running = () =>
      execFileSync('ps', ['-eo', 'uid=,stat='], { encoding: 'utf8' })
        .split('\n')
        .map((l) => l.trim().split(/\s+/))
        .filter(([uid, stat]) => Number(uid) >= 1_900_000_000 && !stat?.startsWith('Z'));
    await expect.poll(running, { timeout: 3000 }).toEqual([]);
  });
});

describe('verdicts a contest coder can trust', () => {
  const one = ProblemSchema.parse({ name: 'one', timeLimit: 1000, tests: [{ input: '1 2\n', output: '3\n' }] });

  it('a program ends as CPython ends it: threads finish, atexit runs, sys.__stdout__ is flushed, exit codes as CPython', async () => {
    const patterns = [
      'import threading\nthreading.Thread(target=lambda: print(3)).start()',
      'import atexit, sys\natexit.register(lambda: sys.__stdout__.write("3\\n"))',
      'import io, sys\nsys.stdout = io.StringIO()\nprint(3)\nsys.__stdout__.write(sys.stdout.getvalue())',
    ];
    for (const code of patterns) expect((await judge(code, one)).verdict).toBe('AC');
    expect((await judge('print(3)\nraise SystemExit(2 ** 64)', one)).tests[0]).toMatchObject({ verdict: 'RE', exitCode: 255 });
    expect((await judge('print(3)\nraise SystemExit(256)', one)).verdict).toBe('AC');
    expect((await judge('print(3)\nraise SystemExit("bye")', one)).tests[0]).toMatchObject({ verdict: 'RE', exitCode: 1 });
  });

  it('threads work under a normal memory limit, and a correct answer longer than 16 MB is not OLE', async () => {
    const pool = 'from concurrent.futures import ThreadPoolExecutor\nwith ThreadPoolExecutor(16) as ex:\n    total = sum(ex.map(lambda x: x, range(100)))\nprint(3 if total == 4950 else 0)';
    expect((await judge(pool, one)).verdict).toBe('AC');
    const big = 'x'.repeat(20 * 1024 * 1024);
    const long = ProblemSchema.parse({ name: 'long', timeLimit: 5000, tests: [{ input: '', output: big }] });
    expect((await judge(`import sys\nsys.stdout.write("x" * ${big.length})`, long)).verdict).toBe('AC');
  });

  it('tracebacks show the solution’s frames only', async () => {
    const report = await judge('def f():\n    return 1 // 0\nf()', one);
    expect(report.tests[0]?.stderr).toMatch(/File "(.*\/)?solution\.py", line 2, in f/);
    expect(report.tests[0]?.stderr).not.toMatch(/runpy|<string>/);
  });

  it('code with $-patterns is code, a logged MemoryError with exit 0 is not MLE, and details stay short', async () => {
    expect((await judge("# shell: $' and $` and $&\nprint(3)", one)).verdict).toBe('AC');
    expect((await judge('import sys\nprint("MemoryError: just a log line", file=sys.stderr)\nprint(3)', one)).verdict).toBe('AC');
    const noisy = await judge('import sys\nsys.stderr.write("E" * (4 << 20))\nsys.exit(1)', one);
    expect(noisy.tests[0]?.verdict).toBe('RE');
    expect(noisy.tests[0]?.detail?.length).toBeLessThanOrEqual(1000);
    expect(noisy.tests[0]?.stderr.length).toBeLessThanOrEqual(16 * 1024);
  });
});

describe('judging that cannot start gives its sandbox slots back', async () => {
  const namespaces = (await detectSandbox()).launcher !== null;
  it.skipIf(!namespaces)('a Python whose folder would expose the whole file system is refused, and the slots stay free', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vibe-fake-python-'));
    const fake = join(dir, 'python3');
    // Says it is installed at "/": the sandbox would have to show everything.
    await writeFile(fake, '#!/bin/sh\nexec /usr/bin/env python3 -c \'import json,sys; print(json.dumps(["/python3", "/", [3, 11, 0]]))\'\n', { mode: 0o755 });
    for (let i = 0; i < 4; i++) await expect(judge('print(3)', problem, { python: fake })).rejects.toMatchObject({ code: 'python_unsafe' });
    expect(sandboxSlots.inUse).toBe(0);
    expect((await judge('print(3)', problem, { only: [0] })).verdict).toBe('AC');
    await rm(dir, { recursive: true, force: true });
  });
});

function stillAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
