import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { Button } from '../../ui/Button';

/** What the API takes in one follow-up (far more than any context holds). */
const maxFollowUpChars = 1_000_000;

interface ReplyBoxProps {
  running: boolean;
  /** Why sending is not possible now (no model), or null. */
  blockedReason: string | null;
  /** Resolves true once the turn started. */
  onSend: (text: string) => Promise<boolean>;
}

/** A follow-up in the same conversation: the model sees the earlier turns; the statement stays the statement. */
export function ReplyBox({ running, blockedReason, onSend }: ReplyBoxProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const t = useT();
  const send = () => {
    const message = text.trim();
    if (!message || running || blockedReason) return;
    if (message.length > maxFollowUpChars) {
      setProblem(t('reply.tooLong', { length: message.length.toLocaleString(), max: maxFollowUpChars.toLocaleString() }));
      return;
    }
    setProblem(null);
    // The text stays in the box until the turn has started: a refused one (too long for the context) is not lost.
    void onSend(message).then((started) => {
      if (started) setText((current) => (current.trim() === message ? '' : current));
    });
  };
  return (
    <div className="reply-box" data-testid="reply-box">
      <textarea
        aria-label={t('reply.label')}
        placeholder={t('reply.placeholder')}
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            send();
          }
        }}
      />
      {/* Stop stays one button, by Ask: two would be two ways to do one thing. */}
      <Button variant="primary" disabled={!text.trim() || running || blockedReason !== null} title={running ? t('reply.waitTitle') : (blockedReason ?? t('common.ctrlEnter'))} onClick={send}>
        {t('reply.send')}
      </Button>
      {problem && (
        <p className="error-text reply-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
