import { useEffect, useState } from 'react';
import { useT, type Translator } from '../i18n/use-t';
import type { WorkspaceStore } from '../workspace/workspace-store';
import { announcementFor, type Announcement } from './announcements';

function spoken(t: Translator, a: Announcement): string {
  switch (a.kind) {
    case 'answerStarted':
      return t('announce.answerStarted');
    case 'answerFinished':
      return t('announce.answerFinished', { tokens: a.tokens.toLocaleString() });
    case 'answerStopped':
      return t('announce.answerStopped', { tokens: a.tokens.toLocaleString() });
    case 'answerFailed':
      return t('announce.answerFailed');
    case 'testsJudged':
      return t('announce.testsJudged', { passed: a.passed, total: a.total, verdict: a.verdict });
  }
}

/**
 * A polite live region, out of sight, that tells screen readers when an answer starts or ends and when tests have
 * been judged: the moments a sighted user notices from the corner of an eye.
 */
export function LiveAnnouncer({ store }: { store: WorkspaceStore }) {
  const t = useT();
  // The count makes the same words said twice (two runs with the same verdicts) a new message for screen readers.
  const [message, setMessage] = useState({ text: '', count: 0 });
  useEffect(() => {
    let before = store.getState();
    return store.subscribe(() => {
      const after = store.getState();
      const a = announcementFor(before, after);
      before = after;
      if (a) setMessage((m) => ({ text: spoken(t, a), count: m.count + 1 }));
    });
  }, [store, t]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="live-announcer">
      <span key={message.count}>{message.text}</span>
    </div>
  );
}
