import { useState } from 'react';
import type { GenerationResult, GenerationStats } from '../../../shared/generation';
import { MarkdownStream } from '../markdown/MarkdownStream';
import type { RenderHooks } from '../markdown/render-block';
import type { AnswerView } from '../workspace/live-answer';
import { FinalAnswer } from './FinalAnswer';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/translate';
import { Notice } from '../ui/Notice';
import { Button } from '../ui/Button';

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

type StopReason = GenerationStats['stopReason'];

/** How the stats line names each way a generation ends. */
const stopWords = { end: 'stop.end', maxTokens: 'stop.maxTokens', stopped: 'stop.stopped', contextFull: 'stop.contextFull', repetition: 'stop.repetition', error: 'stop.error' } as const satisfies Record<StopReason, MessageKey>;

/** Said when a generation ended inside `<think>`: its text stays reasoning and there is no answer. */
const cutWords = { end: 'cut.end', maxTokens: 'cut.maxTokens', stopped: 'cut.stopped', contextFull: 'cut.contextFull', repetition: 'cut.repetition', error: 'cut.error' } as const satisfies Record<StopReason, MessageKey>;

/** Advice for an answer that ended because there was no room left. */
const roomAdvice: Partial<Record<StopReason, 'advice.contextFull' | 'advice.maxTokens'>> = { contextFull: 'advice.contextFull', maxTokens: 'advice.maxTokens' };

/** The reasoning never closed; results saved before `reasoningState` existed say so by text alone. */
const reasoningCut = (r: GenerationResult) => r.reasoningState === 'open' || (r.reasoningState === undefined && r.answer === '' && r.reasoning !== '');

/** One answer: its reasoning (foldable, live), the answer as Markdown with math, the boxed result and the stats. */
export function AnswerBody({ view: g, hooks, reasoningOpen, onReasoningToggle, onStop, onAnswerNow, onCopyAnswer, onRetry }: AnswerBodyProps) {
  // Folded reasoning of a saved turn is rendered when first unfolded: a long session opens without
  // rendering every earlier turn's 40k-token reasoning nobody asked to see.
  const [everOpen, setEverOpen] = useState(false);
  const t = useT();
  const answerText = g.result?.answer ?? null;
  const thinking = g.running && g.answer.length === 0;
  const cut = g.result ? reasoningCut(g.result) : false;
  const advice = g.result ? roomAdvice[g.result.stats.stopReason] : undefined;
  return (
    <>
      {g.repetition && (
        <Notice tone="warn" urgent>
          {t(g.repetition.stopped ? 'answer.repeatingStopped' : 'answer.repeating')}
          {!g.repetition.stopped && g.running && thinking && onAnswerNow && (
            <Button onClick={onAnswerNow}>
              {t('common.answerNow')}
            </Button>
          )}
          {!g.repetition.stopped && g.running && (
            <Button onClick={onStop}>
              {t('answer.stopIt')}
            </Button>
          )}
        </Notice>
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
          {t(thinking ? 'answer.reasoningSummaryThinking' : cut ? 'answer.reasoningSummaryCut' : 'answer.reasoningSummary', { tokens: g.completionTokens.toLocaleString() })}
        </summary>
        {(reasoningOpen || everOpen || g.running) && (
          <MarkdownStream stream={g.reasoning} version={g.version} finalText={g.result ? g.result.reasoning : null} hooks={hooks} className="markdown" testId="reasoning-text" />
        )}
      </details>
      {cut && g.result && (
        <Notice tone="warn" testId="reasoning-cut">
          {t('answer.cutNotice', { reason: t(cutWords[g.result.stats.stopReason]) })}
        </Notice>
      )}
      <div className="answer-block" data-testid="answer" hidden={g.answer.length === 0 && !answerText}>
        <div className="answer-header">
          <h3>{t('common.answer')}</h3>
          {answerText && (
            <Button variant="link" onClick={() => onCopyAnswer(answerText)}>
              {t('answer.copyMarkdown')}
            </Button>
          )}
        </div>
        <MarkdownStream stream={g.answer} version={g.version} finalText={answerText} hooks={hooks} className="markdown" testId="answer-text" />
      </div>
      {g.result?.boxed && <FinalAnswer tex={g.result.boxed} onCopyTex={hooks.onCopyTex} />}
      {g.error && (
        <Notice tone="error">
          {g.error}
          {/* Saved turns do not record whether an error can be retried: they offer it, and asking again says. */}
          {(g.result?.retryable ?? true) && !g.running && onRetry && (
            <Button className="retry" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          )}
        </Notice>
      )}
      {advice && (
        <Notice tone="warn" testId="room-advice">
          {t(advice)}
        </Notice>
      )}
      {g.result && (
        <p className="stats" data-testid="generation-stats">
          {t('answer.stats', {
            prompt: g.result.stats.promptTokens,
            completion: g.result.stats.completionTokens,
            speed: g.result.stats.tokensPerSecond.toFixed(1),
            firstToken: g.result.stats.timeToFirstTokenMs === null ? '–' : t('common.ms', { ms: Math.round(g.result.stats.timeToFirstTokenMs) }),
            stop: t(stopWords[g.result.stats.stopReason]),
          })}
          {g.result.droppedTurns > 0 && ` · ${t('answer.droppedTurns', { count: g.result.droppedTurns })}`}
          {g.result.reasoningCut && (
            <span data-testid="reasoning-cut-note">
              {' · '}
              {t(g.result.reasoningCut.by === 'budget' ? 'answer.reasoningClosedByBudget' : 'answer.reasoningClosedByAnswerNow', { tokens: g.result.reasoningCut.atTokens.toLocaleString() })}
            </span>
          )}
        </p>
      )}
    </>
  );
}
