import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema, type Verdict } from '../../shared/judging';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { descendantCount } from '../../../test/helpers/descendants';
import { judge } from './judge';
import { detectSandbox } from './sandbox/detect-sandbox';

const sum = 'a, b = map(int, input().split())\nprint(a + b)\n';
const problem = (tests = [{ input: '1 2\n', output: '3\n' }]) => ProblemSchema.parse({ name: 'sum', timeLimit: 500, memoryLimit: 256, tests });


describe('the judge against hostile code', async () => {
  const sandbox = await detectSandbox();
  const isolated = sandbox.containment.network && sandbox.containment.filesystem;
  const tempDir = useTempDirs();
  let dataDir = '';
  let appPort = 0;
  let appRequests = 0;
  const app = createServer((_req, res) => {
    appRequests++;
    res.end('secret page');
  });
  beforeAll(async () => {
    dataDir = join(tmpdir(), `vibe-data-${process.pid}`);
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'settings.json'), '{"token":"hunter2-data"}');
    process.env.VIBE_TEST_SECRET = 'hunter2-env';
    await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
    appPort = (app.address() as { port: number }).port;
  });
  afterAll(() => {
    app.close();
  });

  const cases: [string, string, Verdict[]][] = [
    ['infinite loop', 'while True: pass', ['TLE']],
    ['sleeping forever', 'import time\ntime.sleep(1000)', ['TLE']],
    ['fork bomb', 'import os\nwhile True:\n    os.fork()', ['RE', 'TLE']],
    ['thread bomb', 'import threading, time\nwhile True:\n    threading.Thread(target=time.sleep, args=(100,)).start()', ['RE', 'MLE', 'TLE']],
    ['memory hog (fast)', 'x = bytearray(2 * 1024 ** 3)', ['MLE']],
    ['memory hog (gradual)', 'x = []\nwhile True:\n    x.append(bytearray(10 ** 6))', ['MLE']],
    ['deep recursion', 'import sys\nsys.setrecursionlimit(10 ** 7)\ndef f(n):\n    return f(n + 1)\nf(0)', ['RE', 'MLE', 'TLE']],
    ['endless stdout', "while True:\n    print('x' * 1000)", ['OLE']],
    ['endless stderr', "import sys\nwhile True:\n    sys.stderr.write('y' * 1000)", ['OLE']],
    ['one 1 GB line', "import sys\nsys.stdout.write('x' * (1 << 30))", ['OLE', 'MLE']],
    ['ignoring SIGTERM', 'import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nwhile True: pass', ['TLE']],
    ['closing stdout, then looping', 'import os\nos.close(1)\nwhile True: pass', ['TLE']],
  ];

  it.each(cases)('%s → %s', async (name, code, expected) => {
    // Filling 256 MB a megabyte at a time took over 500 ms of CPU on a loaded CI machine (TLE): the
    // memory cases get time enough that only the memory limit can end them.
    const report = await judge(code, name.startsWith('memory hog') ? ProblemSchema.parse({ ...problem(), timeLimit: 3000 }) : problem());
    expect(expected).toContain(report.verdict);
    // Killed processes may take a moment to be reaped.
    await expect.poll(descendantCount, { timeout: 3000 }).toBe(0);
  });

  it('a legitimate 200 MB allocation under a 256 MB limit passes', async () => {
    const code = `x = bytearray(200 * 1024 * 1024)\nfor i in range(0, len(x), 4096):\n    x[i] = 1\n${sum}`;
    const report = await judge(code, problem());
    expect(report.verdict).toBe('AC');
    expect(report.tests[0]?.peakMemoryMb).toBeGreaterThan(200);
  });

  it('a child that outlives its parent and keeps stdout open does not hold the verdict', async () => {
    const code = `import os, time\nif os.fork() == 0:\n    time.sleep(100)\nelse:\n${sum.split('\n').map((l) => `    ${l}`).join('\n')}`;
    const started = performance.now();
    const report = await judge(code, problem());
    expect(report.verdict).toBe('AC');
    expect(performance.now() - started).toBeLessThan(2000);
    await expect.poll(descendantCount, { timeout: 3000 }).toBe(0);
  });

  it('a solution that never reads stdin still gets judged', async () => {
    const report = await judge('print(3)', problem([{ input: 'x'.repeat(8 * 1024 * 1024), output: '3' }]));
    expect(report.verdict).toBe('AC');
  });

  it('invalid UTF-8 and terminal escapes come back as plain text', async () => {
    const report = await judge("import sys\nsys.stdout.buffer.write(b'\\xff\\xfe\\x1b[31mred\\n')", problem());
    expect(report.verdict).toBe('WA');
    expect(report.tests[0]?.stdout).toContain('\uFFFD');
    expect(report.tests[0]?.stdout).toContain('\u001b[31mred');
  });

  it('output that is not UTF-8 is judged by its bytes: invalid bytes never pass for the U+FFFD their text shows', async () => {
    // Read lossily, b'\xff' is "\uFFFD": it would have matched an expected answer of that character.
    const replacement = problem([{ input: '1\n', output: '\uFFFD\n' }]);
    const invalid = await judge("import sys\nsys.stdout.buffer.write(b'\\xff\\n')", replacement);
    expect(invalid.verdict).toBe('WA');
    expect(invalid.tests[0]?.detail).toMatch(/not valid UTF-8/);
    expect((await judge("print('\\ufffd')", replacement)).verdict).toBe('AC');
    // The same for an output file.
    const toFile = ProblemSchema.parse({ ...replacement, output: { type: 'file', fileName: 'out.txt' } });
    expect((await judge("open('out.txt', 'wb').write(b'\\xff\\n')", toFile)).verdict).toBe('WA');
    expect((await judge("open('out.txt', 'w').write('\\ufffd\\n')", toFile)).verdict).toBe('AC');
  });

  it.skipIf(!isolated)('cannot read the home folder, the app data or the app environment', async () => {
    const code = [
      'import os, glob',
      `paths = [${JSON.stringify(join(dataDir, 'settings.json'))}, ${JSON.stringify(join(homedir(), '.ssh'))}]`,
      'for p in paths:',
      '    try:',
      '        print(open(p).read() if os.path.isfile(p) else os.listdir(p))',
      '    except Exception as e:',
      '        print(type(e).__name__)',
      `print("home exists" if os.path.exists(${JSON.stringify(homedir())}) else "no home")`,
      'print(dict(os.environ))',
      'for f in glob.glob("/proc/*/environ"):',
      '    try:',
      '        print(open(f, "rb").read())',
      '    except Exception:',
      '        pass',
    ].join('\n');
    const report = await judge(code, problem());
    const out = report.tests[0]?.stdout ?? '';
    expect(out).not.toContain('hunter2');
    expect(out).toContain('FileNotFoundError');
    // Not hidden behind an empty folder: the home folder does not exist in the sandbox at all.
    expect(out).toContain('no home');
  });

  it.skipIf(!isolated)('has no network: neither the internet nor the app’s own port', async () => {
    appRequests = 0;
    const code = [
      'import socket',
      `for host, port in [("1.1.1.1", 80), ("127.0.0.1", ${appPort})]:`,
      '    try:',
      '        socket.create_connection((host, port), timeout=2)',
      '        print("connected", port)',
      '    except OSError as e:',
      '        print("refused", port)',
    ].join('\n');
    const report = await judge(code, problem());
    expect(report.tests[0]?.stdout).not.toContain('connected');
    expect(appRequests).toBe(0);
  });

  it.skipIf(!isolated)('cannot write outside its folder, and a planted symlink goes nowhere', async () => {
    const outside = join(tmpdir(), `vibe-escape-${process.pid}`);
    const code = [
      'import os',
      `for target in [${JSON.stringify(outside)}, ${JSON.stringify(join(dataDir, 'settings.json'))}]:`,
      '    try:',
      '        open(target, "w").write("pwned")',
      '    except Exception as e:',
      '        print(type(e).__name__)',
      `os.symlink(${JSON.stringify(dataDir)}, "data-link")`,
      'try:',
      '    open("data-link/settings.json", "w").write("pwned")',
      'except Exception as e:',
      '    print(type(e).__name__)',
    ].join('\n');
    await judge(code, problem());
    expect(existsSync(outside)).toBe(false);
    expect(await readFile(join(dataDir, 'settings.json'), 'utf8')).toBe('{"token":"hunter2-data"}');
  });

  it.skipIf(!isolated)('cannot undo the hiding: no capabilities, no unmount', async () => {
    const code = [
      'import subprocess',
      `r = subprocess.run(["umount", ${JSON.stringify(homedir())}], capture_output=True, text=True)`,
      'print("umount", r.returncode)',
      'print(open("/proc/self/status").read().split("CapEff:")[1].split()[0])',
    ].join('\n');
    const report = await judge(code, problem());
    const out = report.tests[0]?.stdout ?? '';
    expect(out).not.toContain('umount 0');
    expect(out).toContain('0000000000000000');
  });

  it.skipIf(!isolated)('a test cannot leave anything behind for the next test', async () => {
    const code = [
      'import os',
      'seen = os.path.exists("/tmp/note") or os.path.exists("/var/tmp/note")',
      'open("/tmp/note", "w").write("x")',
      'print(3 if not seen else 4)',
    ].join('\n');
    const report = await judge(code, problem([{ input: '', output: '3' }, { input: '', output: '3' }, { input: '', output: '3' }]), { parallel: 1 });
    expect(report.tests.map((t) => t.verdict)).toEqual(['AC', 'AC', 'AC']);
  });

  it('leaves the host healthy: no processes, no run folders, and judging still works', async () => {
    await expect.poll(descendantCount, { timeout: 3000 }).toBe(0);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('vibe-run-'))).toEqual([]);
    expect((await judge(sum, problem())).verdict).toBe('AC');
    await tempDir();
  });
});
