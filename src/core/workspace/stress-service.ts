import { errorMessage, WorkbenchError } from '../../shared/api/errors';
import type { WorkbenchHandlers } from '../../shared/api/contract';
import type { StressUpdate } from '../../shared/api/workspace-schemas';
import { judgingOf } from '../../shared/judging';
import type { Session } from '../../shared/sessions';
import type { EventHub } from '../api/event-hub';
import { stressTest, type StressOptions } from '../runner/stress';
import { newId } from '../storage/new-id';

export type StressHandlers = Pick<WorkbenchHandlers, 'stressSession' | 'stopStress' | 'stressInProgress'>;

interface Run {
  sessionId: string;
  controller: AbortController;
  last: StressUpdate | null;
  done: Promise<void>;
}

/**
 * Stress tests a session's code in core, so a run goes on (and ends, and is
 * reported) whether or not a window watches: the session's code against its
 * brute force on its generator's tests, under the problem's limits and
 * comparison. One run per session; progress and the end come as `stressUpdate`.
 */
export class StressService {
  readonly handlers: StressHandlers;
  readonly #runs = new Map<string, Run>();

  constructor(
    private readonly deps: {
      sessions: { get(id: string): Promise<Session> };
      events: EventHub;
      settings: () => { python: string | null; cppCompiler: string | null };
      run?: typeof stressTest;
    },
  ) {
    this.handlers = {
      stressSession: async (input) => ({ stressId: await this.start(input.id, input) }),
      stopStress: async ({ stressId }) => ({ stopped: this.stop(stressId) }),
      stressInProgress: async ({ id }) => [...this.#runs.values()].find((r) => r.sessionId === id)?.last ?? null,
    };
  }

  async start(id: string, limits: { rounds?: number; seconds?: number }): Promise<string> {
    const busy = () => [...this.#runs.values()].some((r) => r.sessionId === id);
    if (busy()) throw new WorkbenchError('UnavailableError', 'busy', 'A stress test is already running on this session: wait for it, or stop it.');
    const session = await this.deps.sessions.get(id);
    const { problem } = session;
    if (!session.code.trim()) throw new WorkbenchError('ValidationError', 'no_code', 'There is no solution to stress test: write or generate one first.');
    if (!problem.brute?.code.trim()) throw new WorkbenchError('ValidationError', 'no_brute', 'Stress testing needs a brute force: a slow solution you trust (the Brute force tab; the "Brute force" template drafts one).');
    if (!problem.generator?.code.trim()) throw new WorkbenchError('ValidationError', 'no_generator', 'Stress testing needs a test generator: a program that prints a random test for the seed in its first argument (the Generator tab; the "Test generator" template drafts one).');
    if (busy()) throw new WorkbenchError('UnavailableError', 'busy', 'A stress test is already running on this session: wait for it, or stop it.');
    const stressId = newId('st');
    const run: Run = { sessionId: id, controller: new AbortController(), last: null, done: Promise.resolve() };
    const emit = (update: Omit<StressUpdate, 'sessionId' | 'stressId'>) => {
      run.last = { sessionId: id, stressId, ...update };
      this.deps.events.emit('stressUpdate', run.last);
    };
    const settings = this.deps.settings();
    const options: StressOptions = {
      solution: { language: session.language, code: session.code },
      brute: problem.brute,
      generator: problem.generator,
      problem: { name: problem.name, timeLimit: problem.timeLimit, memoryLimit: problem.memoryLimit, tests: [], ...judgingOf(problem) },
      ...limits,
      python: settings.python,
      compiler: settings.cppCompiler,
      signal: run.controller.signal,
      onProgress: (progress) => emit({ progress, report: null, error: null }),
    };
    this.#runs.set(stressId, run);
    // Off the list before the end is announced: whoever hears it can start the next run at once.
    run.done = (this.deps.run ?? stressTest)(options).then(
      (report) => {
        this.#runs.delete(stressId);
        emit({ progress: null, report, error: null });
      },
      (err: unknown) => {
        this.#runs.delete(stressId);
        emit({ progress: null, report: null, error: errorMessage(err) });
      },
    );
    return stressId;
  }

  stop(stressId: string): boolean {
    const run = this.#runs.get(stressId);
    if (!run) return false;
    run.controller.abort();
    return true;
  }

  /** Stops every run and waits for each to end (their sandboxes are gone after this). */
  async dispose(): Promise<void> {
    const runs = [...this.#runs.values()];
    for (const run of runs) run.controller.abort();
    await Promise.all(runs.map((r) => r.done));
  }
}
