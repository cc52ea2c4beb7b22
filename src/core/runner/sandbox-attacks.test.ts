import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema, type JudgeReport } from '../../shared/judging';
import { descendantCount } from '../../../test/helpers/descendants';
import { judge } from './judge';
import { detectSandbox, type SandboxChoice } from './sandbox/detect-sandbox';

/**
 * Attacks a hostile solution can make on the judge, each held against both
 * ways of building the sandbox. Every case here broke the judge before the
 * host stopped sharing a folder with the solution (see issue 14).
 */
const sum = 'a, b = map(int, input().split())\nprint(a + b)';
const problem = (tests = [{ input: '1 2\n', output: '3\n' }], limits: { timeLimit?: number; memoryLimit?: number } = {}) =>
  ProblemSchema.parse({ name: 'attack', timeLimit: limits.timeLimit ?? 1000, memoryLimit: limits.memoryLimit ?? 256, tests });
const sums = (n: number) => Array.from({ length: n }, (_, i) => ({ input: `${i} 1\n`, output: `${i + 1}\n` }));
/** The solution runs `attack` in the first test only (its input starts with "0 "), then answers every test correctly. */
const thenSum = (attack: string) => `import os, sys\ndata = sys.stdin.read()\nif data.startswith("0 "):\n${indent(attack)}\na, b = map(int, data.split())\nprint(a + b)`;
const indent = (code: string) => code.split('\n').map((l) => `    ${l}`).join('\n');
const out = (report: JudgeReport, i = 0) => report.tests[i]?.stdout ?? '';


/** A solution that starts `n` children running `body` at once, waits for them, then answers. */
const forkChildren = (n: number, body: string[]) =>
  ['import os', 'kids = []', `for _ in range(${n}):`, '    pid = os.fork()', '    if pid == 0:', ...body.map((l) => `        ${l}`), '        os._exit(0)', '    kids.append(pid)', 'for pid in kids:', '    os.waitpid(pid, 0)', sum].join('\n');

const choices: SandboxChoice[] = [];
const treeCounting = new Map<SandboxChoice, Set<string>>();
for (const choice of ['bubblewrap', 'unshare'] as const) {
  const sandbox = await detectSandbox(choice);
  if (!sandbox.launcher) continue;
  choices.push(choice);
  treeCounting.set(choice, new Set(sandbox.cgroups.map((p) => p.resource)));
}
/** Where no cgroup can be made, limits are per process, and the tests of tree limits say they were skipped. */
const counted = (choice: SandboxChoice, resource: 'memory' | 'cpu') => treeCounting.get(choice)?.has(resource) ?? false;

describe.skipIf(choices.length === 0).each(choices)('a hostile solution against the %s sandbox', (choice) => {
  let secretDir = '';
  let secretFile = '';
  const secret = `TOPSECRET-${process.pid}`;
  const previous = process.env.VIBE_SANDBOX;
  beforeAll(async () => {
    process.env.VIBE_SANDBOX = choice;
    secretDir = await mkdtemp(join(tmpdir(), 'vibe-secret-'));
    secretFile = join(secretDir, 'secret.txt');
    await writeFile(secretFile, secret);
    await chmod(secretFile, 0o600);
    await writeFile(join(secretDir, 'stdout.txt'), secret);
    process.env.VIBE_TEST_SECRET = secret;
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.VIBE_SANDBOX;
    else process.env.VIBE_SANDBOX = previous;
    await rm(secretDir, { recursive: true, force: true });
  });

  it('uses the sandbox it was asked for', async () => {
    const report = await judge(sum, problem());
    expect(report.containment.isolation).toBe(choice);
    expect(report.verdict).toBe('AC');
  });

  it('output files replaced by links to secrets: the host reads nothing through them', async () => {
    const code = [
      'import os',
      'for name in ["stdout.txt", "stderr.txt", "../stdout.txt", "input.txt", "output.txt"]:',
      '    try:',
      '        os.remove(name)',
      '    except OSError:',
      '        pass',
      `    for target in [${JSON.stringify(secretFile)}, "/proc/self/environ", "/proc/1/environ", "/etc/shadow"]:`,
      '        try:',
      '            os.symlink(target, name)',
      '            break',
      '        except OSError:',
      '            pass',
      'print("planted")',
    ].join('\n');
    const report = await judge(code, problem(sums(2)), { parallel: 1 });
    const everything = JSON.stringify(report);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain('VIBE_TEST_SECRET');
    expect(out(report)).toContain('planted');
  });

  it('a FIFO or /dev/zero in place of an output file neither hangs nor bloats the judge', async () => {
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const fifo = await judge('import os\nos.mkfifo("stdout.txt")\nos.mkfifo("stderr.txt")\nprint("fifo")', problem(sums(2)), { parallel: 1 });
    const zero = await judge('import os\nos.symlink("/dev/zero", "stdout.txt")\nos.symlink("/dev/zero", "/box/stderr.txt")\nprint("zero")', problem(sums(2)), { parallel: 1 });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(out(fifo)).toBe('fifo\n');
    expect(out(zero)).toBe('zero\n');
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('replacing its own folder (or its parent) by a link does not redirect the host', async () => {
    const code = thenSum(
      [
        'import shutil',
        'here = os.getcwd()',
        'os.chdir("/")',
        'for folder in [here, os.path.dirname(here)]:',
        '    try:',
        '        shutil.rmtree(folder)',
        `        os.symlink(${JSON.stringify(secretDir)}, folder)`,
        '    except OSError as error:',
        '        print(type(error).__name__, file=sys.stderr)',
      ].join('\n'),
    );
    const report = await judge(code, problem(sums(3)), { parallel: 1 });
    expect(JSON.stringify(report)).not.toContain(secret);
    expect(report.tests.slice(1).map((t) => t.verdict)).toEqual(['AC', 'AC']);
    expect(await readFile(join(secretDir, 'stdout.txt'), 'utf8')).toBe(secret);
  });

  it('planting links where the zygote or the next test would be written changes no host file', async () => {
    const canary = join(secretDir, 'canary.txt');
    await writeFile(canary, 'unchanged');
    // Then it dies of a signal Python does not name, which used to crash the warm Python and make the host restart it.
    const code = thenSum(
      [
        'for name in ["../zygote.py", "../bootstrap.py", "zygote.py", "/box/zygote.py", "../t1", "../t2", "/tmp/t1"]:',
        '    try:',
        `        os.symlink(${JSON.stringify(canary)}, name)`,
        '    except OSError:',
        '        pass',
        'for name in ["../t3", "../t4", "/box/t1"]:',
        '    try:',
        '        os.mkdir(name)',
        '    except OSError:',
        '        pass',
        'os.kill(os.getpid(), 40)',
      ].join('\n'),
    );
    const report = await judge(code, problem(sums(4)), { parallel: 1 });
    expect(report.tests[0]).toMatchObject({ verdict: 'RE', detail: 'Killed by SIGRTMIN+6.', signal: 'SIGRTMIN+6' });
    expect(report.tests.slice(1).map((t) => t.verdict)).toEqual(['AC', 'AC', 'AC']);
    expect(await readFile(canary, 'utf8')).toBe('unchanged');
  });

  it('no test sees anything an earlier test wrote, wherever it wrote it', async () => {
    const places = ['..', '/box', '/tmp', '/var/tmp', '/dev/shm', '/run/lock', '/var/lock', '/run', '/box/work', '.'];
    // Also the folders' own metadata: extended attributes and times of the scratch roots.
    const code = [
      'import os, sys',
      `places = ${JSON.stringify(places)}`,
      'seen = [p for p in places if os.path.exists(os.path.join(p, "leak"))]',
      'for root in ("/box", "/dev/shm"):',
      '    if os.listxattr(root) or os.stat(root).st_mtime == 1234567:',
      '        seen.append("attrs of " + root)',
      '    try:',
      '        os.setxattr(root, "user.leak", b"x" * 1000)',
      '        os.utime(root, (1234567, 1234567))',
      '    except OSError:',
      '        pass',
      'data = sys.stdin.read()',
      'for p in places:',
      '    try:',
      '        with open(os.path.join(p, "leak"), "w") as f:',
      '            f.write(data)',
      '    except OSError:',
      '        pass',
      'print("seen " + ",".join(seen) if seen else "clean")',
    ].join('\n');
    const tests = Array.from({ length: 3 }, (_, i) => ({ input: `input of test ${i}`, output: 'clean' }));
    const report = await judge(code, problem(tests), { parallel: 1 });
    expect(report.tests.map((t) => t.stdout.trim())).toEqual(['clean', 'clean', 'clean']);
    for (const hostPlace of ['/run/lock', '/var/lock', '/dev/shm', '/var/tmp', tmpdir()]) expect(existsSync(join(hostPlace, 'leak'))).toBe(false);
  });

  it('can create files only in its own capped folders, and none of them on the host', async () => {
    const marker = `vibe-probe-${process.pid}`;
    // Where a sandboxed root can write is decided by its mounts, so the probe tries every mount point
    // the kernel lists and every folder a few levels down from each top-level folder. A full walk of
    // the filesystem read /usr from a cold disk and ran past a minute on CI; this stays a few seconds
    // and still covers every place a misconfigured mount could open.
    const code = [
      'import os',
      'candidates = set()',
      'with open("/proc/self/mountinfo") as f:',
      '    for line in f:',
      '        candidates.add(line.split()[4].replace("\\\\040", " "))',
      'for top in os.listdir("/"):',
      '    if top in ("proc", "sys"):',
      '        continue',
      '    base = "/" + top',
      '    for root, dirs, files in os.walk(base, followlinks=False):',
      '        candidates.add(root)',
      '        if root.count("/") - base.count("/") >= 3:',
      '            dirs[:] = []',
      '        elif len(dirs) > 400:',
      '            dirs[:] = dirs[:400]',
      'writable = []',
      'for root in sorted(candidates):',
      '    if root.startswith("/proc") or root.startswith("/sys") or not os.path.isdir(root) or os.path.islink(root):',
      '        continue',
      `    path = os.path.join(root, ${JSON.stringify(marker)})`,
      '    try:',
      '        open(path, "w").close()',
      '        writable.append(os.path.realpath(root))',
      '    except OSError:',
      '        pass',
      'print(len(candidates), "places tried")',
      'print("\\n".join(sorted(set(writable))))',
    ].join('\n');
    const report = await judge(code, problem([{ input: '', output: '' }], { timeLimit: 10_000 }));
    const [tried, ...writable] = out(report).trim().split('\n').filter(Boolean);
    const [run] = report.tests;
    const what = JSON.stringify({ verdict: run?.verdict, detail: run?.detail, cpuMs: run?.cpuMs, wallMs: run?.wallMs, stderr: run?.stderr.slice(-500) });
    expect(Number(tried?.split(' ')[0] ?? 0), `the probe did not finish: ${what}`).toBeGreaterThan(100);
    expect(writable.length, `the probe found nowhere to write, not even its own folder: ${what}`).toBeGreaterThan(0);
    expect(writable.filter((dir) => !(dir === '/box' || dir.startsWith('/box/') || dir === '/dev/shm'))).toEqual([]);
    for (const hostDir of ['/usr', '/usr/bin', '/etc', '/dev/shm', '/tmp', homedir()]) expect(existsSync(join(hostDir, marker))).toBe(false);
  }, 60_000);

  it('the home folder, the app data and the app environment do not exist inside', async () => {
    const code = [
      'import os',
      `for p in [${JSON.stringify(homedir())}, ${JSON.stringify(secretDir)}, "/root", "/home", "/run", "/var/lib", "/sys", "/etc/shadow", "/etc/passwd"]:`,
      '    print(p, os.path.exists(p))',
      'print(sorted(os.listdir("/")))',
      'print(sorted(os.environ))',
    ].join('\n');
    const report = await judge(code, problem());
    const lines = out(report).trim().split('\n');
    for (const line of lines.slice(0, 9)) expect(line).toMatch(/ False$/);
    expect(lines[9]).toBe("['bin', 'box', 'dev', 'etc', 'lib', 'lib64', 'proc', 'sbin', 'tmp', 'usr', 'var']");
    expect(lines[10]).not.toContain('VIBE_TEST_SECRET');
  });

  it('cannot tamper with the warm Python: signals, ptrace, its descriptors, its limits, its priority', async () => {
    const attack = [
      'import ctypes, resource, signal',
      'for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGSEGV, signal.SIGSTOP, signal.SIGKILL):',
      '    try:',
      '        os.kill(1, sig)',
      '    except OSError:',
      '        pass',
      'libc = ctypes.CDLL(None, use_errno=True)',
      'print("ptrace", libc.ptrace(16, 1, 0, 0), file=sys.stderr)',
      'for path in ["/proc/1/mem", "/proc/1/fd/3", "/proc/1/fd/0", "/proc/1/environ"]:',
      '    try:',
      '        open(path, "rb").read(1)',
      '        print("OPENED", path, file=sys.stderr)',
      '    except OSError:',
      '        pass',
      'for fd in range(3, 64):',
      '    try:',
      '        os.fstat(fd)',
      '        print("INHERITED", fd, file=sys.stderr)',
      '    except OSError:',
      '        pass',
      'for name, call in [("prlimit", lambda: resource.prlimit(1, resource.RLIMIT_AS, (64 << 20, 64 << 20))), ("nice", lambda: os.setpriority(os.PRIO_PROCESS, 1, 19)), ("affinity", lambda: os.sched_setaffinity(1, {0})), ("user nice", lambda: os.setpriority(os.PRIO_USER, 0, 19))]:',
      '    try:',
      '        call()',
      '        print("CHANGED", name, file=sys.stderr)',
      '    except OSError as error:',
      '        print(name, "refused", error.errno, file=sys.stderr)',
      'os.kill(-1, signal.SIGKILL)',
    ].join('\n');
    const report = await judge(thenSum(attack), problem(sums(4)), { parallel: 1 });
    expect(report.tests[0]?.stderr).toContain('ptrace -1');
    expect(report.tests[0]?.stderr).not.toMatch(/OPENED|INHERITED|CHANGED/);
    for (const name of ['prlimit', 'nice', 'affinity', 'user nice']) expect(report.tests[0]?.stderr).toContain(`${name} refused 1`);
    expect(report.tests.slice(1).map((t) => t.verdict)).toEqual(['AC', 'AC', 'AC']);
  });

  it('cannot regain capabilities or change the namespace-wide kernel settings later tests share', async () => {
    const code = thenSum(
      [
        'import subprocess',
        'r = subprocess.run(["unshare", "--user", "--map-root-user", "true"], capture_output=True)',
        'print("nested", r.returncode, file=sys.stderr)',
        'for p in ["/proc/sys/kernel/shmmax", "/proc/sys/kernel/pid_max", "/proc/sys/fs/mqueue/msg_max", "/proc/sys/user/max_user_namespaces"]:',
        '    try:',
        '        open(p, "w").write("100")',
        '        print("WROTE", p, file=sys.stderr)',
        '    except OSError:',
        '        pass',
      ].join('\n'),
    );
    const report = await judge(code, problem(sums(2)), { parallel: 1 });
    expect(report.tests[0]?.stderr).toMatch(/nested [1-9]/);
    expect(report.tests[0]?.stderr).not.toContain('WROTE');
    expect(report.verdict).toBe('AC');
  });

  it('kernel objects that outlive a process or escape the limits are refused: message queues, keys, perf buffers, AIO contexts, becoming dumpable, the zygote’s scheduling', async () => {
    const code = [
      'import ctypes, os, sys',
      'libc = ctypes.CDLL(None, use_errno=True)',
      'libc.syscall.restype = ctypes.c_long',
      'data = sys.stdin.read()',
      'q = libc.mq_open(b"/vibe-leak", os.O_CREAT | os.O_RDWR, 0o600, None)',
      'print("mq", q, ctypes.get_errno(), file=sys.stderr)',
      'add_key = 248 if os.uname().machine == "x86_64" else 217',
      'print("key", libc.syscall(add_key, b"user", b"vibe-leak", b"secret", 6, -4), ctypes.get_errno(), file=sys.stderr)',
      'param = ctypes.c_int(0)',
      'print("sched", libc.sched_setscheduler(1, 5, ctypes.byref(param)), file=sys.stderr)',
      'print("ioprio", libc.syscall(251 if os.uname().machine == "x86_64" else 30, 1, 1, (3 << 13)), file=sys.stderr)',
      'print("aio", libc.syscall(206 if os.uname().machine == "x86_64" else 0, 65536, ctypes.byref(ctypes.c_ulong(0))), ctypes.get_errno(), file=sys.stderr)',
      'print("dumpable", libc.prctl(4, 1, 0, 0, 0), ctypes.get_errno(), file=sys.stderr)',
      'attr = ctypes.create_string_buffer(128)',
      'print("perf", libc.syscall(298 if os.uname().machine == "x86_64" else 241, attr, 0, -1, -1, 0), ctypes.get_errno(), file=sys.stderr)',
      'a, b = map(int, data.split())',
      'print(a + b)',
    ].join('\n');
    const report = await judge(code, problem(sums(3)), { parallel: 1 });
    expect(report.tests.map((t) => t.verdict)).toEqual(['AC', 'AC', 'AC']);
    for (const test of report.tests) {
      expect(test.stderr).toContain('mq -1 1');
      expect(test.stderr).toContain('key -1 1');
      expect(test.stderr).toContain('sched -1');
      expect(test.stderr).toContain('ioprio -1');
      expect(test.stderr).toContain('perf -1 1');
      expect(test.stderr).toContain('aio -1 1');
      expect(test.stderr).toContain('dumpable -1 1');
    }
  });

  it('breaking the warm Python costs only that test: its descriptors or memory lowered, folders too deep to clean', async () => {
    const lowered = thenSum('import resource\nfor limit in (resource.RLIMIT_NOFILE, resource.RLIMIT_AS):\n    try:\n        resource.prlimit(1, limit, (4, 4))\n    except OSError as e:\n        print("refused", e.errno, file=sys.stderr)');
    const first = await judge(lowered, problem(sums(3)), { parallel: 1 });
    expect(first.tests.map((t) => t.verdict)).toEqual(['AC', 'AC', 'AC']);
    expect(first.tests[0]?.stderr).toBe('refused 1\nrefused 1\n');
    const deep = thenSum('here = os.getcwd()\nfor _ in range(3000):\n    os.mkdir("d")\n    os.chdir("d")\nos.chdir(here)');
    const second = await judge(deep, problem(sums(3)), { parallel: 1 });
    expect(second.tests.map((t) => t.verdict)).toEqual(['AC', 'AC', 'AC']);
  });

  it('has Unix sockets only: no TCP, UDP, raw, packet or netlink sockets (TCP buffers escape memory limits)', async () => {
    const code = [
      'import socket',
      'for family, kind in [(socket.AF_INET, socket.SOCK_STREAM), (socket.AF_INET6, socket.SOCK_DGRAM), (socket.AF_NETLINK, socket.SOCK_RAW), (socket.AF_PACKET, socket.SOCK_RAW)]:',
      '    try:',
      '        socket.socket(family, kind)',
      '        print("OPENED", family)',
      '    except OSError as error:',
      '        print("refused", error.errno)',
      'a, b = socket.socketpair()',
      'a.sendall(b"unix ok")',
      'print(b.recv(16).decode())',
    ].join('\n');
    const report = await judge(code, problem([{ input: '', output: '' }]));
    expect(out(report)).toBe('refused 1\nrefused 1\nrefused 1\nrefused 1\nunix ok\n');
  });

  it('System V shared memory left by one test is not seen by the next', async () => {
    const code = [
      'import ctypes, os',
      'seen = open("/proc/sysvipc/shm").read().strip().splitlines()[1:]',
      'ctypes.CDLL(None).shmget(0x5EC2E7, 4096, 0o1666)',
      'print("seen" if seen else "clean")',
    ].join('\n');
    const tests = Array.from({ length: 3 }, () => ({ input: '', output: 'clean' }));
    const report = await judge(code, problem(tests), { parallel: 1 });
    expect(report.tests.map((t) => t.verdict)).toEqual(['AC', 'AC', 'AC']);
  });

  it('nothing it starts outlives its test: daemons, new sessions, ignored signals', async () => {
    const code = thenSum(
      [
        'import signal, time',
        'if os.fork() == 0:',
        '    os.setsid()',
        '    if os.fork() == 0:',
        '        signal.signal(signal.SIGTERM, signal.SIG_IGN)',
        '        signal.signal(signal.SIGHUP, signal.SIG_IGN)',
        '        time.sleep(60)',
        '    os._exit(0)',
        'os.wait()',
      ].join('\n'),
    );
    const report = await judge(code, problem(sums(2)), { parallel: 1 });
    expect(report.verdict).toBe('AC');
    // The next test, in the same sandbox, sees only the zygote and itself.
    const look = await judge(thenSum('import time\nif os.fork() == 0:\n    os.setsid()\n    time.sleep(60)\n    os._exit(0)') + '\nprint(sorted(int(p) for p in os.listdir("/proc") if p.isdigit()), file=sys.stderr)', problem(sums(2)), { parallel: 1 });
    expect(look.tests[1]?.stderr.trim()).toMatch(/^\[1, \d+\]$/);
    await expect.poll(descendantCount, { timeout: 3000 }).toBe(0);
  });

  it.skipIf(!counted(choice, 'memory'))('memory of forked children counts together: 8 × 200 MB under 256 MB is MLE', async () => {
    const touch200Mb = ['x = bytearray(200 * 1024 * 1024)', 'for i in range(0, len(x), 4096):', '    x[i] = 1'];
    const report = await judge(forkChildren(8, touch200Mb), problem(sums(1), { memoryLimit: 256, timeLimit: 4000 }));
    expect(report.verdict).toBe('MLE');
  });

  it.skipIf(!counted(choice, 'cpu'))('CPU time of forked children counts together: 6 × 0.9 s under 1 s is TLE', async () => {
    const burn900Ms = ['import time', 'end = time.process_time() + 0.9', 'while time.process_time() < end:', '    pass'];
    const report = await judge(forkChildren(6, burn900Ms), problem(sums(1), { timeLimit: 1000 }));
    expect(report.tests[0]).toMatchObject({ verdict: 'TLE', detail: 'CPU time over 1000 ms.' });
    expect(report.tests[0]?.wallMs).toBeLessThan(3000);
  });

  it('files are capped in total, not one by one: many files stop at the box size', async () => {
    const code = [
      'import os',
      'written = 0',
      'try:',
      '    for i in range(200):',
      '        with open("f%d" % i, "wb") as f:',
      '            f.write(b"x" * (8 << 20))',
      '        written += 8 << 20',
      'except OSError as error:',
      '    print(type(error).__name__, error.errno)',
      'print(written >> 20)',
    ].join('\n');
    const report = await judge(code, problem([{ input: '', output: '' }], { timeLimit: 5000, memoryLimit: 512 }));
    const [error, megabytes] = out(report).trim().split('\n');
    expect(error).toBe('OSError 28');
    expect(Number(megabytes)).toBeLessThanOrEqual(64);
  });

  it('a solution killed by a signal is RE with the signal’s name', async () => {
    const report = await judge('import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)', problem());
    expect(report.tests[0]).toMatchObject({ verdict: 'RE', signal: 'SIGSEGV', detail: expect.stringMatching(/^Killed by SIGSEGV \(an invalid memory access/) });
    const abort = await judge('import os\nos.abort()', problem());
    expect(abort.tests[0]).toMatchObject({ verdict: 'RE', signal: 'SIGABRT' });
  });

  it('judging stops at once when cancelled, and leaves nothing running', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const pending = judge('import time\ntime.sleep(100)', problem(sums(4), { timeLimit: 30_000 }), { signal: controller.signal });
    setTimeout(() => controller.abort(), 500);
    await expect(pending).rejects.toMatchObject({ name: 'UnavailableError', code: 'cancelled' });
    expect(performance.now() - started).toBeLessThan(3000);
    await expect.poll(descendantCount, { timeout: 3000 }).toBe(0);
  });
});
