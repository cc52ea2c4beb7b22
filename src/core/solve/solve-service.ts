import { randomInt } from 'node:crypto';
import { WorkbenchError } from '../../shared/api/errors';
import type { WorkbenchHandlers } from '../../shared/api/contract';
import type { Session } from '../../shared/sessions';
import type { SolveRecord } from '../../shared/solve';
import { sampleTestsText } from '../../shared/prompt-pieces';
import type { EventHub } from '../api/event-hub';
import type { CompletionPool } from '../llm/completion-pool';
import type { SessionStore } from '../sessions/session-store';
import type { TemplateStore } from '../templates/template-store';
import { renderTemplate } from '../templates/render-template';
import { solveN } from './solve';
import { newId } from '../storage/new-id';

export type SolveHandlers = Pick<WorkbenchHandlers, 'solveSession' | 'stopSolve'>;

export interface SolveServiceDeps {
  sessions: SessionStore;
  templates: TemplateStore;
  events: EventHub;
  /** The batched pool the answers are generated in (the API's: its sequences generate together). */
  pool: CompletionPool;
  /** Writes a session in its change queue (the workspace's). */
  change: (id: string, change: (session: Session) => Session) => Promise<Session>;
  python: () => string | null;
  /** Resolves once a model being loaded is ready: true when one is loaded then. */
  whenReady: () => Promise<boolean>;
  /** A remote server answers questions: Solve ×N runs on the embedded model only. */
  remote: () => boolean;
}

const maxKept = 10;

/**
 * Solve ×N for a session: the question its template asks, N times at once,
 * graded as each answer ends (see solveN); progress and each graded answer
 * go out as `solveUpdate`, and the run is kept with the session when it ends,
 * whether or not the window that asked is still there.
 */
export class SolveService {
  readonly handlers: SolveHandlers;
  readonly #running = new Map<string, AbortController>();

  constructor(private readonly deps: SolveServiceDeps) {
    this.handlers = {
      solveSession: (input) => this.solve(input),
      stopSolve: async ({ solveId }) => {
        const run = this.#running.get(solveId);
        run?.abort();
        return { stopped: run !== undefined };
      },
    };
  }

  async solve(input: Parameters<WorkbenchHandlers['solveSession']>[0]): Promise<{ solveId: string }> {
    const solveId = input.solveId ?? newId('s');
    if (this.#running.has(solveId)) throw new WorkbenchError('ValidationError', 'duplicate_solve', `A Solve ×N run with id ${solveId} is already running.`);
    if (this.deps.remote()) throw new WorkbenchError('UnavailableError', 'remote_backend', 'Solve ×N runs on the model loaded in the workbench; a remote server answers now (Settings ▸ Model).');
    // Registered before anything is awaited: a Stop sent the moment the window asked still stops it.
    const abort = new AbortController();
    this.#running.set(solveId, abort);
    try {
      return await this.#start(input, solveId, abort);
    } catch (err) {
      this.#running.delete(solveId);
      throw err;
    }
  }

  async #start(input: Parameters<WorkbenchHandlers['solveSession']>[0], solveId: string, abort: AbortController): Promise<{ solveId: string }> {
    // A model still loading is waited for, as a question waits for it.
    if (!(await this.deps.whenReady())) throw new WorkbenchError('UnavailableError', 'no_model', 'Load a model first: Solve ×N runs on the model loaded in the workbench.');
    const session = await this.deps.sessions.get(input.id);
    const statement = session.problem.statement;
    if (statement.trim() === '') throw new WorkbenchError('ValidationError', 'empty_question', 'Write the problem first.');
    const templateId = input.templateId ?? session.templateId ?? 'cp-python';
    const template = await this.deps.templates.get(templateId);
    const kind = template.sendToEditor === 'none' ? 'math' : 'code';
    const rendered = renderTemplate(template, { problem: statement, language: 'Python 3', code: session.code, tests: sampleTestsText(session.problem.tests), feedback: '' });
    const sampling = { ...template.sampling, ...session.sampling, ...input.sampling };
    const samples = input.samples ?? 4;
    // Chosen here, not in solveN, so the record says which seed gives this run again.
    const seed = input.seed ?? randomInt(0, 2 ** 30);
    const tokens = Array.from({ length: samples }, () => 0);
    let lastProgress = 0;
    const emit = (extra: object) => this.deps.events.emit('solveUpdate', { sessionId: session.id, solveId, samples, ...extra });
    const { problem } = session;
    void solveN({
      pool: this.deps.pool,
      system: rendered.system,
      user: rendered.user,
      sampling,
      samples,
      // An interactive problem needs its interactor, which the judge does not have: its answers are not judged.
      problem: kind === 'code' && problem.tests.length > 0 && !problem.interactive ? { name: problem.name || session.title, tests: problem.tests, timeLimit: problem.timeLimit, memoryLimit: problem.memoryLimit, ...(problem.comparison ? { comparison: problem.comparison } : {}) } : null,
      kind,
      stopWhenAccepted: input.stopWhenAccepted ?? false,
      seed,
      python: this.deps.python(),
      signal: abort.signal,
      onProgress: ({ index, completionTokens }) => {
        tokens[index] = completionTokens;
        // Live counts at most ~5 times a second for all N together.
        if (performance.now() - lastProgress < 200) return;
        lastProgress = performance.now();
        emit({ tokens: [...tokens] });
      },
      // Each window gets the card, not the reasoning (up to megabytes per answer, never shown there).
      onCandidate: (candidate) => emit({ candidate: { ...candidate, reasoning: '' } }),
    })
      .then(async (result) => {
        // Kept without the reasoning (the cards show answers; 16 reasonings of 40k tokens would swell the
        // session file that every autosave rewrites); `vibe solve --json` prints it whole.
        const candidates = result.candidates.map((c) => ({ ...c, reasoning: '' }));
        const record: SolveRecord = { id: solveId, at: new Date().toISOString(), kind, samples, templateId, sampling, seed, prompt: rendered.user, candidates, votes: result.votes, best: result.best };
        await this.deps.change(session.id, (current) => ({ ...current, solves: [...current.solves, record].slice(-maxKept) }));
        emit({ record });
      })
      .catch((err: unknown) => emit({ error: err instanceof Error ? err.message : String(err) }))
      .finally(() => this.#running.delete(solveId));
    return { solveId };
  }

  stopAll(): void {
    for (const run of this.#running.values()) run.abort();
  }
}
