import { describe, expect, it } from 'vitest';
import { ProblemSchema, type Problem } from '../../shared/judging';
import { judge } from './judge';

const make = (fields: Partial<Problem> & { tests: Problem['tests'] }): Problem => ProblemSchema.parse({ name: 'p', timeLimit: 2000, memoryLimit: 256, ...fields });

/** "Print any two numbers that sum to n": many right answers, which only a checker can judge. */
const anyPair = make({
  tests: [
    { input: '10\n', output: '3 7\n' },
    { input: '5\n', output: '0 5\n' },
  ],
  comparison: { mode: 'custom' },
  checker: [
    'import sys',
    'n = int(open(sys.argv[1]).read())',
    'got = open(sys.argv[3]).read().split()',
    'if len(got) != 2 or not all(t.lstrip("-").isdigit() for t in got):',
    '    print("expected two integers, got", len(got), "tokens")',
    '    sys.exit(1)',
    'a, b = map(int, got)',
    'if a + b != n:',
    '    print(f"{a} + {b} = {a + b}, not {n}")',
    '    sys.exit(1)',
    'print("ok", a, b)',
  ].join('\n'),
});

describe('custom checkers', () => {
  it('accept any valid answer of a "print any" problem and reject an invalid one, with the checker\'s words', async () => {
    const other = await judge('n = int(input())\nprint(1, n - 1)', anyPair);
    expect(other).toMatchObject({ verdict: 'AC', passed: 2 });
    expect(other.tests[0]?.detail).toBe('ok 1 9');
    const wrong = await judge('n = int(input())\nprint(1, n)', anyPair);
    expect(wrong.verdict).toBe('WA');
    expect(wrong.tests[0]?.detail).toBe('Checker: 1 + 10 = 11, not 10');
    const garbage = await judge('print("hello")', anyPair);
    expect(garbage.tests[0]?.detail).toBe('Checker: expected two integers, got 1 tokens');
  });

  it('a checker that fails itself is said to have failed, not taken as the solution\'s fault in silence', async () => {
    const broken = await judge('print(1, 9)', { ...anyPair, checker: 'raise ValueError("checker bug")' });
    expect(broken.verdict).toBe('WA');
    expect(broken.tests[0]?.detail).toBe('The checker itself failed (it raised an exception): ValueError: checker bug. Fix the checker (exit 0 accepts, 1 rejects).');
    const crashed = await judge('print(1, 9)', { ...anyPair, checker: 'import sys\nsys.exit(3)' });
    expect(crashed.tests[0]?.detail).toMatch(/^The checker itself failed \(it exited with 3\)/);
  });

  it('runs sandboxed: a hostile output cannot make the checker accept, and the checker cannot reach the host', async () => {
    // The solution's output is data for the checker; a checker reading the host's files finds nothing there.
    const snoop = { ...anyPair, checker: 'import os, sys\nprint("home:", os.path.exists("/root"), "etc:", os.path.exists("/etc/passwd"))\nsys.exit(0 if not os.path.exists("/etc/passwd") else 1)' };
    expect((await judge('print(1, 9)', snoop)).verdict).toBe('AC');
    const hostile = await judge('print("import os; os._exit(0)")', anyPair);
    expect(hostile.verdict).toBe('WA');
  });
});

describe('built-in comparisons', () => {
  const words = make({ tests: [{ input: '', output: 'a b\nc\n' }] });
  it('lines (the default) ignores trailing spaces only; tokens any whitespace; exact nothing', async () => {
    expect((await judge('print("a b  ")\nprint("c")', words)).verdict).toBe('AC');
    expect((await judge('print("a   b c")', words)).verdict).toBe('WA');
    expect((await judge('print("a   b c")', { ...words, comparison: { mode: 'tokens' } })).verdict).toBe('AC');
    expect((await judge('print("a b")\nprint("c")', { ...words, comparison: { mode: 'exact' } })).verdict).toBe('AC');
    expect((await judge('print("a b ")\nprint("c")', { ...words, comparison: { mode: 'exact' } })).verdict).toBe('WA');
  });

  it('float: absolute or relative tolerance, 1e-6 when the problem gives none', async () => {
    const third = make({ tests: [{ input: '', output: '0.333333333\n' }], comparison: { mode: 'float' } });
    expect((await judge('print(1/3)', third)).verdict).toBe('AC');
    expect((await judge('print(0.3334)', third)).verdict).toBe('WA');
    const big = make({ tests: [{ input: '', output: '1000000000\n' }], comparison: { mode: 'float', floatTolerance: 1e-6, toleranceMode: 'relative' } });
    expect((await judge('print(1000000100)', big)).verdict).toBe('AC');
    expect((await judge('print(1000000100)', { ...big, comparison: { mode: 'float', floatTolerance: 1e-6, toleranceMode: 'absolute' } })).verdict).toBe('WA');
  });
});

describe('Competitive Companion problem shapes', () => {
  it('multiNumber: judged as one input, and a wrong line is named as its case', async () => {
    const cases = make({ testType: 'multiNumber', tests: [{ input: '3\n1 2\n3 4\n5 6\n', output: '3\n7\n11\n' }] });
    const right = 'import sys\nt, *rest = sys.stdin.read().split("\\n", 1)\nfor line in rest[0].splitlines():\n    a, b = map(int, line.split())\n    print(a + b)';
    expect((await judge(right, cases)).verdict).toBe('AC');
    const wrong = await judge(right.replace('print(a + b)', 'print(a + b if a != 3 else 0)'), cases);
    expect(wrong.tests[0]?.detail).toBe('Line 2 differs: expected "7", got "0" (case 2 of 3, if each case prints one line)');
  });

  for (const sandbox of ['auto', 'none'] as const) {
    it(`file input and output (input.txt → output.txt), sandbox ${sandbox}`, async () => {
      const previous = process.env.VIBE_SANDBOX;
      if (sandbox === 'none') process.env.VIBE_SANDBOX = 'none';
      try {
        const files = make({ input: { type: 'file', fileName: 'input.txt' }, output: { type: 'file', fileName: 'output.txt' }, tests: [{ input: '2 3\n', output: '5\n' }] });
        const right = 'a, b = map(int, open("input.txt").read().split())\nopen("output.txt", "w").write(f"{a + b}\\n")';
        expect((await judge(right, files)).verdict).toBe('AC');
        const stdoutOnly = await judge('a, b = map(int, open("input.txt").read().split())\nprint(a + b)', files);
        expect(stdoutOnly.tests[0]).toMatchObject({ verdict: 'WA', detail: expect.stringMatching(/did not write/) });
        // stdin is empty: the input is only in the file.
        const fromStdin = await judge('import sys\nprint(len(sys.stdin.read()))\nopen("output.txt", "w").write("5\\n")', files);
        expect(fromStdin.tests[0]).toMatchObject({ verdict: 'AC', stdout: '0\n' });
        // A link in place of the output file is not followed.
        const linked = await judge('import os\nos.symlink("/etc/hostname", "output.txt")', files);
        expect(linked.tests[0]).toMatchObject({ verdict: 'WA', detail: expect.stringMatching(/did not write/) });
        const fifo = await judge('import os\nos.mkfifo("output.txt")', files);
        expect(fifo.tests[0]).toMatchObject({ verdict: 'WA' });
      } finally {
        if (previous === undefined) delete process.env.VIBE_SANDBOX;
        else process.env.VIBE_SANDBOX = previous;
      }
    });
  }

  it('an output file named like an object property ("constructor") is no output file when not written', async () => {
    const proto = make({ output: { type: 'file', fileName: 'constructor' }, tests: [{ input: '', output: 'function Object() { [native code] }\n' }] });
    expect((await judge('pass', proto)).tests[0]).toMatchObject({ verdict: 'WA', detail: expect.stringMatching(/did not write/) });
    await expect(judge('pass', make({ input: { type: 'file', fileName: 'd.txt' }, output: { type: 'file', fileName: 'd.txt' }, tests: [{ input: '1', output: '1' }] }))).rejects.toMatchObject({ code: 'bad_file_name' });
  });

  it('refuses file names that are not plain names, before running anything', async () => {
    const bad = make({ output: { type: 'file', fileName: '../../etc/passwd' }, tests: [{ input: '', output: '' }] });
    await expect(judge('print(1)', bad)).rejects.toMatchObject({ code: 'bad_file_name' });
  });
});
