/**
 * Python (part of the zygote, see zygote-source.ts) that installs a seccomp
 * filter in each test process just before the solution starts. The solution
 * has the same user as the zygote inside the sandbox, so without it a test
 * could reach the zygote through the calls that take a pid (lower its
 * limits with prlimit, change its scheduling) and break or slow every later
 * test; and some kernel objects are not emptied between tests or not charged
 * to the memory cgroup (POSIX message queues, keyrings, perf ring buffers,
 * io_uring). So:
 *
 * - calls that act on another process (prlimit64, sched_set*, setpriority,
 *   ioprio_set) are allowed only on the caller itself (pid 0 or its own);
 * - sockets are Unix sockets only (no network exists in the sandbox, and
 *   TCP buffers are memory that cgroup v1 does not hold to the limit);
 * - message queues, keys, perf, io_uring and Linux AIO, userfaultfd, bpf,
 *   ptrace, process_vm_*, sync and becoming dumpable again fail with EPERM
 *   (no contest solution needs them);
 * - another ABI (32-bit calls on x86-64, x32) fails with ENOSYS.
 *
 * Syscall numbers are per architecture: x86-64 and arm64 are known; on
 * others no filter is installed and the zygote says so in its ready line.
 */
export const seccompSource = String.raw`
import struct

ARCHES = {
    # machine: (AUDIT_ARCH, x32 bit to refuse, {name: number})
    "x86_64": (0xC000003E, 0x40000000, dict(
        ptrace=101, setpriority=141, sched_setparam=142, sched_setscheduler=144, sched_setaffinity=203,
        mq_open=240, mq_unlink=241, mq_timedsend=242, mq_timedreceive=243, mq_notify=244, mq_getsetattr=245,
        add_key=248, request_key=249, keyctl=250, ioprio_set=251, perf_event_open=298, prlimit64=302,
        process_vm_readv=310, process_vm_writev=311, sched_setattr=314, bpf=321, userfaultfd=323,
        io_uring_setup=425, io_uring_enter=426, io_uring_register=427, socket=41, socketpair=53,
        io_setup=206, io_destroy=207, io_getevents=208, io_submit=209, io_cancel=210, io_pgetevents=333,
        sync=162, syncfs=306, prctl=157)),
    "aarch64": (0xC00000B7, 0, dict(
        ioprio_set=30, ptrace=117, sched_setparam=118, sched_setscheduler=119, sched_setaffinity=122,
        setpriority=140, mq_open=180, mq_unlink=181, mq_timedsend=182, mq_timedreceive=183, mq_notify=184,
        mq_getsetattr=185, add_key=217, request_key=218, keyctl=219, perf_event_open=241, prlimit64=261,
        process_vm_readv=270, process_vm_writev=271, sched_setattr=274, bpf=280, userfaultfd=282,
        io_uring_setup=425, io_uring_enter=426, io_uring_register=427, socket=198, socketpair=199,
        io_setup=0, io_destroy=1, io_submit=2, io_cancel=3, io_getevents=4, io_pgetevents=292,
        sync=81, syncfs=267, prctl=167)),
}
DENIED = ["mq_open", "mq_unlink", "mq_timedsend", "mq_timedreceive", "mq_notify", "mq_getsetattr",
          "add_key", "request_key", "keyctl", "perf_event_open", "io_uring_setup", "io_uring_enter",
          "io_uring_register", "userfaultfd", "bpf", "ptrace", "process_vm_readv", "process_vm_writev",
          # Linux AIO contexts come from one machine-wide pool (fs.aio-max-nr); sync flushes every disk.
          "io_setup", "io_destroy", "io_getevents", "io_submit", "io_cancel", "io_pgetevents", "sync", "syncfs"]
# (name, argument index, value) combinations refused: becoming dumpable again (a crash could then reach the
# host's core-dump helper, which pipe core patterns run as root, outside every limit).
DENIED_WHEN = [("prctl", 0, 4)]  # PR_SET_DUMPABLE
# Calls that name a process: (name, [(argument index, allowed values)]); SELF stands for the caller's pid.
SELF = object()
ON_SELF_ONLY = [
    ("prlimit64", [(0, [0, SELF])]),
    ("sched_setaffinity", [(0, [0, SELF])]),
    ("sched_setscheduler", [(0, [0, SELF])]),
    ("sched_setparam", [(0, [0, SELF])]),
    ("sched_setattr", [(0, [0, SELF])]),
    ("setpriority", [(0, [0]), (1, [0, SELF])]),   # PRIO_PROCESS only
    ("ioprio_set", [(0, [1]), (1, [0, SELF])]),    # IOPRIO_WHO_PROCESS only
    # Unix sockets only: there is no network anyway, and TCP buffers escape cgroup v1's memory limit.
    ("socket", [(0, [1])]),                         # AF_UNIX
    ("socketpair", [(0, [1])]),
]
SECCOMP_SUPPORTED = os.uname().machine in ARCHES

def seccomp_program(self_pid):
    arch, x32_bit, numbers = ARCHES[os.uname().machine]
    LD, JEQ, JSET, RET = 0x20, 0x15, 0x45, 0x06
    ALLOW, DENY, NOSYS = 0x7FFF0000, 0x00050000 | 1, 0x00050000 | 38
    items = []
    counter = [0]
    def label():
        counter[0] += 1
        return "l%d" % counter[0]
    def load(offset):
        items.append((LD, offset, None, None))
    def jump(code, k, yes=None, no=None):
        items.append((code, k, yes, no))
    load(4)
    jump(JEQ, arch, None, "wrong_abi")
    load(0)
    if x32_bit:
        jump(JSET, x32_bit, "wrong_abi", None)
    for name in DENIED:
        jump(JEQ, numbers[name], "deny", None)
    for name, index, value in DENIED_WHEN:
        after = label()
        jump(JEQ, numbers[name], None, after)
        load(16 + 8 * index)                  # low half: these arguments are C ints
        jump(JEQ, value, "deny", None)
        items.append((RET, ALLOW, None, None))
        items.append(("label", after))
        load(0)
    for name, conditions in ON_SELF_ONLY:
        after = label()
        jump(JEQ, numbers[name], None, after)
        for index, values in conditions:
            fine = label()
            load(16 + 8 * index + 4)          # high half of the 64-bit argument
            jump(JEQ, 0, None, "deny")
            load(16 + 8 * index)              # low half
            for value in values:
                jump(JEQ, self_pid if value is SELF else value, fine, None)
            jump(JEQ, 0, "deny", "deny")
            items.append(("label", fine))
        items.append((RET, ALLOW, None, None))
        items.append(("label", after))
        load(0)
    items += [(RET, ALLOW, None, None), ("label", "deny"), (RET, DENY, None, None), ("label", "wrong_abi"), (RET, NOSYS, None, None)]
    where, code = {}, []
    for item in items:
        if item[0] == "label":
            where[item[1]] = len(code)
        else:
            code.append(item)
    out = b""
    for i, (op, k, yes, no) in enumerate(code):
        jt = where[yes] - i - 1 if yes else 0
        jf = where[no] - i - 1 if no else 0
        assert 0 <= jt < 256 and 0 <= jf < 256
        out += struct.pack("HBBI", op, jt, jf, k & 0xFFFFFFFF)
    return out, len(code)

class SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

def install_seccomp():
    program, count = seccomp_program(os.getpid())
    buffer = ctypes.create_string_buffer(program)
    fprog = SockFprog(count, ctypes.cast(buffer, ctypes.c_void_p))
    if libc.prctl(38, 1, 0, 0, 0) != 0:                       # PR_SET_NO_NEW_PRIVS
        raise OSError(ctypes.get_errno(), "no_new_privs")
    if libc.prctl(22, 2, ctypes.byref(fprog), 0, 0) != 0:     # PR_SET_SECCOMP, SECCOMP_MODE_FILTER
        raise OSError(ctypes.get_errno(), "seccomp filter refused")
`;
