import { useState } from 'react';
import type { TurnKind } from '../../../../shared/sessions';
import { AnswerBody } from '../../components/AnswerBody';
import type { RenderHooks } from '../../markdown/render-block';
import type { AnswerView } from '../../workspace/live-answer';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/translate';
import { Button } from '../../ui/Button';

interface TurnViewProps {
  index: number;
  kind: TurnKind;
  /** What was asked (a follow-up's text, the feedback sent); the question on the problem shows none. */
  text: string;
  view: AnswerView;
  /** The latest turn is unfolded as the layout says; earlier ones start folded. */
  latest: boolean;
  reasoningOpen: boolean;
  onReasoningToggle: (open: boolean) => void;
  hooks: RenderHooks & { onCopyTex: (tex: string) => void };
  onStop: () => void;
  onAnswerNow?: () => void;
  onCopyAnswer: (text: string) => void;
  /** Asks the same again (offered on a failed latest turn). */
  onRetry?: () => void;
  /** The code this answer produced, to put in the editor (null when it gave none). */
  code: string | null;
  onOpenCode: (code: string) => void;
  model: string | null;
}

const kindWords = { ask: 'turn.ask', followUp: 'turn.followUp', fix: 'turn.fix' } as const satisfies Record<TurnKind, MessageKey>;

/** One turn of the conversation: what was asked, and the answer with its reasoning and stats. */
export function TurnView({ index, kind, text, view, latest, reasoningOpen, onReasoningToggle, hooks, onStop, onAnswerNow, onCopyAnswer, onRetry, code, onOpenCode, model }: TurnViewProps) {
  // Earlier turns: folded reasoning by default, each with its own toggle (the layout remembers the latest's).
  const [earlierOpen, setEarlierOpen] = useState(false);
  const t = useT();
  return (
    <article className="turn" data-testid="turn" data-kind={kind} aria-label={t('turn.label', { kind: t(kindWords[kind]), number: index + 1 })}>
      <header className="turn-header">
        <span className="turn-kind">{t(kindWords[kind])}</span>
        {model && <span className="hint">{model}</span>}
        <span className="spacer" />
        {code && (
          <Button variant="link" onClick={() => onOpenCode(code)} data-testid="open-turn-code">
            {t('common.openThisCode')}
          </Button>
        )}
      </header>
      {kind !== 'ask' && text && (
        <details className="turn-asked" data-testid="turn-asked" open={kind === 'followUp'}>
          <summary>{t(kind === 'fix' ? 'turn.feedbackSent' : 'turn.asked')}</summary>
          <p className="turn-text">{text}</p>
        </details>
      )}
      <AnswerBody
        view={view}
        hooks={hooks}
        reasoningOpen={latest ? reasoningOpen : earlierOpen}
        onReasoningToggle={latest ? onReasoningToggle : setEarlierOpen}
        onStop={onStop}
        {...(onAnswerNow ? { onAnswerNow } : {})}
        onCopyAnswer={onCopyAnswer}
        onRetry={onRetry}
      />
    </article>
  );
}
