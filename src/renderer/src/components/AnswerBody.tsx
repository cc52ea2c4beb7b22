import { useState } from 'react';
import type { GenerationResult, GenerationStats } from '../../../shared/generation';
import { MarkdownStream } from '../markdown/MarkdownStream';
import type { RenderHooks } from '../markdown/render-block';
import type { AnswerView } from '../workspace/live-answer';
import { FinalAnswer } from './FinalAnswer';

interface AnswerBodyProps {
  view: AnswerView;
  hooks: RenderHooks & { onCopyTex: (tex: string) => void };
  reasoningOpen: boolean;
  onReasoningToggle: (open: boolean) => void;
  onStop: () => void;
  /** Offered beside Stop when the model repeats itself while reasoning (absent: not offered). */
  onAnswerNow?: () => void;
  onCopyAnswer: (text: string) => void;
  /** Shown with an error that retrying can fix (a busy or failing remote server). */
  onRetry?: () => void;
}

const stopWords: Record<GenerationStats['stopReason'], string> = {
  end: 'finished',
  maxTokens: 'max tokens reached',
  stopped: 'stopped by you',
  contextFull: 'context full',
  repetition: 'stopped: the model was repeating itself',
  error: 'error',
};

/** Said when a generation ended inside `<think>`: its text stays reasoning and there is no answer. */
const cutWords: Record<GenerationStats['stopReason'], string> = {
  end: 'The model ended its turn inside the reasoning',
  maxTokens: 'Max tokens reached during the reasoning',
  stopped: 'Stopped during the reasoning',
  contextFull: 'The context filled up during the reasoning',
  repetition: 'Stopped during the reasoning (the model was repeating itself)',
  error: 'The generation failed during the reasoning',
};

/** Advice for an answer that ended because there was no room left. */
const roomAdvice: Partial<Record<GenerationStats['stopReason'], string>> = {
  contextFull: 'The loaded context is full. Load the model with a larger context (Models ▸ Settings), or lower Max tokens.',
  maxTokens: 'Max tokens was reached. Raise Max tokens to let the model finish.',
};

/** The reasoning never closed; results saved before `reasoningState` existed say so by text alone. */
const reasoningCut = (r: GenerationResult) => r.reasoningState === 'open' || (r.reasoningState === undefined && r.answer === '' && r.reasoning !== '');

/** One answer: its reasoning (foldable, live), the answer as Markdown with math, the boxed result and the stats. */
export function AnswerBody({ view: g, hooks, reasoningOpen, onReasoningToggle, onStop, onAnswerNow, onCopyAnswer, onRetry }: AnswerBodyProps) {
  // Folded reasoning of a saved turn is rendered when first unfolded: a long session opens without
  // rendering every earlier turn's 40k-token reasoning nobody asked to see.
  const [everOpen, setEverOpen] = useState(false);
  const answerText = g.result?.answer ?? null;
  const thinking = g.running && g.answer.length === 0;
  const cut = g.result ? reasoningCut(g.result) : false;
  const advice = g.result ? roomAdvice[g.result.stats.stopReason] : undefined;
  return (
    <>
      {g.repetition && (
        <div className="notice warn" role="alert">
          The model is repeating itself{g.repetition.stopped ? ' and was stopped.' : '.'}
          {!g.repetition.stopped && g.running && thinking && onAnswerNow && (
            <button type="button" onClick={onAnswerNow}>
              Answer now
            </button>
          )}
          {!g.repetition.stopped && g.running && (
            <button type="button" onClick={onStop}>
              Stop it
            </button>
          )}
        </div>
      )}
      <details
        className="reasoning-block"
        open={reasoningOpen}
        onToggle={(e) => {
          // Opened by the reader (the layout had it folded), not the layout's own open: keep it rendered.
          if (e.currentTarget.open && !reasoningOpen) setEverOpen(true);
          if (e.currentTarget.open !== reasoningOpen) onReasoningToggle(e.currentTarget.open);
        }}
        data-testid="reasoning"
        hidden={g.reasoning.length === 0 && !thinking && (g.result?.reasoning ?? '') === ''}
      >
        <summary>
          Reasoning{thinking ? ' (thinking…)' : cut ? ' (cut off)' : ''} · {g.completionTokens.toLocaleString()} tokens
        </summary>
        {(reasoningOpen || everOpen || g.running) && (
          <MarkdownStream stream={g.reasoning} version={g.version} finalText={g.result ? g.result.reasoning : null} hooks={hooks} className="markdown" testId="reasoning-text" />
        )}
      </details>
      {cut && g.result && (
        <p className="notice warn" role="status" data-testid="reasoning-cut">
          {cutWords[g.result.stats.stopReason]}: there is no answer yet. The reasoning so far is kept above.
        </p>
      )}
      <div className="answer-block" data-testid="answer" hidden={g.answer.length === 0 && !answerText}>
        <div className="answer-header">
          <h3>Answer</h3>
          {answerText && (
            <button type="button" className="link-button" onClick={() => onCopyAnswer(answerText)}>
              Copy as Markdown
            </button>
          )}
        </div>
        <MarkdownStream stream={g.answer} version={g.version} finalText={answerText} hooks={hooks} className="markdown" testId="answer-text" />
      </div>
      {g.result?.boxed && <FinalAnswer tex={g.result.boxed} onCopyTex={hooks.onCopyTex} />}
      {g.error && (
        <div className="notice error" role="alert">
          {g.error}
          {/* Saved turns do not record whether an error can be retried: they offer it, and asking again says. */}
          {(g.result?.retryable ?? true) && !g.running && onRetry && (
            <button type="button" className="retry" onClick={onRetry}>
              Retry
            </button>
          )}
        </div>
      )}
      {advice && (
        <p className="notice warn" role="status" data-testid="room-advice">
          {advice}
        </p>
      )}
      {g.result && (
        <p className="stats" data-testid="generation-stats">
          {g.result.stats.promptTokens} prompt + {g.result.stats.completionTokens} completion tokens · {g.result.stats.tokensPerSecond.toFixed(1)} tok/s · first token{' '}
          {g.result.stats.timeToFirstTokenMs === null ? '–' : `${Math.round(g.result.stats.timeToFirstTokenMs)} ms`} · {stopWords[g.result.stats.stopReason]}
          {g.result.droppedTurns > 0 && ` · ${g.result.droppedTurns} earlier turn(s) left out to fit the context`}
          {g.result.reasoningCut && (
            <span data-testid="reasoning-cut-note">
              {' '}
              · reasoning closed at {g.result.reasoningCut.atTokens.toLocaleString()} tokens {g.result.reasoningCut.by === 'budget' ? 'by the reasoning budget' : 'by Answer now'}
            </span>
          )}
        </p>
      )}
    </>
  );
}
