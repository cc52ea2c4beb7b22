import { useEffect, useRef, useSyncExternalStore } from 'react';
import { notifyWhenAway } from '../commands/notify-when-away';
import type { WorkspaceStore } from '../workspace/workspace-store';
import type { Translator } from '../i18n/use-t';

/** A long answer that finishes while the user is elsewhere gets a desktop notification. */
/** (`t` comes from App, which renders the language provider and so sits above it.) */
export function useAnswerNotification(store: WorkspaceStore, t: Translator): void {
  const answering = useSyncExternalStore(store.subscribe, () => store.getState().live?.view.running === true);
  const startedAt = useRef<number | null>(null);
  useEffect(() => {
    if (answering && startedAt.current === null) startedAt.current = Date.now();
    if (!answering && startedAt.current !== null) {
      notifyWhenAway(startedAt.current, t('notify.answerTitle'), t('notify.answerBody'));
      startedAt.current = null;
    }
  }, [answering, t]);
}
