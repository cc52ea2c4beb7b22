import type { WorkbenchHandlers } from '../../shared/api/contract';
import type { CompanionStatus, JudgeReport, Problem, ProblemRecord } from '../../shared/judging';
import type { Settings } from '../../shared/settings';
import type { EventHub } from '../api/event-hub';
import { judge, type JudgeOptions } from '../runner/judge';
import { startCompanionListener } from './companion-listener';
import { ProblemStore } from './problem-store';
import { announcer } from '../api/announce';

export type JudgeHandlers = Pick<WorkbenchHandlers, 'listProblems' | 'getProblem' | 'saveProblem' | 'importProblem' | 'deleteProblem' | 'judgeCode' | 'runCustom' | 'getCompanionStatus'>;

/** Problems (stored, imported from Competitive Companion) and judging the editor's code on them. */
export class JudgeService {
  readonly store: ProblemStore;
  readonly handlers: JudgeHandlers;
  #companion: { status: CompanionStatus; close: () => Promise<void> } | null = null;
  /** Judgings in flight, so that shutting down kills their sandboxes at once. */
  readonly #running = new Set<AbortController>();
  readonly #announce: ReturnType<typeof announcer<'problemsChanged'>>;

  constructor(
    private readonly options: { dataDir: string; events: EventHub; settings: () => Settings; onImported?: (records: ProblemRecord[]) => Promise<void> },
  ) {
    this.store = new ProblemStore(options.dataDir);
    const { events, settings } = options;
    this.#announce = announcer(events, 'problemsChanged');
    // Which problems changed; windows fetch what they show (as for sessions and templates).
    const changed = (...ids: string[]) => this.#announce(undefined, { ids });
    this.handlers = {
      listProblems: () => this.store.list(),
      getProblem: ({ id }) => this.store.get(id),
      saveProblem: async (record) => {
        const saved = await this.store.saveWithinCap(record);
        changed(saved.id);
        return saved;
      },
      importProblem: async ({ text, fileName }) => {
        const imported = await this.store.importText(text, fileName);
        changed(imported.id);
        return imported;
      },
      deleteProblem: async ({ id }) => {
        await this.store.delete(id);
        changed(id);
        return { ok: true as const };
      },
      judgeCode: async ({ code, problemId, only }) => {
        const problem = await this.store.get(problemId);
        return this.#judge(code, problem, {
          only,
          python: settings().python,
          compiler: settings().cppCompiler,
          onTest: (result) => events.emit('judgeProgress', { problemId, result }),
        });
      },
      runCustom: async ({ code, input, problemId, timeLimit, memoryLimit, language }) => {
        const base = problemId ? await this.store.get(problemId) : null;
        return this.#judge(code, { name: 'custom', timeLimit: timeLimit ?? base?.timeLimit ?? 2000, memoryLimit: memoryLimit ?? base?.memoryLimit ?? 256, tests: [{ input, output: '' }] }, { python: settings().python, compiler: settings().cppCompiler, language: language ?? 'python' });
      },
      getCompanionStatus: async () => this.#companion?.status ?? { port: settings().companionPort, listening: false, error: 'Competitive Companion import is not running.' },
    };
  }

  /** Starts listening for Competitive Companion on `port`; a busy port is reported, not thrown. */
  async listen(port: number): Promise<CompanionStatus> {
    await this.#companion?.close();
    this.#companion = await startCompanionListener(port, async (problems) => {
      // All or none: a batch that would go over the store's cap stores nothing.
      const records = await this.store.importAll(problems);
      await this.options.onImported?.(records);
      this.#announce(undefined, { ids: records.map((r) => r.id) });
    });
    return this.#companion.status;
  }

  /** Judges through this service, so that shutting down stops it with the rest. */
  judgeTracked(code: string, problem: Problem, options: JudgeOptions): Promise<JudgeReport> {
    return this.#judge(code, problem, options);
  }

  /** Every judging goes through here, so that dispose() can stop them all. */
  async #judge(code: string, problem: Problem, options: JudgeOptions): Promise<JudgeReport> {
    const controller = new AbortController();
    this.#running.add(controller);
    try {
      return await judge(code, problem, { ...options, signal: controller.signal });
    } finally {
      this.#running.delete(controller);
    }
  }

  /** Stops every judging in flight (their sandboxes are killed) and the Companion listener. */
  async dispose(): Promise<void> {
    for (const controller of this.#running) controller.abort();
    await this.#companion?.close();
  }
}
