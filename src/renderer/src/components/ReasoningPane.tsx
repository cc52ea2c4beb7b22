import type { ReactNode } from 'react';
import type { AnswerView } from '../workspace/live-answer';
import { AnswerBody } from './AnswerBody';
import { AnswerProgress } from './AnswerProgress';
import { useAnswerHooks } from './use-answer-hooks';
import { useFollowEnd } from './use-follow-end';
import { useT } from '../i18n/use-t';

interface ReasoningPaneProps {
  fontSize: number;
  view: AnswerView | null;
  /** Shown when there is no answer to show. */
  empty: ReactNode;
  onStop: () => void;
  /** Whether the reasoning section is unfolded (remembered with the window's layout). */
  reasoningOpen: boolean;
  onReasoningToggle: (open: boolean) => void;
  onOpenCode: (code: string) => void;
}

/** One answer in a pane of its own (presentation mode): its reasoning and answer, as Markdown with math. */
export function ReasoningPane({ fontSize, view: g, empty, onStop, reasoningOpen, onReasoningToggle, onOpenCode }: ReasoningPaneProps) {
  const { hooks, copy, toast } = useAnswerHooks(onOpenCode);
  const { ref, contentRef } = useFollowEnd<HTMLDivElement>(g?.id);
  const t = useT();
  return (
    <section className="pane reasoning-pane" aria-label={t('common.reasoning')}>
      <header className="pane-header">
        <h2>{t('present.reasoningAndAnswer')}</h2>
        {g && <AnswerProgress view={g} />}
        {toast && (
          <span className="toast" role="status">
            {toast}
          </span>
        )}
      </header>
      <div className="pane-body reasoning-body" style={{ fontSize }} data-testid="reasoning-scroll" ref={ref}>
        <div className="thread-content" ref={contentRef}>
          {g ? <AnswerBody view={g} hooks={hooks} reasoningOpen={reasoningOpen} onReasoningToggle={onReasoningToggle} onStop={onStop} onCopyAnswer={(text) => copy(text, 'answer')} /> : empty}
        </div>
      </div>
    </section>
  );
}
