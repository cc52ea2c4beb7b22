import { seccompSource } from './seccomp-source';

/**
 * The warm Python process inside one sandbox (PID 1 of its PID namespace,
 * without capabilities, not dumpable). It saves an interpreter start per
 * test: for each request it forks, and the child joins the test's cgroups,
 * sets the per-process limits and runs the solution with runpy.
 *
 * Nothing is shared with the host through files: the program and the input
 * arrive on stdin, the input becomes an anonymous memfd, stdout and stderr
 * come back through pipes read here with a byte cap, and the report with
 * both outputs goes to the host on stdout. Every test gets a fresh, empty
 * /box (a size-capped tmpfs): after each test every other process in the
 * namespace is killed, /box and /dev/shm are emptied and checked, and if
 * anything a test could change persists (a file that would not go, SysV IPC
 * objects, a lowered rlimit, nice or CPU affinity of this process set from
 * inside) the report says `tainted` and this sandbox ends; the host starts a
 * fresh one for the next test.
 *
 * Protocol, host → zygote: a JSON line {program, input (byte counts), limits}
 * followed by the program's and the input's bytes; any line sent while a
 * test runs stops it. Zygote → host: a JSON line (the report, with the byte
 * counts of stdout and stderr) followed by those bytes. First line out:
 * {"ready": true}.
 */
export const zygoteSource = String.raw`
import atexit, ctypes, json, os, resource, select, shutil, signal, stat, sys, time
import runpy, traceback

config = json.loads(sys.argv[1])
ENTER = config["enter"]
CPU_FD = config["cpu"]
SCRATCH = config["scratch"]
WORK = config["work"]
BOX = SCRATCH[0]

def send(obj, *payloads):
    data = (json.dumps(obj) + "\n").encode() + b"".join(payloads)
    view = memoryview(data)
    while view:
        view = view[os.write(1, view):]

if os.getpid() != 1:
    # Killing "every other process" is only safe inside our own PID namespace.
    send({"ready": False, "error": "the zygote must be PID 1 of its own PID namespace"})
    sys.exit(1)

libc = ctypes.CDLL(None, use_errno=True)
# Not dumpable: a solution (same user) can neither ptrace this process nor open its /proc files or descriptors.
libc.prctl(4, 0, 0, 0, 0)
RLIMITS = [getattr(resource, n) for n in dir(resource) if n.startswith("RLIMIT_")]
` + seccompSource + String.raw`
def proc_self(name):
    try:
        with open("/proc/self/" + name) as f:
            return f.read()
    except OSError:
        return None

def fingerprint():
    # Everything of this process that a test could change and later tests would inherit.
    return ([resource.getrlimit(r) for r in RLIMITS], os.getpriority(os.PRIO_PROCESS, 0), sorted(os.sched_getaffinity(0)),
            os.sched_getscheduler(0), proc_self("oom_score_adj"), proc_self("autogroup"), proc_self("coredump_filter"))

START = fingerprint()
# PID 1 of a namespace gets no signal from inside it unless it handles that signal, and Python handles
# only SIGINT: ignored here, so a test cannot interrupt the zygote (each test gets the usual handler back).
signal.signal(signal.SIGINT, signal.SIG_IGN)

def signal_name(number):
    try:
        return signal.Signals(number).name
    except ValueError:
        pass
    if signal.SIGRTMIN <= number <= signal.SIGRTMAX:
        return "SIGRTMIN+%d" % (number - signal.SIGRTMIN)
    return "signal %d" % number

def cpu_ns():
    text = os.pread(CPU_FD, 4096, 0).decode()
    if text.startswith("usage_usec"):
        return int(text.split()[1]) * 1000
    return int(text.strip() or 0)

def kill_others():
    me = os.getpid()
    for _ in range(200):
        found = False
        for name in os.listdir("/proc"):
            if name.isdigit() and int(name) != me:
                found = True
                try:
                    os.kill(int(name), signal.SIGKILL)
                except OSError:
                    pass
        reap()
        if not found:
            return True
        time.sleep(0.001)
    return False

# Exit statuses of children reaped while killing, so the test's own status is never lost.
REAPED = {}

def reap():
    while True:
        try:
            pid, status, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        REAPED[pid] = (status, usage)

def remove_all(folder):
    # The test's files belong to the same user as this process, so any mode it set can be undone.
    def retry(function, path, _error):
        try:
            os.chmod(os.path.dirname(path), 0o700)
            if os.path.isdir(path) and not os.path.islink(path):
                os.chmod(path, 0o700)
                shutil.rmtree(path, onerror=retry)
            else:
                function(path)
        except OSError:
            pass
    try:
        os.chmod(folder, 0o755)
    except OSError:
        pass
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, onerror=retry)
        else:
            try:
                os.unlink(path)
            except OSError:
                pass

def ipc_objects():
    count = 0
    for kind in ("shm", "sem", "msg"):
        try:
            with open("/proc/sysvipc/" + kind) as table:
                count += max(0, len(table.read().strip().splitlines()) - 1)
        except OSError:
            pass
    return count

def taint_reason(all_killed):
    # Whatever goes wrong while checking (a folder nested too deep to remove, an odd error) ends this sandbox.
    try:
        return check_clean(all_killed)
    except BaseException as error:
        return "cleaning up failed: %s: %s" % (type(error).__name__, error)

def check_clean(all_killed):
    if not all_killed:
        return "a process of the test could not be killed"
    for folder in SCRATCH:
        try:
            remove_all(folder)
            if os.listdir(folder):
                return "files the test left in %s could not be removed" % folder
            # The folder itself carries nothing over either: no extended attributes, ACLs or times of the test's.
            for name in os.listxattr(folder):
                os.removexattr(folder, name)
            os.chmod(folder, 0o755)
            os.utime(folder, (0, 0))
        except OSError as error:
            return "cannot empty %s: %s" % (folder, error)
    if ipc_objects():
        return "the test left System V IPC objects"
    if fingerprint() != START:
        return "the test changed the sandbox's own limits, scheduling, priority or CPU affinity"
    return None

def child(request, input_fd, out_w, err_w, ready_w):
    # Everything that can fail happens before "ok" goes to the zygote, so a failure is the sandbox's, not the solution's.
    os.setsid()
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for fd in ENTER:
        os.write(fd, b"0")
    os.dup2(input_fd, 0)
    os.dup2(out_w, 1)
    os.dup2(err_w, 2)
    os.chdir(WORK)
    limits = [
        (resource.RLIMIT_CPU, request["cpuSeconds"]),
        (resource.RLIMIT_AS, request["addressBytes"]),
        (resource.RLIMIT_FSIZE, request["fileBytes"]),
        # 1, not 0: the kernel treats a limit of 1 as "no core at all", pipe core patterns included.
        (resource.RLIMIT_CORE, 1),
    ]
    if request["processes"] is not None:
        limits.append((resource.RLIMIT_NPROC, request["processes"]))
    for kind, value in limits:
        resource.setrlimit(kind, (value, value))
    if SECCOMP_SUPPORTED:
        install_seccomp()
    os.write(ready_w, b"ok")
    os.closerange(3, 1 << 20)
    sys.stdin = sys.__stdin__ = open(0, "r", encoding="utf-8", errors="replace", closefd=False)
    sys.stdout = sys.__stdout__ = open(1, "w", encoding="utf-8", closefd=False)
    sys.stderr = sys.__stderr__ = open(2, "w", encoding="utf-8", closefd=False)
    sys.argv = ["solution.py"]
    code = 0
    try:
        runpy.run_path("solution.py", run_name="__main__")
    except SystemExit as exit:
        code = exit_status(exit.code)
    except BaseException:
        print_solution_traceback()
        code = 1
    # What CPython does when a program ends: wait for its threads, run atexit functions, flush stdout and stderr.
    try:
        threading = sys.modules.get("threading")
        if threading is not None:
            threading._shutdown()
    except SystemExit as exit:
        code = exit_status(exit.code)
    except BaseException:
        print_solution_traceback()
        code = code or 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except BaseException:
            code = code or 120
    os._exit(code)

def exit_status(code):
    # As CPython: None is 0, an int is its low byte (255 when it does not fit a C long), anything else is printed and 1.
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF if -(1 << 63) <= code < (1 << 63) else 255
    try:
        print(code, file=sys.stderr)
    except BaseException:
        pass
    return 1

def print_solution_traceback():
    # Only the solution's frames: the zygote's own (runpy, this file) mean nothing to the user.
    kind, value, tb = sys.exc_info()
    start = tb
    while start is not None and start.tb_frame.f_code.co_filename != "solution.py":
        start = start.tb_next
    try:
        traceback.print_exception(kind, value, start if start is not None else tb)
    except BaseException:
        pass

def run_test(request, program, data):
    os.mkdir(WORK)
    os.mkdir(BOX + "/tmp")
    with open(WORK + "/solution.py", "wb") as source:
        source.write(program)
    input_fd = os.memfd_create("input")
    view = memoryview(data)
    while view:
        view = view[os.write(input_fd, view):]
    os.lseek(input_fd, 0, 0)
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    ready_r, ready_w = os.pipe()
    cpu_start = cpu_ns() if CPU_FD is not None else 0
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            child(request, input_fd, out_w, err_w, ready_w)
        except BaseException as error:
            try:
                os.write(ready_w, ("sandbox: %s" % error).encode())
            finally:
                os._exit(127)
    for fd in (input_fd, out_w, err_w, ready_w):
        os.close(fd)
    cap = request["outputBytes"]
    outputs = {out_r: bytearray(), err_r: bytearray(), ready_r: bytearray()}
    names = {out_r: "stdout", err_r: "stderr"}
    result = {"exceeded": None, "timedOut": False, "stopped": False, "cpuOver": False}
    pidfd = os.pidfd_open(pid)
    poller = select.poll()
    for fd in (out_r, err_r, ready_r):
        os.set_blocking(fd, False)
    for fd in (out_r, err_r, ready_r, pidfd, 0):
        poller.register(fd, select.POLLIN)
    deadline = started + request["wallMs"] / 1000
    cpu_limit_ns = request["treeCpuMs"] * 1000000 if CPU_FD is not None else None
    status = usage = None

    def stop(reason=None):
        if reason:
            result[reason] = True
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass
        kill_others()

    def drain(fd):
        # Reads what is there (never blocks: the pipes are non-blocking); returns False at the end of the pipe.
        while True:
            try:
                data = os.read(fd, 65536)
            except BlockingIOError:
                return True
            if not data:
                return False
            buffer = outputs[fd]
            room = cap - len(buffer)
            buffer.extend(data[:room])
            if len(data) > room and fd in names and result["exceeded"] is None:
                result["exceeded"] = names[fd]
                stop()

    while status is None:
        now = time.monotonic()
        if now >= deadline and not result["timedOut"]:
            stop("timedOut")
        wait = 0.1 if result["timedOut"] else max(0.0, deadline - now)
        if cpu_limit_ns is not None:
            wait = min(wait, 0.01)
        for fd, _ in poller.poll(wait * 1000):
            if fd == pidfd:
                poller.unregister(pidfd)
                reap()
            elif fd == 0:
                poller.unregister(0)
                os.read(0, 65536)
                stop("stopped")
            elif not drain(fd):
                poller.unregister(fd)
        if cpu_limit_ns is not None and pid not in REAPED and not result["cpuOver"] and cpu_ns() - cpu_start > cpu_limit_ns:
            stop("cpuOver")
        if pid in REAPED:
            status, usage = REAPED.pop(pid)
    wall = time.monotonic() - started
    all_killed = kill_others()
    REAPED.clear()
    # Every writer is gone now, so what is left in the pipes can be read to their end; the cap still holds.
    if all_killed:
        for fd in (out_r, err_r, ready_r):
            drain(fd)
    for fd in (out_r, err_r, ready_r, pidfd):
        os.close(fd)
    tainted = taint_reason(all_killed)
    ready = bytes(outputs[ready_r])
    report = {
        "setupError": None if ready == b"ok" else (ready.decode("utf-8", "replace") or "the test process ended before it started"),
        "exitCode": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": signal_name(os.WTERMSIG(status)) if os.WIFSIGNALED(status) else None,
        "cpuSeconds": usage.ru_utime + usage.ru_stime,
        "maxRssKb": usage.ru_maxrss,
        "wallSeconds": wall,
        "timedOut": result["timedOut"],
        "cpuOver": result["cpuOver"],
        "stopped": result["stopped"],
        "outputExceeded": result["exceeded"],
        "tainted": tainted,
        "stdout": len(outputs[out_r]),
        "stderr": len(outputs[err_r]),
    }
    send(report, bytes(outputs[out_r]), bytes(outputs[err_r]))
    return tainted is None

pending = bytearray()

def read_line():
    while b"\n" not in pending:
        data = os.read(0, 65536)
        if not data:
            sys.exit(0)
        pending.extend(data)
    line, _, rest = bytes(pending).partition(b"\n")
    pending[:] = rest
    return line

def read_exact(count):
    while len(pending) < count:
        data = os.read(0, max(65536, count - len(pending)))
        if not data:
            sys.exit(0)
        pending.extend(data)
    data = bytes(pending[:count])
    del pending[:count]
    return data

for folder in SCRATCH:
    remove_all(folder)
send({"ready": True, "seccomp": SECCOMP_SUPPORTED})
while True:
    line = read_line()
    if line.strip() in (b"", b"stop"):
        continue
    request = json.loads(line)
    program = read_exact(request["program"])
    data = read_exact(request["input"])
    try:
        clean = run_test(request, program, data)
    except BaseException:
        # The host sees the pipe close without a report, and runs the test again in a new sandbox.
        traceback.print_exc()
        sys.exit(1)
    if not clean:
        sys.exit(0)
`;
