import type { MountPlan, MountStep } from './mount-plan';
import { parentsOf } from './mount-plan';

/**
 * The two ways of building the sandbox of a MountPlan on Linux. Both give the
 * command new user, mount, PID, network, IPC, UTS and cgroup namespaces, make
 * it PID 1 of its PID namespace (so nothing it starts outlives it, and nothing
 * inside can signal it), kill it when the app dies, forbid nested user
 * namespaces and leave it without capabilities.
 *
 * - bubblewrap (Flatpak's sandbox, packaged by every distribution): preferred,
 *   because its mount set-up is small, audited C with years of hostile input.
 * - `unshare` + a shell script (util-linux, present everywhere): the fallback
 *   when bwrap is missing; it builds the same tree by hand and pivots into it.
 */
export interface Launcher {
  name: 'bubblewrap' | 'unshare';
  command(plan: MountPlan, inner: string[]): string[];
}

export const bubblewrap: Launcher = {
  name: 'bubblewrap',
  command(plan, inner) {
    const args = ['bwrap', '--unshare-all', '--unshare-user', '--disable-userns', '--as-pid-1', '--die-with-parent', '--new-session', '--hostname', 'sandbox', '--cap-drop', 'ALL'];
    for (const step of plan.steps) args.push(...bwrapStep(step));
    args.push('--chdir', '/', '--', ...inner);
    return args;
  },
};

function bwrapStep(step: MountStep): string[] {
  switch (step.kind) {
    case 'ro-bind':
      return ['--ro-bind', step.source, step.path];
    case 'symlink':
      return ['--symlink', step.target, step.path];
    case 'tmpfs':
      return ['--size', String(step.sizeBytes), '--perms', '0755', '--tmpfs', step.path];
    case 'proc':
      // Read-only sysctls: the IPC and PID namespaces' ones would otherwise be writable, and last across tests.
      return ['--proc', step.path, '--ro-bind', `${step.path}/sys`, `${step.path}/sys`];
    case 'dev':
      return ['--dev', step.path];
    case 'remount-ro':
      return ['--remount-ro', step.path];
  }
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const devices = ['null', 'zero', 'full', 'random', 'urandom'];

/** The shell lines that build one step under the new root "$R". */
function shellStep(step: MountStep): string[] {
  const at = (p: string) => `"$R"${q(p)}`;
  const parents = parentsOf(step.path).map((p) => `mkdir -p ${at(p)}`);
  switch (step.kind) {
    case 'ro-bind':
      return [
        ...parents,
        `if [ -d ${q(step.source)} ]; then mkdir -p ${at(step.path)}; else touch ${at(step.path)}; fi`,
        `mount --bind ${q(step.source)} ${at(step.path)}`,
        `mount -o remount,bind,ro,nosuid,nodev ${at(step.path)}`,
      ];
    case 'symlink':
      return [...parents, `ln -s ${q(step.target)} ${at(step.path)}`];
    case 'tmpfs':
      return [...parents, `mkdir -p ${at(step.path)}`, `mount -t tmpfs -o size=${step.sizeBytes},mode=0755,nosuid,nodev tmpfs ${at(step.path)}`];
    case 'proc':
      return [
        `mkdir -p ${at(step.path)}`,
        `mount -t proc -o nosuid,nodev,noexec proc ${at(step.path)}`,
        // No nested user namespaces (a solution must not regain capabilities anywhere), set while the
        // sysctls are still writable; older kernels lack the knob.
        `echo 0 > ${at(`${step.path}/sys/user/max_user_namespaces`)} 2>/dev/null || true`,
        `mount --bind ${at(`${step.path}/sys`)} ${at(`${step.path}/sys`)}`,
        `mount -o remount,bind,ro,nosuid,nodev,noexec ${at(`${step.path}/sys`)}`,
      ];
    case 'dev':
      return [
        `mkdir -p ${at(step.path)}`,
        `mount -t tmpfs -o size=65536,mode=0755,nosuid tmpfs ${at(step.path)}`,
        ...devices.flatMap((d) => [`touch ${at(`${step.path}/${d}`)}`, `mount --bind /dev/${d} ${at(`${step.path}/${d}`)}`]),
        ...['stdin', 'stdout', 'stderr'].map((name, fd) => `ln -s /proc/self/fd/${fd} ${at(`${step.path}/${name}`)}`),
        `ln -s /proc/self/fd ${at(`${step.path}/fd`)}`,
      ];
    case 'remount-ro':
      // The new root itself is made read-only just before pivoting into it (below).
      return step.path === '/' ? [] : [`mount -o remount,bind,ro,nosuid ${at(step.path)}`];
  }
}

/** Builds the tree on a tmpfs over /tmp (private to this mount namespace), pivots into it, then drops every capability. */
function initScript(plan: MountPlan): string {
  return [
    'set -eu',
    'R=/tmp',
    'mount -t tmpfs -o size=1048576,mode=0755,nosuid,nodev tmpfs "$R"',
    ...plan.steps.flatMap(shellStep),
    'mkdir "$R/.old"',
    'cd "$R"',
    // pivot_root lives in sbin, which the sandbox's PATH leaves out.
    'PATH=/usr/sbin:/sbin:$PATH pivot_root . .old',
    'umount -l /.old',
    'rmdir /.old',
    'cd /',
    'mount -o remount,bind,ro,nosuid,nodev /',
    'exec setpriv --securebits=+noroot,+noroot_locked,+no_setuid_fixup,+no_setuid_fixup_locked --bounding-set=-all --inh-caps=-all --no-new-privs -- "$@"',
  ].join('\n');
}

export const unshareLauncher: Launcher = {
  name: 'unshare',
  command(plan, inner) {
    return [
      'setpriv',
      '--pdeathsig',
      'KILL',
      '--',
      'unshare',
      '--user',
      '--map-root-user',
      '--net',
      '--mount',
      '--pid',
      '--ipc',
      '--uts',
      '--cgroup',
      '--fork',
      '--kill-child',
      '--propagation',
      'private',
      '--',
      'sh',
      '-c',
      initScript(plan),
      'sandbox-init',
      ...inner,
    ];
  },
};

/** When the app runs as root: drop to `nobody` first, so the sandbox is an unprivileged user namespace and nothing inside is root on the host. */
export const asNobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', '--bounding-set=-all', '--no-new-privs', '--'];
