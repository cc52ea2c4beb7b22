import { availableParallelism, totalmem } from 'node:os';
import { WorkbenchError } from '../../shared/api/errors';
import { cancelled } from './judge-errors';

/**
 * How many sandboxes may run at once in this process, across every judging
 * (the UI, web-mode clients, an eval): at most one per core (two at least),
 * and no more memory promised to them together than a share of the machine's
 * (a problem may ask for 8 GB per test; a few of those at once must not take
 * the machine down). A judging waits for its first slot and takes more only
 * when they are free, so two judgings share the machine instead of one
 * starving the rest, and nothing here holds up the event loop or other API
 * calls. Past `maxWaiting` waiting judgings, a new one is refused at once.
 */
export class SandboxSlots {
  #free: number;
  #freeMb: number;
  readonly #waiting: Array<{ memoryMb: number; wake: () => void }> = [];

  constructor(
    readonly capacity = Math.max(2, availableParallelism()),
    /** Memory all sandboxes together may be promised. Default: 80% of this machine's. */
    readonly memoryBudgetMb = Math.floor((totalmem() * 0.8) / 1024 / 1024),
    private readonly maxWaiting = 32,
  ) {
    this.#free = capacity;
    this.#freeMb = memoryBudgetMb;
  }

  /** The memory one sandbox may be given: what the problem asks, at most the whole budget. */
  clampMemory(memoryMb: number): number {
    return Math.min(memoryMb, this.memoryBudgetMb);
  }

  /** One slot for a sandbox of `memoryMb`, waiting in arrival order; the returned function gives it back (once). */
  async acquire(memoryMb: number, signal?: AbortSignal): Promise<() => void> {
    const need = this.clampMemory(memoryMb);
    if (this.#waiting.length === 0 && this.#fits(need)) return this.#take(need);
    if (this.#waiting.length >= this.maxWaiting) {
      throw new WorkbenchError('UnavailableError', 'judge_busy', `The judge is busy: ${this.#waiting.length} runs are already waiting. Try again in a moment.`);
    }
    if (signal?.aborted) throw cancelled();
    await new Promise<void>((resolve, reject) => {
      const entry = {
        memoryMb: need,
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const at = this.#waiting.indexOf(entry);
        if (at !== -1) this.#waiting.splice(at, 1);
        reject(cancelled());
        this.#wakeWaiting();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(entry);
    });
    return this.#releaser(need);
  }

  /** A further slot of `memoryMb` if one is free right now and nobody waits for it. */
  tryAcquire(memoryMb: number): (() => void) | null {
    const need = this.clampMemory(memoryMb);
    if (this.#waiting.length > 0 || !this.#fits(need)) return null;
    return this.#take(need);
  }

  get inUse(): number {
    return this.capacity - this.#free;
  }

  #fits(memoryMb: number): boolean {
    return this.#free > 0 && this.#freeMb >= memoryMb;
  }

  #take(memoryMb: number): () => void {
    this.#free--;
    this.#freeMb -= memoryMb;
    return this.#releaser(memoryMb);
  }

  #releaser(memoryMb: number): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#free++;
      this.#freeMb += memoryMb;
      this.#wakeWaiting();
    };
  }

  /** Hands freed room to waiting judgings in arrival order (the first one waits until it fits: no overtaking). */
  #wakeWaiting(): void {
    for (let next = this.#waiting[0]; next && this.#fits(next.memoryMb); next = this.#waiting[0]) {
      this.#waiting.shift();
      this.#free--;
      this.#freeMb -= next.memoryMb;
      next.wake();
    }
  }
}

/** The one pool of this process. */
export const sandboxSlots = new SandboxSlots();
