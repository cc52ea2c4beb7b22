import type { WorkbenchHandlers } from '../../shared/api/contract';
import type { CompanionStatus } from '../../shared/judging';
import type { Settings } from '../../shared/settings';
import type { EventHub } from '../api/event-hub';
import { WorkbenchError } from '../../shared/api/errors';
import { judge } from '../runner/judge';
import { startCompanionListener } from './companion-listener';
import { ProblemStore } from './problem-store';

export type JudgeHandlers = Pick<WorkbenchHandlers, 'listProblems' | 'getProblem' | 'saveProblem' | 'importProblem' | 'deleteProblem' | 'judgeCode' | 'runCustom' | 'getCompanionStatus'>;

/** Problems (stored, imported from Competitive Companion) and judging the editor's code on them. */
export class JudgeService {
  readonly store: ProblemStore;
  readonly handlers: JudgeHandlers;
  #companion: { status: CompanionStatus; close: () => Promise<void> } | null = null;

  constructor(
    private readonly options: { dataDir: string; events: EventHub; settings: () => Settings },
  ) {
    this.store = new ProblemStore(options.dataDir);
    const { events, settings } = options;
    const changed = async () => events.emit('problemsChanged', { problems: await this.store.list() });
    this.handlers = {
      listProblems: () => this.store.list(),
      getProblem: ({ id }) => this.store.get(id),
      saveProblem: async (record) => {
        const saved = await this.store.save(record);
        await changed();
        return saved;
      },
      importProblem: async ({ text, fileName }) => {
        const imported = await this.store.importText(text, fileName);
        await changed();
        return imported;
      },
      deleteProblem: async ({ id }) => {
        await this.store.delete(id);
        await changed();
        return { ok: true as const };
      },
      judgeCode: async ({ code, problemId, only }) => {
        const problem = await this.store.get(problemId);
        if (problem.interactive) {
          throw new WorkbenchError('ValidationError', 'interactive', 'This is an interactive problem: it needs the judge\'s interactor, which the workbench does not have. Test it on the contest site.');
        }
        return judge(code, problem, {
          only,
          python: settings().python,
          hide: [options.dataDir],
          onTest: (result) => events.emit('judgeProgress', { problemId, result }),
        });
      },
      runCustom: async ({ code, input, problemId }) => {
        const base = problemId ? await this.store.get(problemId) : null;
        const report = await judge(code, { name: 'custom', timeLimit: base?.timeLimit ?? 2000, memoryLimit: base?.memoryLimit ?? 256, tests: [{ input, output: '' }] }, { python: settings().python, hide: [options.dataDir] });
        return report;
      },
      getCompanionStatus: async () => this.#companion?.status ?? { port: settings().companionPort, listening: false, error: 'Competitive Companion import is not running.' },
    };
  }

  /** Starts listening for Competitive Companion on `port`; a busy port is reported, not thrown. */
  async listen(port: number): Promise<CompanionStatus> {
    await this.#companion?.close();
    this.#companion = await startCompanionListener(port, async (problems) => {
      for (const problem of problems) await this.store.import(problem);
      this.options.events.emit('problemsChanged', { problems: await this.store.list() });
    });
    return this.#companion.status;
  }

  async dispose(): Promise<void> {
    await this.#companion?.close();
  }
}
