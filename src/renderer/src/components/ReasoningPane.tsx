import { useEffect, useState, type ReactNode } from 'react';
import type { GenerationStats } from '../../../shared/generation';
import { formatSeconds } from '../format';
import type { GenerationView } from '../state/use-generation';

interface ReasoningPaneProps {
  fontSize: number;
  generation: GenerationView | null;
  /** Shown instead of the empty state when there is no model at all. */
  firstRun: ReactNode | null;
  onStop: () => void;
}

const stopWords: Record<GenerationStats['stopReason'], string> = {
  end: 'finished',
  maxTokens: 'max tokens reached',
  stopped: 'stopped by you',
  contextFull: 'context full',
  repetition: 'stopped: the model was repeating itself',
  error: 'error',
};

/** The model's reasoning (collapsible, live) and its answer. Plain text here; rich rendering comes with the reasoning view. */
export function ReasoningPane({ fontSize, generation: g, firstRun, onStop }: ReasoningPaneProps) {
  const now = useTicker(g?.running === true);
  return (
    <section className="pane reasoning-pane" aria-label="Reasoning">
      <header className="pane-header">
        <h2>Reasoning &amp; answer</h2>
        {g && (
          <span className="hint" data-testid="generation-progress">
            {g.completionTokens.toLocaleString()} tokens · {formatSeconds(((g.result ? g.startedAt + g.result.stats.durationMs : now) - g.startedAt) / 1000)}
          </span>
        )}
      </header>
      <div className="pane-body reasoning-body" style={{ fontSize }}>
        {!g &&
          (firstRun ?? (
            <div className="empty-state">
              <div className="empty-mark" aria-hidden="true">
                ∑
              </div>
              <p className="empty-title">Nothing to show yet</p>
              <p>VibeThinker's step-by-step reasoning and its final answer will stream here.</p>
            </div>
          ))}
        {g && (
          <>
            {g.repetition && (
              <div className="notice warn" role="alert">
                The model is repeating itself{g.repetition.stopped ? ' and was stopped.' : '.'}
                {!g.repetition.stopped && g.running && (
                  <button type="button" onClick={onStop}>
                    Stop it
                  </button>
                )}
              </div>
            )}
            {(g.reasoning !== '' || (g.running && g.answer === '')) && (
              <details className="reasoning-block" open data-testid="reasoning">
                <summary>Reasoning{g.running && g.answer === '' ? ' (thinking…)' : ''}</summary>
                <div className="stream-text">{g.reasoning}</div>
              </details>
            )}
            {g.answer !== '' && (
              <div className="answer-block" data-testid="answer">
                <h3>Answer</h3>
                <div className="stream-text">{g.answer}</div>
              </div>
            )}
            {g.result?.boxed && (
              <div className="final-answer" data-testid="final-answer">
                Final answer: <strong>{g.result.boxed}</strong>
              </div>
            )}
            {g.error && (
              <div className="notice error" role="alert">
                {g.error}
              </div>
            )}
            {g.result && (
              <p className="stats" data-testid="generation-stats">
                {g.result.stats.promptTokens} prompt + {g.result.stats.completionTokens} completion tokens · {g.result.stats.tokensPerSecond.toFixed(1)} tok/s · first token{' '}
                {g.result.stats.timeToFirstTokenMs === null ? '–' : `${Math.round(g.result.stats.timeToFirstTokenMs)} ms`} · {stopWords[g.result.stats.stopReason]}
                {g.result.droppedTurns > 0 && ` · ${g.result.droppedTurns} earlier turn(s) dropped to fit the context`}
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}

/** The current time, refreshed twice a second while `active`. */
function useTicker(active: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
