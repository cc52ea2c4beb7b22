/**
 * A warm Python process inside the sandbox's namespaces (started without any
 * capabilities) that runs many tests without paying an interpreter start each
 * time: for every request it forks, and the child sets the limits and runs the
 * solution with runpy in its own fresh folder, stdin from a file, stdout and
 * stderr to files (capped by RLIMIT_FSIZE). The zygote is PID 1 of its PID
 * namespace, so after each test it kills every other process there: nothing
 * a test started survives into the next one.
 *
 * Protocol: one JSON request per line on stdin, one JSON report per line on stdout.
 */
export const zygoteSource = String.raw`
import ctypes, json, os, resource, signal, sys, time

libc = ctypes.CDLL(None, use_errno=True)
PR_SET_DUMPABLE = 4
# Not dumpable: a solution (same user) can neither ptrace the zygote nor read its /proc files.
libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)

def limit(kind, value):
    resource.setrlimit(kind, (value, value))

def kill_others():
    me = os.getpid()
    for _ in range(3):
        found = False
        for name in os.listdir("/proc"):
            if name.isdigit() and int(name) != me:
                found = True
                try:
                    os.kill(int(name), signal.SIGKILL)
                except OSError:
                    pass
        while True:
            try:
                if os.waitpid(-1, os.WNOHANG) == (0, 0):
                    break
            except ChildProcessError:
                break
        if not found:
            return
        time.sleep(0.002)

SCRUB = [d for d in sys.argv[1:]]
HOME = os.getcwd()

def scrub():
    # Each test starts from empty private temp folders: nothing one test left is seen by the next.
    import shutil
    for folder in SCRUB:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            path = os.path.join(folder, name)
            if HOME == path or HOME.startswith(path + "/"):
                continue
            try:
                if os.path.isdir(path) and not os.path.islink(path):
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    os.unlink(path)
            except OSError:
                pass

def child(request):
    os.setpgid(0, 0)
    os.chdir(request["dir"])
    stdin = os.open("input.txt", os.O_RDONLY)
    out = os.open("stdout.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err = os.open("stderr.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(stdin, 0); os.dup2(out, 1); os.dup2(err, 2)
    for fd in (stdin, out, err):
        os.close(fd)
    limit(resource.RLIMIT_CPU, request["cpuSeconds"])
    limit(resource.RLIMIT_AS, request["memoryBytes"])
    limit(resource.RLIMIT_NPROC, request["processes"])
    limit(resource.RLIMIT_FSIZE, request["fileBytes"])
    limit(resource.RLIMIT_CORE, 0)
    sys.stdin = open(0, "r", encoding="utf-8", errors="replace", closefd=False)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
    sys.argv = ["solution.py"]
    code = 0
    try:
        import runpy
        runpy.run_path("solution.py", run_name="__main__")
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
        if exit.code is not None and not isinstance(exit.code, int):
            print(exit.code, file=sys.stderr)
    except BaseException:
        import traceback
        traceback.print_exc()
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        code = code or 1
    os._exit(code)

for line in sys.stdin:
    request = json.loads(line)
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            child(request)
        except BaseException as error:
            try:
                os.write(2, ("sandbox: %s\n" % error).encode())
            finally:
                os._exit(127)
    wall = request["wallSeconds"]
    timed_out = False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() - started > wall:
            timed_out = True
            os.killpg(pid, signal.SIGKILL)
            done, status, usage = os.wait4(pid, 0)
            break
        time.sleep(0.0005 if time.monotonic() - started < 0.05 else 0.005)
    kill_others()
    scrub()
    report = {
        "exitCode": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": signal.Signals(os.WTERMSIG(status)).name if os.WIFSIGNALED(status) else None,
        "cpuSeconds": usage.ru_utime + usage.ru_stime,
        "maxRssKb": usage.ru_maxrss,
        "wallSeconds": time.monotonic() - started,
        "timedOut": timed_out,
    }
    sys.stdout.write(json.dumps(report) + "\n")
    sys.stdout.flush()
`;
