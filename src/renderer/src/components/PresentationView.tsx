import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Ellipsis, X } from 'lucide-react';
import { StaticMarkdown } from '../markdown/StaticMarkdown';
import type { AnswerView } from '../workspace/live-answer';
import type { Layout } from '../state/use-layout';
import { presentationScales } from '../state/use-layout';
import { useT } from '../i18n/use-t';
import { StepsView, useStepProgress, useSteps } from '../tutoring/StepsView';
import { ReplayControls } from '../tutoring/ReplayControls';
import { DrawTools } from '../tutoring/DrawTools';
import { AnnotationLayer } from '../tutoring/AnnotationLayer';
import type { DrawColor, DrawTool } from '../tutoring/strokes';
import type { ReplayState } from '../tutoring/replay';
import '../tutoring/tutoring.css';
import '../tutoring/presentation.css';
import { Button } from '../ui/Button';
import { phoneQuery, useMediaQuery } from '../layout/use-media-query';

export interface ReplayHandle {
  state: ReplayState | null;
  canReplay: boolean;
  play: (tokensPerSecond: number) => void;
  pause: () => void;
  resume: () => void;
  stop: () => void;
  setSpeed: (tokensPerSecond: number) => void;
}

interface PresentationViewProps {
  statement: string;
  generation: AnswerView | null;
  layout: Layout;
  onLayout: (change: Partial<Layout>) => void;
  /** The replayed answer streams in the live pane (the same one the model writes to). */
  answerPane: React.ReactNode;
  replay: ReplayHandle;
  /** The answer drawn on: the same saved answer whether it is shown whole or replayed (a new one clears the drawing). */
  drawingKey: string;
}

/**
 * Tutoring over a screenshare: the problem and the worked solution side by side in large type, chrome hidden.
 * "Steps" reveals the worked answer a paragraph or display formula at a time (the reasoning too when asked), each
 * brought into view; "Replay" plays a saved answer back as if it were streaming; the pen, highlighter and eraser
 * draw over the solution, and what is drawn moves with the text under it.
 *
 * On a phone the toolbar keeps to two rows: the tools used less while teaching (`bar-extra`: text size, contrast,
 * reasoning, replay speed, colours, Clear, Hide paths) fold behind More, a disclosure button (Escape closes it and
 * brings the focus back to it), and Exit is its icon alone. Wider, More is not shown and every tool is in the row.
 */
export function PresentationView({ statement, generation, layout, onLayout, answerPane, replay, drawingKey }: PresentationViewProps) {
  const [speed, setSpeed] = useState(60);
  const [tool, setTool] = useState<DrawTool | null>(null);
  const [color, setColor] = useState<DrawColor>('red');
  const [strokes, setStrokes] = useState(0);
  const [drawing, setDrawing] = useState(0);
  const [moreWanted, setMoreWanted] = useState(false);
  // More exists on a phone only: wider, every tool is in the row and nothing is folded (or "open").
  const phone = useMediaQuery(phoneQuery);
  const moreOpen = moreWanted && phone;
  const more = useRef<HTMLButtonElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const focusFolded = useRef(false);
  const t = useT();
  const toggleMore = () => {
    focusFolded.current = !moreOpen;
    setMoreWanted(!moreOpen);
  };
  // The folded tools come before More in the bar: once they show, the focus goes to the first, or Tab from More
  // would pass them by.
  useEffect(() => {
    if (!moreOpen || !focusFolded.current) return;
    focusFolded.current = false;
    bar.current?.querySelector<HTMLElement>(':is(button, input).bar-extra, .bar-extra :is(button, input)')?.focus();
  }, [moreOpen]);
  const closeMore = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !moreOpen) return;
    e.stopPropagation();
    setMoreWanted(false);
    more.current?.focus();
  };
  const steps = useSteps(generation?.result?.reasoning ?? '', generation?.result?.answer ?? '', layout.presentReasoning);
  const shown = useStepProgress(steps, layout.steps);
  const clear = useCallback(() => setDrawing((n) => n + 1), []);
  const speedTo = (next: number) => {
    setSpeed(next);
    replay.setSpeed(next);
  };

  return (
    <div className="presentation" data-scale={layout.presentScale} data-contrast={layout.contrast || undefined} data-testid="presentation">
      <div ref={bar} className="presentation-bar" role="toolbar" aria-label={t('present.toolbar')} data-more-open={moreOpen || undefined} onKeyDown={closeMore}>
        <span className="bar-group bar-extra" role="group" aria-label={t('present.textSize')}>
          {presentationScales.map((scale) => (
            <Button key={scale} type="button" aria-pressed={layout.presentScale === scale} onClick={() => onLayout({ presentScale: scale })}>
              {scale}
            </Button>
          ))}
        </span>
        <Button className="bar-extra" aria-pressed={layout.contrast} onClick={() => onLayout({ contrast: !layout.contrast })}>
          {t('present.highContrast')}
        </Button>
        <Button className="bar-extra" aria-pressed={layout.presentReasoning} onClick={() => onLayout({ presentReasoning: !layout.presentReasoning })} title={t('present.reasoningTitle')}>
          {t('common.reasoning')}
        </Button>
        <Button aria-pressed={layout.steps} onClick={() => onLayout({ steps: !layout.steps })} disabled={steps.length === 0}>
          {t('present.steps')}
        </Button>
        {layout.steps && steps.length > 0 && (
          <span className="step-counter" data-testid="step-counter" aria-live="polite">
            {t('present.stepCounter', { shown, total: steps.length })}
            <span aria-hidden="true"> · ← →</span>
          </span>
        )}
        <ReplayControls state={replay.state} canReplay={replay.canReplay} speed={speed} onSpeed={speedTo} onPlay={() => replay.play(speed)} onPause={replay.pause} onResume={replay.resume} onStop={replay.stop} />
        <DrawTools tool={tool} color={color} strokes={strokes} onTool={setTool} onColor={setColor} onClear={clear} />
        <Button className="bar-extra" aria-pressed={layout.privacy} onClick={() => onLayout({ privacy: !layout.privacy })} title={t('present.hidePathsTitle')}>
          {t('present.hidePaths')}
        </Button>
        <Button ref={more} className="presentation-more" icon={Ellipsis} aria-expanded={moreOpen} title={t('present.moreTitle')} onClick={toggleMore}>
          {t('present.more')}
        </Button>
        {/* On a phone only its icon shows (the words would take a row of their own); its name stays the words. */}
        <Button className="exit-presentation" icon={X} aria-label={t('present.exit')} title={t('present.exit')} onClick={() => onLayout({ presentation: false })}>
          <span className="bar-label">{t('present.exit')}</span>
        </Button>
      </div>
      <div className="presentation-columns">
        <section className="presentation-problem" aria-label={t('problem.statement')}>
          <h2>{t('common.problem')}</h2>
          {statement.trim() ? <StaticMarkdown text={statement} testId="presentation-statement" /> : <p className="hint">{t('present.noStatement')}</p>}
        </section>
        <section className="presentation-solution" aria-label={t('present.solution')}>
          {layout.steps && steps.length > 0 ? <StepsView steps={steps} shown={shown} /> : answerPane}
          {/* A new answer, or Clear: a fresh layer. */}
          <AnnotationLayer key={`${drawingKey}-${drawing}`} tool={tool} color={color} onCount={setStrokes} />
        </section>
      </div>
    </div>
  );
}
