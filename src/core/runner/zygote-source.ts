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
 * A test runs a Python program (runpy), a native one (a compiled solution,
 * written to the box and exec'd) or a system program (the compiler), with
 * arguments, extra files placed in its folder, and files it writes read
 * back (regular files only, capped). An interactive test runs the solution
 * and a Python interactor at once: the zygote relays each one's stdout to
 * the other's stdin and keeps a transcript of both directions. The
 * interactor stays out of the test's cgroups, reads the test's input from
 * a memfd (fd 3), and, like the zygote, is not dumpable: the solution
 * cannot read it.
 *
 * Protocol, host → zygote: a JSON line {program, input, files, interactor
 * (byte counts), kind, args, collect, limits} followed by those bytes in
 * that order; any line sent while a test runs stops it. Zygote → host: a
 * JSON line (the report, with `segments`: the label and byte count of
 * stdout, stderr, each collected file, the interactor's stderr and the
 * transcript) followed by those bytes. First line out: {"ready": true}.
 */
export const zygoteSource = String.raw`
import atexit, ctypes, fcntl, json, os, resource, select, shutil, signal, stat, sys, time
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
        # As contest judges do: the stack may grow to the memory limit (deep recursion in C++, or in Python
        # with a raised recursion limit), still counted in the memory limit.
        (resource.RLIMIT_STACK, request["stackBytes"]),
    ]
    if request["processes"] is not None:
        limits.append((resource.RLIMIT_NPROC, request["processes"]))
    for kind, value in limits:
        resource.setrlimit(kind, (value, value))
    if SECCOMP_SUPPORTED:
        install_seccomp()
    os.write(ready_w, b"ok")
    os.closerange(3, 1 << 20)
    if request["kind"] != "python":
        # A native program (a compiled solution, or the system's compiler) replaces this process.
        path = request["path"] if request["kind"] == "system" else WORK + "/solution"
        try:
            os.execv(path, [os.path.basename(path)] + request["args"])
        except OSError as error:
            os.write(2, ("cannot start %s: %s\n" % (os.path.basename(path), error.strerror)).encode())
            os._exit(127)
    sys.stdin = sys.__stdin__ = open(0, "r", encoding="utf-8", errors="replace", closefd=False)
    sys.stdout = sys.__stdout__ = open(1, "w", encoding="utf-8", closefd=False)
    sys.stderr = sys.__stderr__ = open(2, "w", encoding="utf-8", closefd=False)
    sys.argv = ["solution.py"] + request["args"]
    run_python(lambda: runpy.run_path("solution.py", run_name="__main__"), "solution.py")

def run_python(start, file_name):
    # As CPython ends a program: the code, then its threads, atexit functions, and stdout and stderr flushed.
    code = 0
    try:
        start()
    except SystemExit as exit:
        code = exit_status(exit.code)
    except BaseException:
        print_solution_traceback(file_name)
        code = 1
    try:
        threading = sys.modules.get("threading")
        if threading is not None:
            threading._shutdown()
    except SystemExit as exit:
        code = exit_status(exit.code)
    except BaseException:
        print_solution_traceback(file_name)
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

def print_solution_traceback(file_name):
    # Only the program's own frames: the zygote's (runpy, this file) mean nothing to the user.
    kind, value, tb = sys.exc_info()
    start = tb
    while start is not None and start.tb_frame.f_code.co_filename != file_name:
        start = start.tb_next
    try:
        traceback.print_exception(kind, value, start if start is not None else tb)
    except BaseException:
        pass

def memfd_with(data):
    fd = os.memfd_create("input")
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.lseek(fd, 0, 0)
    return fd

def place(name, data, mode):
    # O_EXCL and O_NOFOLLOW: the folder is new and empty, so nothing can be in the way; if something is, refuse.
    fd = os.open(WORK + "/" + name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)

def collect(name, cap):
    # A file the program was to write: a regular file only (never through a link), at most cap bytes; else None.
    # The folder too is opened without following a link: the test may have put one in its place.
    try:
        folder = os.open(WORK, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
    except OSError:
        return None
    finally:
        os.close(folder)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = bytearray()
        while len(data) <= cap:
            chunk = os.read(fd, min(1 << 20, cap + 1 - len(data)))
            if not chunk:
                break
            data.extend(chunk)
        return None if len(data) > cap else bytes(data)
    except OSError:
        return None
    finally:
        os.close(fd)

def spawn(request, role, stdin_fd, out_w, err_w, ready_w, input_fd=None, code=None):
    pid = os.fork()
    if pid == 0:
        try:
            if role == "interactor":
                interactor_child(request, stdin_fd, out_w, err_w, ready_w, input_fd, code)
            else:
                child(request, stdin_fd, out_w, err_w, ready_w)
        except BaseException as error:
            try:
                os.write(ready_w, ("sandbox: %s" % error).encode())
            finally:
                os._exit(127)
    return pid

def interactor_child(request, stdin_fd, out_w, err_w, ready_w, input_fd, code):
    # The interactor stays out of the test's cgroups (its time and memory are not the solution's) and keeps
    # the zygote's "not dumpable", so the solution, the same user, cannot read its memory or its input.
    os.setsid()
    # Fd 3 becomes the test's input: the report pipe, if it happens to be 3, moves out of the way first.
    ready_w = fcntl.fcntl(ready_w, fcntl.F_DUPFD, 64)
    os.dup2(stdin_fd, 0)
    os.dup2(out_w, 1)
    os.dup2(err_w, 2)
    os.dup2(input_fd, 3)
    os.chdir(BOX + "/tmp")
    for kind, value in ((resource.RLIMIT_CPU, request["cpuSeconds"] * 2 + 1), (resource.RLIMIT_AS, 1024 << 20),
                        (resource.RLIMIT_FSIZE, request["fileBytes"]), (resource.RLIMIT_CORE, 1)):
        resource.setrlimit(kind, (value, value))
    if SECCOMP_SUPPORTED:
        install_seccomp()
    os.write(ready_w, b"ok")
    os.closerange(4, 1 << 20)
    sys.stdin = sys.__stdin__ = open(0, "r", encoding="utf-8", errors="replace", closefd=False)
    sys.stdout = sys.__stdout__ = open(1, "w", encoding="utf-8", closefd=False)
    sys.stderr = sys.__stderr__ = open(2, "w", encoding="utf-8", closefd=False)
    sys.argv = ["interactor.py", "/proc/self/fd/3"]
    program = compile(code, "interactor.py", "exec")
    run_python(lambda: exec(program, {"__name__": "__main__", "__file__": "interactor.py"}), "interactor.py")

class Relay:
    # Bytes from one program's stdout to the other's stdin, through the zygote, which keeps a transcript.
    def __init__(self, source, target, who):
        self.source, self.target, self.who = source, target, who
        self.pending = bytearray()
        self.sent = 0
        self.dropped = 0
        self.source_done = False

def run_test(request, job):
    # The job's bytes are taken out of job and dropped once placed: the test is forked from this process, and
    # where no cgroup counts its memory, its peak starts at this process's resident size.
    os.mkdir(WORK)
    os.mkdir(BOX + "/tmp")
    program = job.pop("program")
    if request["kind"] == "python":
        place("solution.py", program, 0o644)
    elif request["kind"] == "binary":
        place("solution", program, 0o755)
    del program
    files = job.pop("files")
    while files:
        name, content = files.pop()
        place(name, content, 0o644)
    content = None
    input_fd = memfd_with(job.pop("input"))
    interactor = job.pop("interactor")
    cap = request["outputBytes"]
    ready_r, ready_w = os.pipe()
    err_r, err_w = os.pipe()
    outputs = {ready_r: bytearray(), err_r: bytearray()}
    names = {err_r: "stderr"}
    relays = []
    cpu_start = cpu_ns() if CPU_FD is not None else 0
    started = time.monotonic()
    if interactor is None:
        out_r, out_w = os.pipe()
        outputs[out_r] = bytearray()
        names[out_r] = "stdout"
        pid = spawn(request, "solution", input_fd, out_w, err_w, ready_w)
        other = None
        closing = [input_fd, out_w, err_w, ready_w]
        readers = [out_r, err_r, ready_r]
    else:
        to_solution_r, to_solution_w = os.pipe()
        from_solution_r, from_solution_w = os.pipe()
        to_judge_r, to_judge_w = os.pipe()
        from_judge_r, from_judge_w = os.pipe()
        judge_err_r, judge_err_w = os.pipe()
        outputs[judge_err_r] = bytearray()
        pid = spawn(request, "solution", to_solution_r, from_solution_w, err_w, ready_w)
        other = spawn(request, "interactor", to_judge_r, from_judge_w, judge_err_w, ready_w, input_fd, interactor)
        closing = [input_fd, to_solution_r, from_solution_w, err_w, ready_w, to_judge_r, from_judge_w, judge_err_w]
        relays = [Relay(from_solution_r, to_judge_w, "solution"), Relay(from_judge_r, to_solution_w, "interactor")]
        readers = [err_r, ready_r, judge_err_r]
        for relay in relays:
            os.set_blocking(relay.source, False)
            os.set_blocking(relay.target, False)
    for fd in closing:
        os.close(fd)
    transcript = []
    # 64 KB of text, each message counted 32 bytes more: bounded as JSON and in the host's memory however it is cut up.
    transcript_room = [64 * 1024]
    result = {"exceeded": None, "timedOut": False, "stopped": False, "cpuOver": False}
    pidfds = {os.pidfd_open(pid): pid}
    if other is not None:
        pidfds[os.pidfd_open(other)] = other
    for fd in readers:
        os.set_blocking(fd, False)
    open_readers = set(readers)
    deadline = started + request["wallMs"] / 1000
    cpu_limit_ns = request["treeCpuMs"] * 1000000 if CPU_FD is not None else None
    statuses = {}
    listening = True

    def stop(reason=None):
        if reason:
            result[reason] = True
        for target in (pid, other):
            if target is not None:
                try:
                    os.killpg(target, signal.SIGKILL)
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

    def note(who, data):
        if transcript_room[0] <= 0:
            return
        if not (transcript and transcript[-1][0] == who):
            transcript_room[0] -= 32
            transcript.append((who, bytearray()))
        piece = data[:max(0, transcript_room[0])]
        transcript_room[0] -= len(piece)
        transcript[-1][1].extend(piece)

    def pump(relay):
        # Moves what the source has to the target's pending bytes, then as much as the target takes. At most cap
        # bytes wait (as much as a side may send before the other reads: queries written all at once are fine);
        # beyond that the source is not read, its pipe fills and its writer waits, so memory stays bounded however
        # much either side writes. Only the solution's total is capped (its output limit, OLE); the interactor's
        # is bounded by the time limit, except what it writes to a solution that has gone (see below).
        while not relay.source_done and len(relay.pending) < cap:
            try:
                data = os.read(relay.source, 65536)
            except BlockingIOError:
                break
            if not data:
                relay.source_done = True
                break
            relay.sent += len(data)
            if relay.who == "solution" and relay.sent > cap and result["exceeded"] is None:
                result["exceeded"] = "stdout"
                stop()
                return
            note(relay.who, data)
            if relay.target is not None:
                relay.pending.extend(data)
        while relay.pending and relay.target is not None:
            try:
                written = os.write(relay.target, relay.pending)
            except BlockingIOError:
                break
            except OSError:
                # The reader is gone: what it did not read is dropped (still in the transcript). An interactor that
                # goes on writing to a solution that has gone would run to the time limit and read as the
                # solution's TLE: past the output cap of such writes it is stopped (the interactor's failure, WA).
                relay.dropped += len(relay.pending)
                relay.pending.clear()
                if relay.who == "interactor" and relay.dropped > cap and result["exceeded"] is None:
                    result["exceeded"] = "interactor"
                    stop()
                break
            del relay.pending[:written]
        if relay.source_done and not relay.pending and relay.target is not None:
            os.close(relay.target)
            relay.target = None

    while len(statuses) < len(pidfds):
        now = time.monotonic()
        if now >= deadline and not result["timedOut"]:
            stop("timedOut")
        wait = 0.1 if result["timedOut"] else max(0.0, deadline - now)
        if cpu_limit_ns is not None:
            wait = min(wait, 0.01)
        poller = select.poll()
        for fd in open_readers:
            poller.register(fd, select.POLLIN)
        for fd, target in pidfds.items():
            if target not in statuses:
                poller.register(fd, select.POLLIN)
        if listening:
            poller.register(0, select.POLLIN)
        for relay in relays:
            if not relay.source_done and len(relay.pending) < cap:
                poller.register(relay.source, select.POLLIN)
            if relay.pending and relay.target is not None:
                poller.register(relay.target, select.POLLOUT)
        for fd, _ in poller.poll(wait * 1000):
            if fd in pidfds:
                reap()
            elif fd == 0:
                listening = False
                os.read(0, 65536)
                stop("stopped")
            elif fd in open_readers:
                if not drain(fd):
                    open_readers.discard(fd)
        for relay in relays:
            pump(relay)
        if cpu_limit_ns is not None and pid not in statuses and not result["cpuOver"] and cpu_ns() - cpu_start > cpu_limit_ns:
            stop("cpuOver")
        for target in (pid, other):
            if target is not None and target in REAPED:
                statuses[target] = REAPED.pop(target)
    wall = time.monotonic() - started
    all_killed = kill_others()
    REAPED.clear()
    # Every writer is gone now, so what is left in the pipes can be read to their end; the cap still holds.
    if all_killed:
        for fd in readers:
            drain(fd)
        for relay in relays:
            pump(relay)
    for relay in relays:
        for fd in (relay.source, relay.target):
            if fd is not None:
                os.close(fd)
    for fd in list(readers) + list(pidfds):
        os.close(fd)
    collected = [(name, collect(name, request["collectBytes"])) for name in request["collect"]]
    tainted = taint_reason(all_killed)
    ready = bytes(outputs[ready_r])
    status, usage = statuses[pid]
    segments = [("stdout", b"".join(bytes(p) for w, p in transcript if w == "solution") if other is not None else bytes(outputs[out_r])),
                ("stderr", bytes(outputs[err_r]))]
    for name, content in collected:
        if content is not None:
            segments.append(("file:" + name, content))
    report = {
        "setupError": None if ready == b"ok" * len(pidfds) else (ready.replace(b"ok", b"").decode("utf-8", "replace") or "the test process ended before it started"),
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
    }
    if other is not None:
        judge_status, judge_usage = statuses[other]
        report["interactor"] = {
            "exitCode": os.WEXITSTATUS(judge_status) if os.WIFEXITED(judge_status) else None,
            "signal": signal_name(os.WTERMSIG(judge_status)) if os.WIFSIGNALED(judge_status) else None,
            "cpuSeconds": judge_usage.ru_utime + judge_usage.ru_stime,
            "transcriptCut": transcript_room[0] <= 0,
        }
        segments.append(("interactor-stderr", bytes(outputs[judge_err_r])))
        segments.append(("transcript", json.dumps([[who, piece.decode("utf-8", "replace")] for who, piece in transcript]).encode()))
    report["segments"] = [[label, len(content)] for label, content in segments]
    send(report, *[content for _, content in segments])
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
    if not pending:
        # A large program or input read: give its room back rather than keep it under the next fork.
        pending.clear()
    return data

for folder in SCRATCH:
    remove_all(folder)
send({"ready": True, "seccomp": SECCOMP_SUPPORTED})
while True:
    line = read_line()
    if line.strip() in (b"", b"stop"):
        continue
    request = json.loads(line)
    job = {"program": read_exact(request["program"]), "input": read_exact(request["input"])}
    job["files"] = [(name, read_exact(size)) for name, size in request["files"]]
    job["interactor"] = None if request["interactor"] is None else read_exact(request["interactor"])
    try:
        clean = run_test(request, job)
        job = None
    except BaseException:
        # The host sees the pipe close without a report, and runs the test again in a new sandbox.
        traceback.print_exc()
        sys.exit(1)
    if not clean:
        sys.exit(0)
`;
