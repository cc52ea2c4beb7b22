import { randomBytes } from 'node:crypto';
import { WorkbenchError } from '../../shared/api/errors';
import type { WorkbenchHandlers } from '../../shared/api/contract';
import type { FixProgress } from '../../shared/fix-loop';
import type { Session } from '../../shared/sessions';
import type { EventHub } from '../api/event-hub';
import { applyChanges, type WorkspaceService } from './workspace-service';

export type FixLoopHandlers = Pick<WorkbenchHandlers, 'fixUntilAccepted' | 'stopFix'>;

export interface FixLoopDeps {
  workspace: Pick<WorkspaceService, 'ask' | 'answerSaved' | 'judgeSession' | 'change'>;
  sessions: { get(id: string): Promise<Session> };
  events: EventHub;
  /** Stops a generation by id (a stopped answer is still saved as its turn). */
  stopGeneration: (generationId: string) => void;
}

interface Loop {
  sessionId: string;
  stopped: boolean;
  generationId: string | null;
}

type Input = Parameters<WorkbenchHandlers['fixUntilAccepted']>[0];
type Ended = Pick<FixProgress, 'end' | 'message' | 'passed' | 'total'>;

/**
 * Fix until accepted, in core so it goes on whether or not a window watches:
 * judge the code as it is; then, while a test fails and rounds are left, a
 * fix turn (the first failure as feedback, through the fix template), its
 * code into the session (the code it replaces kept as a version), judged
 * again. Every turn and verdict is saved as if the user had clicked each step.
 */
export class FixLoopService {
  readonly handlers: FixLoopHandlers;
  readonly #loops = new Map<string, Loop>();

  constructor(private readonly deps: FixLoopDeps) {
    this.handlers = {
      fixUntilAccepted: async (input) => ({ loopId: this.start(input) }),
      stopFix: async ({ loopId }) => ({ stopped: this.stop(loopId) }),
    };
  }

  start(input: Input): string {
    for (const loop of this.#loops.values()) {
      if (loop.sessionId === input.id) throw new WorkbenchError('UnavailableError', 'busy', 'Fix until accepted is already running on this session: wait for it, or stop it.');
    }
    const loopId = `f${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    const loop: Loop = { sessionId: input.id, stopped: false, generationId: null };
    this.#loops.set(loopId, loop);
    const rounds = input.rounds ?? 3;
    const emit = (progress: Omit<FixProgress, 'sessionId' | 'loopId' | 'rounds'>) => this.deps.events.emit('fixProgress', { sessionId: input.id, loopId, rounds, ...progress });
    let round = 0;
    void this.#run(input, loop, rounds, (r, p) => {
      round = r;
      emit({ round: r, ...p });
    })
      .catch((err: unknown): Ended => ({ end: 'failed', message: err instanceof Error ? err.message : String(err) }))
      .then((ended) => emit({ round, phase: 'ended', ...ended }))
      .finally(() => this.#loops.delete(loopId));
    return loopId;
  }

  stop(loopId: string): boolean {
    const loop = this.#loops.get(loopId);
    if (!loop) return false;
    loop.stopped = true;
    if (loop.generationId) this.deps.stopGeneration(loop.generationId);
    return true;
  }

  stopAll(): void {
    for (const loopId of [...this.#loops.keys()]) this.stop(loopId);
  }

  async #run(input: Input, loop: Loop, rounds: number, progress: (round: number, p: Omit<FixProgress, 'sessionId' | 'loopId' | 'rounds' | 'round'>) => void): Promise<Ended> {
    const { workspace } = this.deps;
    progress(0, { phase: 'judging' });
    let report = await workspace.judgeSession(input.id);
    const counts = () => ({ passed: report.tests.filter((t) => t.verdict === 'AC').length, total: report.tests.length });
    for (let round = 1; ; round++) {
      if (report.verdict === 'AC') return { end: 'accepted', ...counts() };
      if (loop.stopped) return { end: 'stopped', message: 'Stopped.', ...counts() };
      if (round > rounds) return { end: 'out_of_rounds', message: `Still failing after ${rounds} round${rounds === 1 ? '' : 's'}.`, ...counts() };
      const { turnId, generationId } = await workspace.ask({ id: input.id, kind: 'fix', ...(input.templateId ? { templateId: input.templateId } : {}) });
      loop.generationId = generationId;
      // Sent once the answer is in progress, so a window told of it can show it streaming.
      progress(round, { phase: 'answering', ...counts() });
      // A Stop that came while the turn was being started.
      if (loop.stopped) this.deps.stopGeneration(generationId);
      await workspace.answerSaved(input.id);
      loop.generationId = null;
      if (loop.stopped) return { end: 'stopped', message: 'Stopped.', ...counts() };
      const session = await this.deps.sessions.get(input.id);
      const turn = session.thread.find((t) => t.id === turnId);
      const version = session.codeHistory.find((v) => v.id === turn?.codeVersion);
      if (!turn || turn.error) return { end: 'failed', message: turn?.error ?? 'The answer was not saved.', ...counts() };
      if (!version) return { end: 'no_code', message: `The answer of round ${round} has no code block to judge.`, ...counts() };
      await workspace.change(input.id, (current) => applyChanges(current, { code: version.code, codeSource: 'model' }));
      progress(round, { phase: 'judging', ...counts() });
      report = await workspace.judgeSession(input.id);
    }
  }
}
