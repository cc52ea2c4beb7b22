import { createContext, useContext, useSyncExternalStore } from 'react';
import type { WorkspaceState, WorkspaceStore } from './workspace-store';

const WorkspaceContext = createContext<WorkspaceStore | null>(null);

/** Puts the one workspace store in reach of every view below it. */
export const WorkspaceProvider = WorkspaceContext.Provider;

export function useWorkspaceStore(): WorkspaceStore {
  const store = useContext(WorkspaceContext);
  if (!store) throw new Error('useWorkspaceStore needs a WorkspaceProvider above it.');
  return store;
}

/**
 * One field of the workspace state; the view re-renders when that field
 * changes (the store replaces a field's object whenever it changes, so
 * reference equality is the right test).
 */
export function useWorkspace<K extends keyof WorkspaceState>(key: K): WorkspaceState[K] {
  const store = useWorkspaceStore();
  return useSyncExternalStore(store.subscribe, () => store.getState()[key]);
}
