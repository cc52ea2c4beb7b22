import { isCpp, judgingOf, languageLabels, type Language } from '../../shared/judging';
import { randomInt } from 'node:crypto';
import { errorMessage, WorkbenchError } from '../../shared/api/errors';
import type { WorkbenchHandlers } from '../../shared/api/contract';
import type { Session } from '../../shared/sessions';
import type { SolveProgress, SolveRecord } from '../../shared/solve';
import { sampleTestsText } from '../../shared/prompt-pieces';
import type { EventHub } from '../api/event-hub';
import type { CompletionPool } from '../llm/completion-pool';
import type { SessionStore } from '../sessions/session-store';
import type { TemplateStore } from '../templates/template-store';
import { renderTemplate } from '../templates/render-template';
import { solveN } from './solve';
import { newId } from '../storage/new-id';

export type SolveHandlers = Pick<WorkbenchHandlers, 'solveSession' | 'stopSolve' | 'solveInProgress'>;

export interface SolveServiceDeps {
  sessions: SessionStore;
  templates: TemplateStore;
  events: EventHub;
  /** The batched pool the answers are generated in (the API's: its sequences generate together). */
  pool: CompletionPool;
  /** Writes a session in its change queue (the workspace's). */
  change: (id: string, change: (session: Session) => Session) => Promise<Session>;
  python: () => string | null;
  compiler?: () => string | null;
  /** Resolves once a model being loaded is ready: true when one is loaded then. */
  whenReady: () => Promise<boolean>;
  /** A remote server answers questions: Solve ×N runs on the embedded model only. */
  remote: () => boolean;
}

const maxKept = 10;

/** A run while it goes on: how to stop it, where it stands, and its end (the record written). */
interface Running {
  abort: AbortController;
  sessionId: string | null;
  progress: SolveProgress | null;
  done: Promise<void> | null;
}

/**
 * Solve ×N for a session: the question its template asks, N times at once,
 * graded as each answer ends (see solveN); progress and each graded answer
 * go out as `solveUpdate`, and the run is kept with the session when it ends,
 * whether or not the window that asked is still there.
 */
export class SolveService {
  readonly handlers: SolveHandlers;
  readonly #running = new Map<string, Running>();

  constructor(private readonly deps: SolveServiceDeps) {
    this.handlers = {
      solveSession: (input) => this.solve(input),
      stopSolve: async ({ solveId }) => {
        const run = this.#running.get(solveId);
        run?.abort.abort();
        return { stopped: run !== undefined };
      },
      solveInProgress: async ({ id }) => {
        const progress = [...this.#running.values()].find((r) => r.sessionId === id && r.progress)?.progress;
        return progress ? { ...progress, tokens: [...progress.tokens], candidates: [...progress.candidates] } : null;
      },
    };
  }

  async solve(input: Parameters<WorkbenchHandlers['solveSession']>[0]): Promise<{ solveId: string }> {
    const solveId = input.solveId ?? newId('s');
    if (this.#running.has(solveId)) throw new WorkbenchError('ValidationError', 'duplicate_solve', `A Solve ×N run with id ${solveId} is already running.`);
    if (this.deps.remote()) throw new WorkbenchError('UnavailableError', 'remote_backend', 'Solve ×N runs on the model loaded in the workbench; a remote server answers now (Settings ▸ Model).');
    // Registered before anything is awaited: a Stop sent the moment the window asked still stops it.
    const run: Running = { abort: new AbortController(), sessionId: null, progress: null, done: null };
    this.#running.set(solveId, run);
    try {
      return await this.#start(input, solveId, run);
    } catch (err) {
      this.#running.delete(solveId);
      throw err;
    }
  }

  async #start(input: Parameters<WorkbenchHandlers['solveSession']>[0], solveId: string, run: Running): Promise<{ solveId: string }> {
    // A model still loading is waited for, as a question waits for it.
    if (!(await this.deps.whenReady())) throw new WorkbenchError('UnavailableError', 'no_model', 'Load a model first: Solve ×N runs on the model loaded in the workbench.');
    const session = await this.deps.sessions.get(input.id);
    const statement = session.problem.statement;
    if (statement.trim() === '') throw new WorkbenchError('ValidationError', 'empty_question', 'Write the problem first.');
    const templateId = input.templateId ?? session.templateId ?? 'cp-python';
    const template = await this.deps.templates.get(templateId);
    const kind = template.sendToEditor === 'none' ? 'math' : 'code';
    // C++ candidates for a C++ template, or a language-following one ({{fence}}) on a C++ session; else Python.
    const language: Language = template.sendToEditor === 'lastCpp' || (template.body.includes('{{fence}}') && isCpp(session.language)) ? (isCpp(session.language) ? session.language : 'cpp17') : 'python';
    const rendered = renderTemplate(template, { problem: statement, language: languageLabels[language], fence: isCpp(language) ? 'cpp' : 'python', code: session.code, tests: sampleTestsText(session.problem.tests), feedback: '' });
    const sampling = { ...template.sampling, ...session.sampling, ...input.sampling };
    // Stopped (or shut down) while the above was awaited: nothing starts.
    if (run.abort.signal.aborted) throw new WorkbenchError('UnavailableError', 'stopped', 'Solve ×N was stopped before it started.');
    const samples = input.samples ?? 4;
    // Chosen here, not in solveN, so the record says which seed gives this run again.
    const seed = input.seed ?? randomInt(0, 2 ** 30);
    const progress: SolveProgress = { solveId, samples, tokens: Array.from({ length: samples }, () => 0), candidates: [] };
    const { tokens } = progress;
    run.sessionId = session.id;
    run.progress = progress;
    let lastProgress = 0;
    const emit = (extra: object) => this.deps.events.emit('solveUpdate', { sessionId: session.id, solveId, samples, ...extra });
    const { problem } = session;
    run.done = solveN({
      pool: this.deps.pool,
      system: rendered.system,
      user: rendered.user,
      sampling,
      samples,
      problem: kind === 'code' && problem.tests.length > 0 ? { name: problem.name || session.title, tests: problem.tests, timeLimit: problem.timeLimit, memoryLimit: problem.memoryLimit, ...judgingOf(problem) } : null,
      kind,
      stopWhenAccepted: input.stopWhenAccepted ?? false,
      seed,
      python: this.deps.python(),
      language,
      compiler: this.deps.compiler?.() ?? null,
      signal: run.abort.signal,
      onProgress: ({ index, completionTokens }) => {
        tokens[index] = completionTokens;
        // Live counts at most ~5 times a second for all N together.
        if (performance.now() - lastProgress < 200) return;
        lastProgress = performance.now();
        emit({ tokens: [...tokens] });
      },
      // Each window gets the card, not the reasoning (up to megabytes per answer, never shown there).
      onCandidate: (candidate) => {
        const card = { ...candidate, reasoning: '' };
        progress.candidates.push(card);
        emit({ candidate: card });
      },
    })
      .then(async (result) => {
        // Kept without the reasoning (the cards show answers; 16 reasonings of 40k tokens would swell the
        // session file that every autosave rewrites); `vibe solve --json` prints it whole.
        const candidates = result.candidates.map((c) => ({ ...c, reasoning: '' }));
        const record: SolveRecord = { id: solveId, at: new Date().toISOString(), kind, samples, templateId, sampling, seed, prompt: rendered.user, candidates, votes: result.votes, best: result.best };
        await this.deps.change(session.id, (current) => ({ ...current, solves: [...current.solves, record].slice(-maxKept) }));
        // Over once saved: a window asking from now on reads the record in the session.
        this.#running.delete(solveId);
        emit({ record });
      })
      .catch((err: unknown) => {
        this.#running.delete(solveId);
        emit({ error: errorMessage(err) });
      });
    return { solveId };
  }

  /** Stops every run and waits until each has written its record (a shutdown loses no run). */
  async dispose(): Promise<void> {
    const runs = [...this.#running.values()];
    for (const run of runs) run.abort.abort();
    await Promise.all(runs.map((r) => r.done));
  }
}
