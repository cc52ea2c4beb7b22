import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Containment } from '../../shared/judging';

const run = promisify(execFile);

export interface Sandbox {
  /** Command words placed before `python bootstrap.py …`, inside the work directory. */
  wrap(command: string[], paths: { work: string; hide: string[]; keep: string[] }): string[];
  containment: Containment;
  /** True when runs happen as the unprivileged user (work files must be world-readable). */
  dropsPrivileges: boolean;
}

/**
 * Shell run inside the new namespaces: hide the given folders behind empty
 * private tmpfs mounts (home, app data, /tmp …), but first park the folders
 * that must stay reachable (the run's work folder, Python's installation) on
 * a private tmpfs at /mnt and bind them back at their own paths afterwards.
 */
const namespaceInit = String.raw`
set -e
work="$1"; shift
mount -t tmpfs -o size=1m tmpfs /mnt
n=0
while [ "$1" != "--hide" ]; do
  mkdir -p "/mnt/k$n"; mount --rbind "$1" "/mnt/k$n"; printf '%s' "$1" > "/mnt/k$n.path"
  n=$((n+1)); shift
done
shift
while [ "$1" != "--" ]; do
  if [ -d "$1" ]; then mount -t tmpfs -o size=64m,mode=1777 tmpfs "$1"; fi
  shift
done
shift
i=0
while [ "$i" -lt "$n" ]; do
  dir=$(cat "/mnt/k$i.path"); mkdir -p "$dir"; mount --rbind "/mnt/k$i" "$dir"; i=$((i+1))
done
cd "$work"
# Give up every capability before running anything of the solution's, so it cannot undo the
# mounts above (it is root inside the namespace, but a root without capabilities).
exec setpriv --securebits=+noroot,+noroot_locked,+no_setuid_fixup,+no_setuid_fixup_locked --bounding-set=-all --inh-caps=-all --no-new-privs -- "$@"
`;

const unprivileged = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', '--bounding-set=-all', '--no-new-privs', '--'];
const namespaces = ['unshare', '--user', '--map-root-user', '--net', '--mount', '--pid', '--fork', '--mount-proc', '--kill-child', '--propagation', 'private'];

let detected: Promise<Sandbox> | null = null;

/**
 * Works out, by trying, what containment this machine offers: on Linux, user +
 * network + mount + PID namespaces (`unshare`), and when the app runs as root
 * an unprivileged user (`setpriv`) so process limits bind. Elsewhere, resource
 * limits only, and the report says so.
 */
export function detectSandbox(): Promise<Sandbox> {
  detected ??= probe();
  return detected;
}

async function probe(): Promise<Sandbox> {
  const root = process.getuid?.() === 0;
  const base: Containment = { time: true, memory: true, processes: !root, network: false, filesystem: false, unprivilegedUser: false, notes: [] };
  if (process.platform === 'linux') {
    const prefix = [...(root ? unprivileged : []), ...namespaces];
    try {
      await run(prefix[0] ?? 'unshare', [...prefix.slice(1), 'sh', '-c', 'mount -t tmpfs tmpfs /mnt && true'], { timeout: 10_000 });
      return {
        dropsPrivileges: root,
        containment: { ...base, processes: true, network: true, filesystem: true, unprivilegedUser: root, notes: ['Linux namespaces: no network, home and app data hidden, own process tree.'] },
        wrap: (command, paths) => [...prefix, 'sh', '-c', namespaceInit, 'sandbox-init', paths.work, ...paths.keep, '--hide', ...paths.hide, '--', ...command],
      };
    } catch {
      base.notes.push('Linux namespaces are not available here (unshare failed): network and file isolation are off.');
    }
  } else if (process.platform === 'darwin') {
    // macOS: Seatbelt (sandbox-exec) with a profile that denies all network access.
    const profile = '(version 1)(allow default)(deny network*)';
    try {
      await run('sandbox-exec', ['-p', profile, '/usr/bin/true'], { timeout: 10_000 });
      return {
        dropsPrivileges: false,
        containment: { ...base, network: true, notes: ['macOS sandbox-exec: no network. File isolation is off: the solution can read your files.'] },
        wrap: (command) => ['sandbox-exec', '-p', profile, ...command],
      };
    } catch {
      base.notes.push('sandbox-exec is not available: network and file isolation are off.');
    }
  } else {
    base.notes.push(`Network and file isolation are not implemented on ${process.platform}: they are off.`);
  }
  if (root) base.notes.push('The app runs as root and could not switch to an unprivileged user: process limits do not bind.');
  return { dropsPrivileges: false, containment: base, wrap: (command) => command };
}
