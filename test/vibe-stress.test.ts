import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVibe } from './helpers/run-vibe';
import { useTempDirs } from './helpers/temp-dir';

const generator = ['import random, sys', 'rng = random.Random(int(sys.argv[1]))', 'size = int(sys.argv[2]) if len(sys.argv) > 2 else 100', 'n = rng.randint(1, size)', 'print(n)', 'print(*[rng.randint(1, 10**6) for _ in range(n)])'].join('\n');
const brute = 'input()\nprint(max(map(int, input().split())))\n';
const firstFifty = 'input()\nprint(max(list(map(int, input().split()))[:50]))\n';
const problem = { name: 'A. Sum', timeLimit: 1000, memoryLimit: 256, tests: [{ input: '1 2\n', output: '3\n' }, { input: '2 2\n', output: '4\n' }] };

describe('vibe stress and vibe judge beyond Python (real processes)', () => {
  const tempDir = useTempDirs();
  async function write(files: Record<string, string>): Promise<Record<string, string>> {
    const dir = await tempDir();
    const paths: Record<string, string> = {};
    for (const [name, text] of Object.entries(files)) {
      paths[name] = join(dir, name);
      await writeFile(paths[name], text);
    }
    return paths;
  }

  it('vibe stress prints the counterexample, both outputs and the diff, and exits 1', async () => {
    const f = await write({ 'sol.py': firstFifty, 'brute.py': brute, 'gen.py': generator });
    const run = runVibe(['stress', f['sol.py']!, '--brute', f['brute.py']!, '--generator', f['gen.py']!, '--rounds', '200']);
    expect(await run.exit).toBe(1);
    expect(run.stdout).toMatch(/^Counterexample \(seed \d+/);
    expect(run.stdout).toContain('--- brute force');
    expect(run.stdout).toContain('--- solution');
    expect(run.stdout).toContain('+    1 |');
    const json = runVibe(['stress', f['sol.py']!, '--brute', f['brute.py']!, '--generator', f['gen.py']!, '--rounds', '200', '--json', '--no-shrink']);
    expect(await json.exit).toBe(1);
    const report = JSON.parse(json.stdout) as { outcome: string; counterexample: { input: string }; shrink: unknown };
    expect(report.outcome).toBe('found');
    expect(report.shrink).toBeNull();
    expect(Number(report.counterexample.input.split('\n')[0])).toBeGreaterThan(50);
  });

  it('vibe stress exits 0 when every round agrees, and 2 on a usage error', async () => {
    const f = await write({ 'sol.py': brute, 'brute.py': brute, 'gen.py': generator });
    const run = runVibe(['stress', f['sol.py']!, '--brute', f['brute.py']!, '--generator', f['gen.py']!, '--rounds', '10']);
    expect(await run.exit).toBe(0);
    expect(run.stdout).toMatch(/^No difference found: 10 rounds/);
    const usage = runVibe(['stress', f['sol.py']!, '--brute', f['brute.py']!]);
    expect(await usage.exit).toBe(2);
    expect(usage.stderr).toMatch(/--generator/);
  });

  it('vibe judge sol.cpp compiles and judges C++ by its extension, and shows compile errors by line', async () => {
    const f = await write({
      'sol.cpp': '#include <iostream>\nint main() { int a, b; std::cin >> a >> b; std::cout << a + b << "\\n"; }\n',
      'bad.cpp': '#include <iostream>\nint main() {\n  std::cout << nope;\n}\n',
      'problem.json': JSON.stringify(problem),
    });
    const run = runVibe(['judge', f['sol.cpp']!, '--problem', f['problem.json']!]);
    expect(await run.exit).toBe(0);
    expect(run.stdout).toMatch(/g\+\+.*compiled in \d+ ms/);
    expect(run.stdout).toContain('Verdict: AC (2/2 accepted)');
    const bad = runVibe(['judge', f['bad.cpp']!, '--problem', f['problem.json']!]);
    expect(await bad.exit).toBe(1);
    expect(bad.stdout).toMatch(/bad\.cpp:3:\d+: error: .*nope/);
  });

  it('vibe judge --checker and --interactor', async () => {
    const f = await write({
      'sol.py': 'a, b = map(int, input().split())\nprint(a + b, "")\n',
      'checker.py': 'import sys\nexp = open(sys.argv[2]).read().split()\ngot = open(sys.argv[3]).read().split()\nsys.exit(0 if exp == got else 1)\n',
      'guess.py': 'lo, hi = 1, 10\nwhile True:\n    m = (lo + hi) // 2\n    print(m, flush=True)\n    r = input()\n    if r == "=": break\n    lo, hi = (lo, m - 1) if r == "<" else (m + 1, hi)\n',
      'interactor.py': 'import sys\ns = int(open(sys.argv[1]).read())\nfor _ in range(5):\n    g = int(input())\n    if g == s:\n        print("=", flush=True); sys.exit(0)\n    print("<" if s < g else ">", flush=True)\nsys.exit(1)\n',
      'problem.json': JSON.stringify(problem),
      'game.json': JSON.stringify({ name: 'guess', tests: [{ input: '7\n', output: '' }] }),
    });
    const checked = runVibe(['judge', f['sol.py']!, '--problem', f['problem.json']!, '--checker', f['checker.py']!]);
    expect(await checked.exit).toBe(0);
    const game = runVibe(['judge', f['guess.py']!, '--problem', f['game.json']!, '--interactor', f['interactor.py']!]);
    expect(await game.exit).toBe(0);
    expect(game.stdout).toContain('> 5');
    expect(game.stdout).toContain('< >');
  });
});
