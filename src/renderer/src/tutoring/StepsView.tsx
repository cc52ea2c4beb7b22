import { useEffect, useMemo, useRef, useState } from 'react';
import { StaticMarkdown } from '../markdown/StaticMarkdown';
import { useT } from '../i18n/use-t';
import { splitSteps } from './steps';

export interface Step {
  part: 'reasoning' | 'answer';
  text: string;
}

/** The steps of a solution: the worked answer's, with the reasoning's before them only when asked for. */
export function useSteps(reasoning: string, answer: string, withReasoning: boolean): Step[] {
  return useMemo(
    () => [...(withReasoning ? splitSteps(reasoning).map((text) => ({ part: 'reasoning' as const, text })) : []), ...splitSteps(answer).map((text) => ({ part: 'answer' as const, text }))],
    [reasoning, answer, withReasoning],
  );
}

/** Steps revealed so far, with the keys that reveal more; progress starts again for another solution. */
export function useStepProgress(steps: Step[], enabled: boolean): number {
  const [progress, setProgress] = useState({ steps, shown: 1 });
  const shown = progress.steps === steps ? progress.shown : 1;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      // Space on a focused toolbar button presses it; it does not also reveal a step.
      if (target?.tagName === 'BUTTON' && e.key === ' ') return;
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
  }, [enabled, steps]);
  return shown;
}

/**
 * The revealed steps, each its own block; the newest is brought into view (on a screenshare nothing must happen
 * below the fold) and marked for a moment.
 */
export function StepsView({ steps, shown }: { steps: Step[]; shown: number }) {
  const t = useT();
  const latest = useRef<HTMLDivElement>(null);
  useEffect(() => {
    latest.current?.scrollIntoView({ block: 'nearest', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }, [shown, steps]);
  const visible = steps.slice(0, shown);
  const firstAnswer = visible.findIndex((s) => s.part === 'answer');
  return (
    <div className="steps-scroll" data-testid="steps">
      {visible.map((step, i) => (
        <div key={i} ref={i === shown - 1 ? latest : undefined} className={i === shown - 1 ? 'step latest' : 'step'} data-step={i + 1} data-part={step.part}>
          {i === 0 && step.part === 'reasoning' && <h2>{t('common.reasoning')}</h2>}
          {i === firstAnswer && <h2>{t('common.answer')}</h2>}
          <StaticMarkdown text={step.text} testId={step.part === 'reasoning' ? 'steps-reasoning' : 'steps-answer'} />
        </div>
      ))}
    </div>
  );
}
