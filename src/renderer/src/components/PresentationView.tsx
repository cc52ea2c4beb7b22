import { useEffect, useMemo, useState } from 'react';
import { StaticMarkdown } from '../markdown/StaticMarkdown';
import type { AnswerView } from '../workspace/live-answer';
import type { Layout } from '../state/use-layout';
import { presentationScales } from '../state/use-layout';
import { splitSteps } from '../tutoring/steps';

interface PresentationViewProps {
  statement: string;
  generation: AnswerView | null;
  layout: Layout;
  onLayout: (change: Partial<Layout>) => void;
  /** The replayed answer streams in the live pane (the same one the model writes to). */
  answerPane: React.ReactNode;
  onReplay: (charsPerSecond: number) => void;
  canReplay: boolean;
}

interface Step {
  part: 'reasoning' | 'answer';
  text: string;
}

/**
 * Tutoring over a screenshare: the problem and the worked solution side by
 * side in large type, chrome hidden. With "Steps" on, the solution is revealed
 * a paragraph or display formula at a time with the arrow keys; "Replay"
 * plays a saved answer back as if it were streaming.
 */
export function PresentationView({ statement, generation, layout, onLayout, answerPane, onReplay, canReplay }: PresentationViewProps) {
  const [speed, setSpeed] = useState(60);
  const reasoning = generation?.result?.reasoning ?? '';
  const answer = generation?.result?.answer ?? '';
  const steps = useMemo<Step[]>(
    () => [...splitSteps(reasoning).map((text) => ({ part: 'reasoning' as const, text })), ...splitSteps(answer).map((text) => ({ part: 'answer' as const, text }))],
    [reasoning, answer],
  );
  // Progress belongs to one solution: a different answer starts again at its first step.
  const [progress, setProgress] = useState({ steps, shown: 1 });
  const shown = progress.steps === steps ? progress.shown : 1;

  useEffect(() => {
    if (!layout.steps) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const forward = ['ArrowRight', 'ArrowDown', 'PageDown', ' '].includes(e.key);
      const back = ['ArrowLeft', 'ArrowUp', 'PageUp'].includes(e.key);
      if (!forward && !back && e.key !== 'Home' && e.key !== 'End') return;
      e.preventDefault();
      setProgress((p) => {
        const n = p.steps === steps ? p.shown : 1;
        if (e.key === 'Home') return { steps, shown: 1 };
        if (e.key === 'End') return { steps, shown: steps.length };
        return { steps, shown: Math.min(steps.length, Math.max(1, n + (forward ? 1 : -1))) };
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [layout.steps, steps]);

  const visible = steps.slice(0, shown);
  const visibleReasoning = visible.filter((s) => s.part === 'reasoning').map((s) => s.text).join('\n\n');
  const visibleAnswer = visible.filter((s) => s.part === 'answer').map((s) => s.text).join('\n\n');

  return (
    <div className="presentation" data-scale={layout.presentScale} data-contrast={layout.contrast || undefined} data-testid="presentation">
      <div className="presentation-bar" role="toolbar" aria-label="Presentation">
        <span className="bar-group" role="group" aria-label="Text size">
          {presentationScales.map((scale) => (
            <button key={scale} type="button" aria-pressed={layout.presentScale === scale} onClick={() => onLayout({ presentScale: scale })}>
              {scale}
            </button>
          ))}
        </span>
        <button type="button" aria-pressed={layout.contrast} onClick={() => onLayout({ contrast: !layout.contrast })}>
          High contrast
        </button>
        <button type="button" aria-pressed={layout.steps} onClick={() => onLayout({ steps: !layout.steps })} disabled={steps.length === 0}>
          Steps
        </button>
        {layout.steps && steps.length > 0 && (
          <span className="step-counter" data-testid="step-counter" aria-live="polite">
            Step {shown} / {steps.length} · ← →
          </span>
        )}
        <span className="bar-group">
          <button type="button" onClick={() => onReplay(speed * 4)} disabled={!canReplay}>
            Replay
          </button>
          <label>
            <span className="visually-hidden">Replay speed</span>
            <input type="range" min={5} max={400} step={5} value={speed} aria-label="Replay speed (tokens per second)" onChange={(e) => setSpeed(Number(e.target.value))} />
          </label>
          <span className="hint">{speed} tok/s</span>
        </span>
        <button type="button" aria-pressed={layout.privacy} onClick={() => onLayout({ privacy: !layout.privacy })} title="Hide file paths, the model's path and tokens">
          Hide paths
        </button>
        <button type="button" className="exit-presentation" onClick={() => onLayout({ presentation: false })}>
          Exit presentation
        </button>
      </div>
      <div className="presentation-columns">
        <section className="presentation-problem" aria-label="Problem statement">
          <h2>Problem</h2>
          {statement.trim() ? <StaticMarkdown text={statement} testId="presentation-statement" /> : <p className="hint">No statement.</p>}
        </section>
        <section className="presentation-solution" aria-label="Worked solution">
          {layout.steps && steps.length > 0 ? (
            <div data-testid="steps">
              {visibleReasoning && (
                <>
                  <h2>Reasoning</h2>
                  <StaticMarkdown text={visibleReasoning} testId="steps-reasoning" />
                </>
              )}
              {visibleAnswer && (
                <>
                  <h2>Answer</h2>
                  <StaticMarkdown text={visibleAnswer} testId="steps-answer" />
                </>
              )}
            </div>
          ) : (
            answerPane
          )}
        </section>
      </div>
    </div>
  );
}
