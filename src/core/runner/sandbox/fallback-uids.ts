import { execFile } from 'node:child_process';

/**
 * User ids for runs without namespaces when the app is root: one per sandbox
 * slot at a time, far above every range distributions, systemd or container
 * tools hand out, so that nothing else on the machine runs as them. That is
 * what makes such a run containable without namespaces (IOI's isolate works
 * the same way): after each run everything of its uid is killed with one
 * `kill(-1)` as that uid, which the kernel does while no process can fork, so
 * nothing a test detached survives to watch or change the next run, and no
 * two runs at once can signal, trace or write each other.
 */
const firstUid = 1_900_000_000;

export class FallbackUids {
  readonly #free: number[];

  constructor(private readonly count: number) {
    this.#free = Array.from({ length: count }, (_, i) => firstUid + i);
  }

  /** A uid nobody else uses now; every slot holds at most one, so the pool never runs dry. */
  take(): number {
    const uid = this.#free.shift();
    if (uid === undefined) throw new Error('No free sandbox user id (more runs than sandbox slots).');
    return uid;
  }

  give(uid: number): void {
    if (!this.#free.includes(uid)) this.#free.push(uid);
  }

  /** Every uid of the pool, for killing what a crashed app left running. */
  all(): number[] {
    return Array.from({ length: this.count }, (_, i) => firstUid + i);
  }
}

/** The words that run a command as `uid`, with no groups, capabilities or way back. */
export function asUid(uid: number, command: string[]): string[] {
  return ['setpriv', `--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', '--inh-caps=-all', '--bounding-set=-all', '--no-new-privs', '--', ...command];
}

/** Kills every process of `uid` (kill -9 -1 run as that uid spares only itself). */
export function killAllOf(uid: number): Promise<void> {
  const [command = 'setpriv', ...args] = asUid(uid, ['kill', '-9', '-1']);
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 10_000 }, () => resolve());
  });
}
