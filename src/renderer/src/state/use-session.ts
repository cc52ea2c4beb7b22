import { useCallback, useEffect, useRef, useState } from 'react';
import { sessionVersion, titleFromStatement, type Session } from '../../../shared/sessions';
import type { WorkbenchClient } from '../api/workbench-client';

/** Saves follow typing within this long; a stream of changes is still saved at least this often. */
export const saveDelayMs = 400;
export const maxSaveDelayMs = 1000;

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(16).slice(2, 8)}`;

export function blankSession(): Session {
  const now = new Date().toISOString();
  return {
    version: sessionVersion,
    id: newId(),
    title: 'Untitled session',
    createdAt: now,
    updatedAt: now,
    statement: '',
    problemId: null,
    templateId: null,
    sampling: null,
    turns: [],
    code: '',
    codeHistory: [],
    tests: [],
    lastReport: null,
    model: null,
  };
}

type Change = Partial<Session> | ((session: Session) => Partial<Session>);

/**
 * The open session: every change is applied here and saved in the
 * background, debounced (at most ~1 s behind the typing, see maxSaveDelayMs).
 * A session is created by the first change that `creates` one (a statement
 * typed, a question asked); changes before that (choosing a problem) wait.
 */
export function useSession(client: WorkbenchClient, onError: (message: string) => void) {
  const [session, setSession] = useState<Session | null>(null);
  const dirty = useRef(false);
  const latest = useRef<Session | null>(null);
  const firstPendingAt = useRef<number | null>(null);

  const save = useCallback(() => {
    const current = latest.current;
    firstPendingAt.current = null;
    if (!current || !dirty.current) return;
    dirty.current = false;
    client.saveSession(current).catch((err: unknown) => onError(`The session could not be saved: ${err instanceof Error ? err.message : String(err)}`));
  }, [client, onError]);

  useEffect(() => {
    latest.current = session;
    if (!session || !dirty.current) return;
    firstPendingAt.current ??= Date.now();
    const wait = Math.max(0, Math.min(saveDelayMs, firstPendingAt.current + maxSaveDelayMs - Date.now()));
    const timer = setTimeout(save, wait);
    return () => clearTimeout(timer);
  }, [session, save]);

  // Leaving the page (closing the window, reloading) saves what is pending.
  useEffect(() => {
    const flush = () => save();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [save]);

  const update = useCallback((change: Change, options: { create?: boolean } = {}) => {
    setSession((current) => {
      if (!current && !options.create) return current;
      const base = current ?? blankSession();
      const patch = typeof change === 'function' ? change(base) : change;
      // Nothing new (e.g. reopening put the same code back): no save.
      if (current && Object.entries(patch).every(([key, value]) => Object.is(current[key as keyof Session], value))) return current;
      const next = { ...base, ...patch };
      // The title follows the statement until the user renames the session.
      if (next.statement !== base.statement && (base.title === titleFromStatement(base.statement) || base.title === 'Untitled session')) {
        next.title = titleFromStatement(next.statement);
      }
      dirty.current = true;
      return next;
    });
  }, []);

  /** Opens a saved session (saving the current one first). */
  const open = useCallback(
    async (id: string): Promise<Session> => {
      save();
      const loaded = await client.getSession({ id });
      dirty.current = false;
      setSession(loaded);
      return loaded;
    },
    [client, save],
  );

  /** Starts afresh: the next statement or question makes a new session. */
  const close = useCallback(
    (options: { discard?: boolean } = {}) => {
      // A session being deleted must not be written back by its pending save.
      if (!options.discard) save();
      dirty.current = false;
      latest.current = null;
      setSession(null);
    },
    [save],
  );

  return { session, update, open, close };
}
