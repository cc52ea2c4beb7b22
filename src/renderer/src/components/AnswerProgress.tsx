import { useEffect, useState } from 'react';
import { formatSeconds } from '../format';
import { useT } from '../i18n/use-t';
import type { AnswerView } from '../workspace/live-answer';

/**
 * "1,234 tokens · 12 s" for an answer: its own clock ticks twice a second
 * while the answer runs, so only this line re-renders, not the pane around it.
 */
export function AnswerProgress({ view }: { view: AnswerView }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!view.running) return;
    const timer = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(timer);
  }, [view.running]);
  const t = useT();
  const end = view.result ? view.startedAt + view.result.stats.durationMs : now;
  return (
    <span className="hint" data-testid="generation-progress">
      {t('answer.progress', { tokens: view.completionTokens.toLocaleString(), time: formatSeconds((end - view.startedAt) / 1000, t.language) })}
    </span>
  );
}
