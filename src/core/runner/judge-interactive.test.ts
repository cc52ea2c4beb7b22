import { describe, expect, it } from 'vitest';
import { ProblemSchema } from '../../shared/judging';
import { judge } from './judge';
import { detectSandbox } from './sandbox/detect-sandbox';

/** Guess the number in 1..100: the interactor answers <, > or =, and allows 7 guesses. */
const interactor = [
  'import sys',
  'secret = int(open(sys.argv[1]).read())',
  'for guess_no in range(1, 8):',
  '    line = sys.stdin.readline()',
  '    if not line:',
  '        print("the solution stopped asking", file=sys.stderr)',
  '        sys.exit(1)',
  '    guess = int(line)',
  '    if guess == secret:',
  '        print("=", flush=True)',
  '        print(f"found {secret} in {guess_no} guesses", file=sys.stderr)',
  '        sys.exit(0)',
  '    print("<" if secret < guess else ">", flush=True)',
  'print("more than 7 guesses", file=sys.stderr)',
  'sys.exit(1)',
].join('\n');
const game = ProblemSchema.parse({ name: 'guess', interactive: true, interactor, timeLimit: 2000, memoryLimit: 256, tests: [{ input: '42\n', output: '' }, { input: '1\n', output: '' }, { input: '100\n', output: '' }] });
const binarySearch = ['lo, hi = 1, 100', 'while True:', '    mid = (lo + hi) // 2', '    print(mid, flush=True)', '    reply = input()', '    if reply == "=":', '        break', '    if reply == "<":', '        hi = mid - 1', '    else:', '        lo = mid + 1'].join('\n');
const linear = ['for g in range(1, 101):', '    print(g, flush=True)', '    if input() == "=":', '        break'].join('\n');

const sandbox = await detectSandbox();

describe.skipIf(!sandbox.launcher)('interactive problems', () => {
  it('a correct solution is accepted on every test, with both sides of the conversation in the transcript', async () => {
    const report = await judge(binarySearch, game);
    expect(report).toMatchObject({ verdict: 'AC', passed: 3 });
    const first = report.tests[0];
    expect(first?.detail).toMatch(/^found 42 in \d guesses$/);
    expect(first?.transcript?.[0]).toEqual({ from: 'solution', text: '50\n' });
    expect(first?.transcript?.[1]).toEqual({ from: 'interactor', text: '<\n' });
    expect(first?.transcript?.at(-1)).toEqual({ from: 'interactor', text: '=\n' });
  });

  it('a wrong solution is rejected with the interactor\'s reason, even when it then dies of the closed pipe', async () => {
    const report = await judge(linear, game);
    expect(report.tests[1]).toMatchObject({ verdict: 'AC' });
    expect(report.tests[0]).toMatchObject({ verdict: 'WA', detail: 'Interactor: more than 7 guesses' });
    expect(report.tests[0]?.transcript?.filter((t) => t.from === 'solution').map((t) => t.text).join('')).toMatch(/^1\n2\n3\n4\n5\n6\n7\n/);
  });

  it('a solution that never answers is TLE; one that crashes is RE; one that kills the interactor is not accepted', async () => {
    const silent = await judge('import time\ntime.sleep(100)', { ...game, timeLimit: 300, tests: game.tests.slice(0, 1) });
    expect(silent.tests[0]?.verdict).toBe('TLE');
    const crash = await judge('print(50, flush=True)\nraise SystemExit(3)', { ...game, tests: game.tests.slice(0, 1) });
    expect(crash.tests[0]?.verdict).toMatch(/RE|WA/);
    const killer = ['import os, signal', 'for pid in os.listdir("/proc"):', '    if pid.isdigit() and int(pid) not in (1, os.getpid()):', '        try: os.kill(int(pid), signal.SIGKILL)', '        except OSError: pass', 'print(42, flush=True)'].join('\n');
    const killed = await judge(killer, { ...game, tests: game.tests.slice(0, 1) });
    expect(killed.tests[0]?.verdict).not.toBe('AC');
  });

  it('the solution cannot read the interactor\'s test (its input, its memory, its files)', async () => {
    const peek = [
      'import os, glob',
      'found = None',
      'for path in glob.glob("/proc/[0-9]*/fd/*") + glob.glob("/proc/[0-9]*/environ") + glob.glob("/box/**", recursive=True):',
      '    try:',
      '        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)',
      '        text = os.read(fd, 100).decode(errors="replace").strip()',
      '        os.close(fd)',
      '        if text.isdigit():',
      '            found = int(text)',
      '    except OSError:',
      '        pass',
      'print(found if found else 1, flush=True)',
    ].join('\n');
    const report = await judge(peek, { ...game, tests: [{ input: '77\n', output: '' }] });
    expect(report.tests[0]?.verdict).toBe('WA');
    expect(report.tests[0]?.transcript?.[0]?.text).toBe('1\n');
  });

  it('a solution that floods the interactor without reading is stopped at the output cap; a child holding the pipes open does not hang the judge', async () => {
    const flood = await judge('import sys\nwhile True:\n    sys.stdout.write("9" * 65536)', { ...game, timeLimit: 5000, tests: game.tests.slice(0, 1) });
    expect(flood.tests[0]?.verdict).toMatch(/OLE|TLE|WA/);
    expect(flood.tests[0]?.verdict).not.toBe('AC');
    const orphan = await judge(['import os, time', 'if os.fork() == 0:', '    time.sleep(60)', 'print(42, flush=True)', 'input()'].join('\n'), { ...game, tests: game.tests.slice(0, 1) });
    expect(orphan.tests[0]?.verdict).toBe('AC');
    expect(orphan.tests[0]?.wallMs).toBeLessThan(5000);
  });

  it('an interactive problem with an input file is refused: the file would hand the hidden test to the solution', async () => {
    await expect(judge('print(1)', { ...game, input: { type: 'file', fileName: 'in.txt' } })).rejects.toMatchObject({ code: 'interactive_files' });
  });

  it('an interactor may write more than the output cap in all (20 MB here): a correct solution stays AC', async () => {
    // 20 lines of 1 MB each; the solution answers each with its length. Only the solution's own output is capped.
    const talker = ['import sys', 'for i in range(20):', '    print("x" * (1 << 20), flush=True)', '    if sys.stdin.readline().strip() != str(1 << 20):', '        sys.exit(1)', 'sys.exit(0)'].join('\n');
    const big = ProblemSchema.parse({ ...game, interactor: talker, tests: [{ input: '1\n', output: '' }], timeLimit: 10000 });
    const report = await judge('for _ in range(20):\n    print(len(input()), flush=True)', big);
    expect(report.tests[0]).toMatchObject({ verdict: 'AC' });
    // A solution that never reads what the interactor writes is held by the full pipe, not by memory: TLE, not a crash.
    const deaf = await judge('import time\ntime.sleep(60)', { ...big, timeLimit: 500, interactor: 'import sys\nwhile True:\n    sys.stdout.write("y" * 65536)' });
    expect(deaf.tests[0]?.verdict).toBe('TLE');
    // Queries written all at once before any answer is read (4 MB of them) still go through.
    const eager = ['import sys', 'n = 400000', 'sys.stdout.write("123456789\\n" * n)', 'sys.stdout.flush()', 'ok = sum(sys.stdin.readline() == "123456789 ok\\n" for _ in range(n))', 'sys.exit(0 if ok == n else 1)'].join('\n');
    const answers = 'import sys\nfor _ in range(400000):\n    sys.stdout.write(sys.stdin.readline().strip() + " ok\\n")';
    expect((await judge(answers, { ...big, interactor: eager })).tests[0]?.verdict).toBe('AC');
    // An interactor that goes on writing to a solution that has ended is its own failure, not the solution's TLE.
    const endless = await judge('print(1)', { ...big, timeLimit: 4000, interactor: 'import sys\nwhile True:\n    sys.stdout.write("y" * 65536)' });
    expect(endless.tests[0]).toMatchObject({ verdict: 'WA', detail: expect.stringMatching(/interactor/i) });
    expect(endless.tests[0]?.wallMs).toBeLessThan(3000);
  });

  it('many tiny exchanges keep a bounded transcript and a correct solution stays AC', async () => {
    const chatty = ProblemSchema.parse({ ...game, interactor: 'import sys\nfor _ in range(30000):\n    sys.stdin.readline()\n    print(1, flush=True)\nsys.exit(0)', tests: [{ input: '1\n', output: '' }], timeLimit: 10000 });
    const report = await judge('import sys\nfor _ in range(30000):\n    print("?", flush=True)\n    sys.stdin.readline()', chatty);
    expect(report.tests[0]?.verdict).toBe('AC');
    expect(report.tests[0]?.transcript?.length).toBeLessThan(2100);
  });

  it('an interactive problem without an interactor says what to add', async () => {
    await expect(judge(binarySearch, { ...game, interactor: undefined })).rejects.toMatchObject({ code: 'interactor_missing' });
  });
});
