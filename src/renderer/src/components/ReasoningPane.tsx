import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { GenerationStats } from '../../../shared/generation';
import { editorBridge } from '../editor/editor-bridge';
import { formatSeconds } from '../format';
import { MarkdownStream } from '../markdown/MarkdownStream';
import type { GenerationView } from '../state/use-generation';
import { FinalAnswer } from './FinalAnswer';

interface ReasoningPaneProps {
  fontSize: number;
  generation: GenerationView | null;
  /** Shown instead of the empty state when there is no model at all. */
  firstRun: ReactNode | null;
  onStop: () => void;
  /** Whether the reasoning section is unfolded (remembered with the window's layout). */
  reasoningOpen: boolean;
  onReasoningToggle: (open: boolean) => void;
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

/** The model's reasoning (collapsible, live) and its answer, as Markdown with math. */
export function ReasoningPane({ fontSize, generation: g, firstRun, onStop, reasoningOpen, onReasoningToggle, onRetry }: ReasoningPaneProps) {
  const now = useTicker(g?.running === true);
  const [toast, setToast] = useState<string | null>(null);

  const copy = useCallback((text: string, what: string) => {
    navigator.clipboard?.writeText(text).then(
      () => setToast(`${what} copied`),
      () => setToast('Copying is not allowed here'),
    );
  }, []);
  const hooks = useMemo(
    () => ({
      onOpenCode: (code: string, language: string) => editorBridge.open(code, language),
      onCopyTex: (tex: string) => copy(tex, 'LaTeX'),
    }),
    [copy],
  );
  const onCopyTex = hooks.onCopyTex;

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 1500);
    return () => clearTimeout(timer);
  }, [toast]);

  // Following the stream is done by the browser (CSS scroll anchoring on the sentinel at the end,
  // see .scroll-anchor): it keeps the end in view while the reader is there, lets go when they
  // scroll up, and picks up again when they return, without forcing a layout from script.
  const answerText = g?.result?.answer ?? null;
  const thinking = g !== null && g.running && g.answer.length === 0;
  return (
    <section className="pane reasoning-pane" aria-label="Reasoning">
      <header className="pane-header">
        <h2>Reasoning &amp; answer</h2>
        {g && (
          <span className="hint" data-testid="generation-progress">
            {g.completionTokens.toLocaleString()} tokens · {formatSeconds(((g.result ? g.startedAt + g.result.stats.durationMs : now) - g.startedAt) / 1000)}
          </span>
        )}
        {toast && (
          <span className="toast" role="status">
            {toast}
          </span>
        )}
      </header>
      <div className="pane-body reasoning-body" style={{ fontSize }} data-testid="reasoning-scroll">
        {!g &&
          (firstRun ?? (
            <div className="empty-state">
              <div className="empty-mark" aria-hidden="true">
                ∑
              </div>
              <p className="empty-title">Nothing to show yet</p>
              <p>VibeThinker's step-by-step reasoning and its final answer will stream here, with math rendered as you read.</p>
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
            <details
              className="reasoning-block"
              open={reasoningOpen}
              onToggle={(e) => {
                if (e.currentTarget.open !== reasoningOpen) onReasoningToggle(e.currentTarget.open);
              }}
              data-testid="reasoning"
              hidden={g.reasoning.length === 0 && !thinking && (g.result?.reasoning ?? '') === ''}>
              <summary>
                Reasoning{thinking ? ' (thinking…)' : ''} · {g.completionTokens.toLocaleString()} tokens
              </summary>
              <MarkdownStream stream={g.reasoning} version={g.version} finalText={g.result ? g.result.reasoning : null} hooks={hooks} className="markdown" testId="reasoning-text" />
            </details>
            <div className="answer-block" data-testid="answer" hidden={g.answer.length === 0 && !answerText}>
              <div className="answer-header">
                <h3>Answer</h3>
                {answerText && (
                  <button type="button" className="link-button" onClick={() => copy(answerText, 'Answer')}>
                    Copy as Markdown
                  </button>
                )}
              </div>
              <MarkdownStream stream={g.answer} version={g.version} finalText={answerText} hooks={hooks} className="markdown" testId="answer-text" />
            </div>
            {g.result?.boxed && <FinalAnswer tex={g.result.boxed} onCopyTex={onCopyTex} />}
            {g.error && (
              <div className="notice error" role="alert">
                {g.error}
                {g.result?.retryable && !g.running && onRetry && (
                  <button type="button" className="retry" onClick={onRetry}>
                    Retry
                  </button>
                )}
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
        <div className="scroll-anchor" aria-hidden="true" />
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
