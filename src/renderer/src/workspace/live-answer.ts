import type { GenerationResult, GenerationStats } from '../../../shared/generation';
import { lastBoxed } from '../../../shared/boxed-answer';
import type { Turn } from '../../../shared/sessions';
import { TextStream } from '../markdown/text-stream';

/** An answer as the views show it: text streams appended in place, and the result once it ended. */
export interface AnswerView {
  id: string;
  /** Appended to in place as deltas arrive; `version` changes on every delta. */
  reasoning: TextStream;
  answer: TextStream;
  version: number;
  completionTokens: number;
  startedAt: number;
  running: boolean;
  result: GenerationResult | null;
  /** Set when the model was caught repeating itself. */
  repetition: { period: number; stopped: boolean } | null;
  error: string | null;
}

let counter = 0;
export const newGenerationId = () => `gen-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** A view that is about to stream. */
export function runningView(id: string): AnswerView {
  return { id, reasoning: new TextStream(), answer: new TextStream(), version: 0, completionTokens: 0, startedAt: performance.now(), running: true, result: null, repetition: null, error: null };
}

/** A saved turn as a finished view (the same components render saved and live answers). */
export function savedView(turn: Pick<Turn, 'id' | 'reasoning' | 'answer' | 'stats' | 'error' | 'droppedTurns' | 'reasoningCut'>): AnswerView {
  const reasoning = new TextStream();
  reasoning.append(turn.reasoning);
  const answer = new TextStream();
  answer.append(turn.answer);
  const stats: GenerationStats = turn.stats ?? { promptTokens: 0, completionTokens: 0, timeToFirstTokenMs: null, tokensPerSecond: 0, durationMs: 0, stopReason: 'end' };
  const reasoningState = turn.answer === '' && turn.reasoning !== '' ? 'open' : turn.reasoning === '' ? 'none' : 'closed';
  return {
    id: turn.id,
    reasoning,
    answer,
    version: 1,
    completionTokens: stats.completionTokens,
    startedAt: performance.now() - stats.durationMs,
    running: false,
    result: { id: turn.id, reasoning: turn.reasoning, answer: turn.answer, boxed: lastBoxed(turn.answer), droppedTurns: turn.droppedTurns, error: turn.error, stats, reasoningState, ...(turn.reasoningCut ? { reasoningCut: turn.reasoningCut } : {}) },
    repetition: null,
    error: turn.error,
  };
}

/** The next view after a delta: text appended in place, a new object so subscribers see the change. */
export function withDelta(view: AnswerView, delta: { reasoning: string; answer: string; completionTokens: number }): AnswerView {
  view.reasoning.append(delta.reasoning);
  view.answer.append(delta.answer);
  return { ...view, version: view.version + 1, completionTokens: delta.completionTokens };
}

export function withResult(view: AnswerView, result: GenerationResult): AnswerView {
  return { ...view, version: view.version + 1, completionTokens: result.stats.completionTokens, running: false, result, error: result.error };
}
