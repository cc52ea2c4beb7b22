import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Containment } from '../../../shared/judging';
import { cleanEnv } from './clean-env';
import { findCgroupPlaces, removeStaleBoxes, type CgroupPlace } from './cgroup-places';
import { asNobody, bubblewrap, unshareLauncher, type Launcher } from './launchers';
import { asUid, FallbackUids, killAllOf } from './fallback-uids';
import { sandboxSlots } from '../sandbox-slots';
import { boxBytes, mountPlan, type MountPlan } from './mount-plan';

const run = promisify(execFile);

export interface Sandbox {
  /** How Linux namespaces are built here, or null (no file or network isolation). */
  launcher: Launcher | null;
  /** The app runs as root: solutions run as another user (nobody, or a uid of their own without namespaces). */
  dropsToNobody: boolean;
  /** Without namespaces, as root: a uid per run, killed whole after it (null otherwise). */
  fallbackUids: FallbackUids | null;
  /** Where per-test cgroups can be made (empty: limits per process). */
  cgroups: CgroupPlace[];
  containment: Containment;
  /** The command line of a sandbox around `inner` (namespaces only). */
  sessionCommand(plan: MountPlan, inner: string[]): string[];
  /** Words placed before a run without namespaces (macOS: sandbox-exec; as root: the run's own uid), else none. */
  wrap(command: string[], uid?: number): string[];
}

export type SandboxChoice = 'auto' | 'bubblewrap' | 'unshare' | 'none';

const probes = new Map<string, Promise<Sandbox>>();
const retryFailedProbeMs = 60_000;

/**
 * Works out, by trying, what containment this machine offers, once per
 * process. `VIBE_SANDBOX` (bubblewrap, unshare, none) forces one way, and
 * `VIBE_CGROUPS=off` leaves cgroups out: for troubleshooting, for the tests
 * that hold each way to the same attacks, and for measuring what each costs.
 */
export function detectSandbox(choice: SandboxChoice = (process.env.VIBE_SANDBOX as SandboxChoice | undefined) ?? 'auto'): Promise<Sandbox> {
  const cgroups = process.env.VIBE_CGROUPS !== 'off';
  const key = `${choice}:${cgroups}`;
  let probe = probes.get(key);
  if (!probe) {
    probe = probeSandbox(choice, cgroups);
    probes.set(key, probe);
    // A probe can fail for a passing reason (a loaded machine timing out): a failed one is tried again later.
    probe.then(
      (sandbox) => {
        if (!sandbox.launcher && process.platform === 'linux') setTimeout(() => probes.delete(key), retryFailedProbeMs).unref();
      },
      () => probes.delete(key),
    );
  }
  return probe;
}

async function probeSandbox(choice: SandboxChoice, useCgroups: boolean): Promise<Sandbox> {
  const root = process.getuid?.() === 0;
  const notes: string[] = [];
  if (process.platform === 'linux' && choice !== 'none') {
    const candidates = choice === 'auto' ? [bubblewrap, unshareLauncher] : choice === 'bubblewrap' ? [bubblewrap] : [unshareLauncher];
    for (const launcher of candidates) {
      const prefix = root ? asNobody : [];
      const sessionCommand = (plan: MountPlan, inner: string[]) => [...prefix, ...launcher.command(plan, inner)];
      const trial = sessionCommand(mountPlan(), ['/usr/bin/env', 'true']);
      try {
        await run(trial[0] ?? 'false', trial.slice(1), { timeout: 10_000, env: cleanEnv('/') });
      } catch {
        notes.push(launcher.name === 'bubblewrap' ? 'bubblewrap (bwrap) is missing, older than 0.8, or not allowed here.' : 'unshare could not make user namespaces here.');
        continue;
      }
      const cgroups = useCgroups ? findCgroupPlaces() : [];
      removeStaleBoxes(cgroups);
      return { launcher, dropsToNobody: root, fallbackUids: null, cgroups, containment: linuxContainment(launcher, root, cgroups, notes), sessionCommand, wrap: (c) => c };
    }
  }
  return fallback(root, notes);
}

function linuxContainment(launcher: Launcher, root: boolean, cgroups: CgroupPlace[], notes: string[]): Containment {
  const tree = (resource: CgroupPlace['resource']) => cgroups.some((p) => p.resource === resource);
  const versions = [...new Set(cgroups.map((p) => p.version))].map((v) => `v${v}`).join('+');
  const counted = (['cpu', 'memory', 'pids'] as const).filter(tree);
  const perProcess = (['cpu', 'memory'] as const).filter((r) => !tree(r));
  const said = [
    `${launcher.name === 'bubblewrap' ? 'bubblewrap' : 'unshare'}: an empty read-only root with the system's programs, no network, no home or app data, own process tree, ${boxBytes / 1024 / 1024} MB of files in all.`,
  ];
  if (counted.length) said.push(`Counted over all of a test's processes (cgroup ${versions}): ${counted.map(resourceName).join(', ')}.`);
  if (perProcess.length) said.push(`Counted per process only (no cgroup this app may create): ${perProcess.map(resourceName).join(', ')}.`);
  // The zygote's syscall filter knows these two architectures' syscall numbers (seccomp-source.ts).
  if (process.arch === 'x64' || process.arch === 'arm64') said.push('A syscall filter keeps each test to its own process (no prlimit or scheduling of others, no message queues, keys, perf, io_uring).');
  else said.push(`No syscall filter on ${process.arch}: a test could change the sandbox's own scheduling for later tests.`);
  if (root) said.push('The app runs as root: solutions run as the unprivileged user nobody.');
  return {
    time: true,
    memory: true,
    processes: true,
    network: true,
    filesystem: true,
    unprivilegedUser: root,
    isolation: launcher.name,
    // Processes are counted over the tree either way: by a pids cgroup, or by RLIMIT_NPROC in the sandbox's own user namespace.
    counting: { cpu: tree('cpu') ? 'tree' : 'process', memory: tree('memory') ? 'tree' : 'process', processes: 'tree', disk: 'total' },
    notes: [...said, ...notes],
  };
}

function resourceName(resource: CgroupPlace['resource']): string {
  return resource === 'cpu' ? 'CPU time' : resource === 'pids' ? 'processes' : 'memory';
}

async function fallback(root: boolean, notes: string[]): Promise<Sandbox> {
  // As root on Linux even without namespaces, setpriv still runs the solution as a user of its own: never as root.
  const nobody = root && process.platform === 'linux';
  const uids = nobody ? new FallbackUids(sandboxSlots.capacity) : null;
  // What a crashed app left running as those users goes first.
  if (uids) await Promise.all(uids.all().map(killAllOf));
  const base = (isolation: Containment['isolation'], network: boolean): Sandbox['containment'] => ({
    time: true,
    memory: true,
    processes: !root || nobody,
    network,
    filesystem: false,
    unprivilegedUser: nobody,
    isolation,
    counting: { cpu: 'process', memory: 'process', processes: root && !nobody ? 'none' : 'user', disk: 'per-file' },
    notes,
  });
  const none: Omit<Sandbox, 'containment'> = { launcher: null, dropsToNobody: nobody, fallbackUids: uids, cgroups: [], sessionCommand: () => [], wrap: (c, uid) => (uid === undefined ? c : asUid(uid, c)) };
  if (process.platform === 'darwin') {
    // macOS: Seatbelt (sandbox-exec) with a profile that denies all network access.
    const profile = '(version 1)(allow default)(deny network*)';
    try {
      await run('sandbox-exec', ['-p', profile, '/usr/bin/true'], { timeout: 10_000 });
      notes.push('macOS sandbox-exec: no network. File isolation is off: the solution can read and write your files.');
      return { ...none, containment: base('sandbox-exec', true), wrap: (command) => ['sandbox-exec', '-p', profile, ...command] };
    } catch {
      notes.push('sandbox-exec is not available: network and file isolation are off.');
    }
  } else if (process.platform === 'linux') {
    notes.push('Neither bubblewrap nor unshare could build a sandbox: network and file isolation are off (install bubblewrap).');
  } else {
    notes.push(`Network and file isolation are not implemented on ${process.platform}: they are off; the solution can read and write your files.`);
  }
  notes.push('Limits count each process on its own; files are capped one by one, not in total.');
  if (nobody) notes.push('The app runs as root: each run has an unprivileged user of its own (all its processes are killed after it), which can still read world-readable files.');
  else if (root) notes.push('The app runs as root without a sandbox: solutions run as root and the process limit does not bind.');
  return { ...none, containment: base('none', false) };
}
