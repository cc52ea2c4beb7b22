import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Layout } from '../state/use-layout';
import type { WorkspaceStore } from '../workspace/workspace-store';

/**
 * The open session is remembered with the layout and comes back when the app starts; returns its id. Until the
 * remembered session has been tried, the layout keeps its id (an empty first paint must not clear it).
 */
export function useReopenSession(store: WorkspaceStore, layout: Layout, updateLayout: (change: Partial<Layout>) => void): string | null {
  const session = useSyncExternalStore(store.subscribe, () => store.getState().session);
  const sessionId = session?.id ?? null;
  const reopened = useRef(false);
  useEffect(() => {
    const id = layout.sessionId;
    if (!id) {
      reopened.current = true;
      return;
    }
    // After the first paint, so the editor is there to receive the code.
    const timer = setTimeout(() => {
      void store
        .open(id)
        .catch(() => updateLayout({ sessionId: null }))
        .finally(() => {
          reopened.current = true;
        });
    }, 0);
    return () => clearTimeout(timer);
    // Once, at start: later layout changes come from here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  useEffect(() => {
    if (sessionId || reopened.current) updateLayout({ sessionId });
  }, [sessionId, updateLayout]);
  return sessionId;
}
