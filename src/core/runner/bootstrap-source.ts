/**
 * The Python program that starts a solution where there are no namespaces: it sets the
 * resource limits on a child, runs the program there (`python -I solution.py`, a compiled
 * program, or the compiler), waits
 * for it, and reports exit status, CPU time and peak memory on fd 3. Kept as
 * a string so it is written next to every run and needs no file lookup in a
 * packaged app.
 *
 * On Linux it is the subreaper of everything the solution starts, so that a
 * process that detaches itself (double fork, setsid) still comes back to it
 * and is killed before the report goes out: nothing of a test outlives it,
 * and the host removes the test's folder only once nothing can change it. It
 * is not dumpable, so the solution (the same user) cannot ptrace it to forge
 * the report.
 */
export const bootstrapSource = String.raw`
import json, os, resource, signal, sys, time

limits = json.loads(sys.argv[1])
# The command line of the run: Python and the solution, or a compiled program, or the compiler.
argv = json.loads(sys.argv[2])
os.set_inheritable(3, False)

try:
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    LINUX = sys.platform.startswith("linux")
    if LINUX:
        parent = os.getppid()
        libc.prctl(1, 9, 0, 0, 0)    # PR_SET_PDEATHSIG SIGKILL: the run ends with the app
        if os.getppid() != parent:
            os._exit(125)
        libc.prctl(36, 1, 0, 0, 0)   # PR_SET_CHILD_SUBREAPER
        libc.prctl(4, 0, 0, 0, 0)    # PR_SET_DUMPABLE 0
except (OSError, AttributeError):
    LINUX = False

def children():
    try:
        with open("/proc/self/task/%d/children" % os.getpid()) as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []

def kill_descendants():
    # Orphans come back to a subreaper: kill the children, reap, and again, until none is left.
    for _ in range(500):
        pids = children()
        if not pids:
            return
        for p in pids:
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
        while True:
            try:
                if os.waitpid(-1, os.WNOHANG)[0] == 0:
                    break
            except ChildProcessError:
                break
        time.sleep(0.001)

def limit(kind, value):
    try:
        resource.setrlimit(kind, (value, value))
    except (ValueError, OSError) as error:
        os.write(2, ("sandbox: cannot set limit %s: %s\n" % (kind, error)).encode())

pid = os.fork()
if pid == 0:
    try:
        os.close(3)
        limit(resource.RLIMIT_CPU, limits["cpuSeconds"])
        limit(resource.RLIMIT_AS, limits["memoryBytes"])
        limit(resource.RLIMIT_NPROC, limits["processes"])
        limit(resource.RLIMIT_FSIZE, limits["fileBytes"])
        limit(resource.RLIMIT_STACK, limits["memoryBytes"])  # deep recursion, as contest judges allow
        if LINUX:
            libc.prctl(1, 9, 0, 0, 0)  # the solution ends with its bootstrap (kept across exec)
        # 1, not 0: the kernel treats a limit of 1 as "no core at all", pipe core patterns included.
        limit(resource.RLIMIT_CORE, 1)
        os.execv(argv[0], argv)
    except BaseException as error:
        os.write(2, ("sandbox: %s\n" % error).encode())
        os._exit(127)

def signal_name(number):
    try:
        return signal.Signals(number).name
    except ValueError:
        return "signal %d" % number

_, status, usage = os.wait4(pid, 0)
if LINUX:
    kill_descendants()
report = {
    "exitCode": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
    "signal": signal_name(os.WTERMSIG(status)) if os.WIFSIGNALED(status) else None,
    "cpuSeconds": usage.ru_utime + usage.ru_stime,
    "maxRssKb": usage.ru_maxrss,
}
os.write(3, json.dumps(report).encode())
`;
