/**
 * The Python program that starts a solution inside the sandbox: it sets the
 * resource limits on a child, runs the solution there with `python -I`, waits
 * for it, and reports exit status, CPU time and peak memory on fd 3. Kept as
 * a string so it is written next to every run and needs no file lookup in a
 * packaged app.
 */
export const bootstrapSource = String.raw`
import json, os, resource, signal, sys

limits = json.loads(sys.argv[1])
solution, python = sys.argv[2], sys.argv[3]
os.set_inheritable(3, False)

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
        limit(resource.RLIMIT_CORE, 0)
        os.execv(python, [python, "-I", solution])
    except BaseException as error:
        os.write(2, ("sandbox: %s\n" % error).encode())
        os._exit(127)

_, status, usage = os.wait4(pid, 0)
report = {
    "exitCode": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
    "signal": signal.Signals(os.WTERMSIG(status)).name if os.WIFSIGNALED(status) else None,
    "cpuSeconds": usage.ru_utime + usage.ru_stime,
    "maxRssKb": usage.ru_maxrss,
}
os.write(3, json.dumps(report).encode())
`;
