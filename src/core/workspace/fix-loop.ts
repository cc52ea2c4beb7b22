import { errorMessage, WorkbenchError } from '../../shared/api/errors';
import type { WorkbenchHandlers } from '../../shared/api/contract';
import type { FixProgress } from '../../shared/fix-loop';
import type { JudgeReport } from '../../shared/judging';
import type { Session } from '../../shared/sessions';
import type { Template } from '../../shared/templates';
import type { EventHub } from '../api/event-hub';
import { applyChanges, type WorkspaceService } from './workspace-service';
import { newId } from '../storage/new-id';

export type FixLoopHandlers = Pick<WorkbenchHandlers, 'fixUntilAccepted' | 'stopFix' | 'fixInProgress'>;

export interface FixLoopDeps {
  workspace: Pick<WorkspaceService, 'ask' | 'answerSaved' | 'judgeSession' | 'change'>;
  sessions: { get(id: string): Promise<Session> };
  templates: { get(id: string): Promise<Template> };
  events: EventHub;
  /** Resolves once a model being loaded is ready: true when one answers then. */
  whenReady: () => Promise<boolean>;
  /** Stops a generation by id (a stopped answer is still saved as its turn). */
  stopGeneration: (generationId: string) => void;
}

interface Loop {
  sessionId: string;
  stopped: boolean;
  generationId: string | null;
  /** The last progress sent: what a window that opens the session mid-loop is shown. */
  last: FixProgress | null;
  done: Promise<void>;
}

type Input = Parameters<WorkbenchHandlers['fixUntilAccepted']>[0];
type Ended = Pick<FixProgress, 'end' | 'message' | 'passed' | 'total'>;
type Step = Omit<FixProgress, 'sessionId' | 'loopId' | 'rounds' | 'round'>;

const stoppedEnd = { end: 'stopped', message: 'Stopped.' } as const;
const editedEnd = { end: 'stopped', message: 'The code was changed while the loop ran (an edit of yours, or another answer’s): stopped, so it is not replaced. The answer’s code is in the thread.' } as const;

/**
 * Fix until accepted, in core so it goes on whether or not a window watches:
 * judge the code as it is; then, while a test fails and rounds are left, a
 * fix turn (the first failure as feedback, through the fix template), its
 * code into the session (the code it replaces kept as a version), judged
 * again. Every turn and verdict is saved as if the user had clicked each step.
 * It never replaces code it did not judge: an edit made meanwhile ends it.
 */
export class FixLoopService {
  readonly handlers: FixLoopHandlers;
  readonly #loops = new Map<string, Loop>();

  constructor(private readonly deps: FixLoopDeps) {
    this.handlers = {
      fixUntilAccepted: async (input) => ({ loopId: await this.start(input) }),
      stopFix: async ({ loopId }) => ({ stopped: this.stop(loopId) }),
      fixInProgress: async ({ id }) => [...this.#loops.values()].find((l) => l.sessionId === id && l.last)?.last ?? null,
    };
  }

  async start(input: Input): Promise<string> {
    if ([...this.#loops.values()].some((l) => l.sessionId === input.id)) throw new WorkbenchError('UnavailableError', 'busy', 'Fix until accepted is already running on this session: wait for it, or stop it.');
    // Checked before anything runs, so a loop that cannot work is refused with the reason.
    const session = await this.deps.sessions.get(input.id);
    if (session.problem.tests.length === 0) throw new WorkbenchError('ValidationError', 'no_tests', 'This problem has no tests yet: add one, then fix until it passes.');
    const template = await this.deps.templates.get(input.templateId ?? 'fix-feedback');
    if (!template.body.includes('{{feedback}}') || template.sendToEditor === 'none') {
      throw new WorkbenchError('ValidationError', 'not_a_fix_template', `“${template.name}” does not take the judge's feedback ({{feedback}}) or gives no code: choose a fix template.`);
    }
    if (!(await this.deps.whenReady())) throw new WorkbenchError('UnavailableError', 'no_model', 'Load a model first.');
    if ([...this.#loops.values()].some((l) => l.sessionId === input.id)) throw new WorkbenchError('UnavailableError', 'busy', 'Fix until accepted is already running on this session: wait for it, or stop it.');

    const loopId = newId('f');
    const rounds = Math.max(1, Math.min(10, Math.floor(Number.isFinite(input.rounds) ? input.rounds : 3)));
    const loop: Loop = { sessionId: input.id, stopped: false, generationId: null, last: null, done: Promise.resolve() };
    let round = 0;
    const emit = (r: number, step: Step) => {
      round = r;
      loop.last = { sessionId: input.id, loopId, rounds, round: r, ...step };
      this.deps.events.emit('fixProgress', loop.last);
    };
    this.#loops.set(loopId, loop);
    loop.done = this.#run(input.id, template.id, loop, rounds, emit)
      .catch((err: unknown): Ended => ({ end: 'failed', message: errorMessage(err) }))
      .then((ended) => {
        this.#loops.delete(loopId);
        emit(round, { phase: 'ended', ...ended });
      });
    return loopId;
  }

  stop(loopId: string): boolean {
    const loop = this.#loops.get(loopId);
    if (!loop) return false;
    loop.stopped = true;
    if (loop.generationId) this.deps.stopGeneration(loop.generationId);
    return true;
  }

  /** Stops every loop and waits until each has ended (nothing writes a session or judges after this). */
  async dispose(): Promise<void> {
    const loops = [...this.#loops.entries()];
    for (const [loopId] of loops) this.stop(loopId);
    await Promise.all(loops.map(([, l]) => l.done));
  }

  async #run(id: string, templateId: string, loop: Loop, rounds: number, emit: (round: number, step: Step) => void): Promise<Ended> {
    const { workspace, sessions } = this.deps;
    emit(0, { phase: 'judging' });
    let judged = (await sessions.get(id)).code;
    let report: JudgeReport = await workspace.judgeSession(id);
    const counts = () => ({ passed: report.tests.filter((t) => t.verdict === 'AC').length, total: report.tests.length });
    for (let round = 1; ; round++) {
      if (report.verdict === 'AC') return { end: 'accepted', ...counts() };
      if (loop.stopped) return { ...stoppedEnd, ...counts() };
      if (round > rounds) return { end: 'out_of_rounds', message: `Still failing after ${rounds} round${rounds === 1 ? '' : 's'}.`, ...counts() };
      if ((await sessions.get(id)).code !== judged) return { ...editedEnd, ...counts() };
      const failing = report.tests.find((t) => t.verdict !== 'AC');
      const { turnId, generationId } = await workspace.ask({ id, kind: 'fix', templateId, ...(failing ? { testIndex: failing.index } : {}) });
      loop.generationId = generationId;
      // A Stop that came while the turn was being started.
      if (loop.stopped) this.deps.stopGeneration(generationId);
      // Sent once the answer is in progress, so a window told of it can show it streaming.
      emit(round, { phase: 'answering', ...counts() });
      await workspace.answerSaved(id);
      loop.generationId = null;
      const session = await sessions.get(id);
      const turn = session.thread.find((t) => t.id === turnId);
      // Stopped here, or with the thread's own Stop: either way the user said stop.
      if (loop.stopped || turn?.stats?.stopReason === 'stopped') return { ...stoppedEnd, ...counts() };
      const version = session.codeHistory.find((v) => v.id === turn?.codeVersion);
      if (!turn || turn.error) return { end: 'failed', message: turn?.error ?? 'The answer was not saved.', ...counts() };
      if (!version) return { end: 'no_code', message: `The answer of round ${round} has no code block to judge.`, ...counts() };
      let edited = false;
      await workspace.change(id, (current) => {
        edited = current.code !== judged;
        return edited ? current : applyChanges(current, { code: version.code, codeSource: 'model' });
      });
      if (edited) return { ...editedEnd, ...counts() };
      if (loop.stopped) return { ...stoppedEnd, ...counts() };
      emit(round, { phase: 'judging', ...counts() });
      judged = version.code;
      report = await workspace.judgeSession(id);
    }
  }
}
