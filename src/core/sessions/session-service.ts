import type { WorkbenchHandlers } from '../../shared/api/contract';
import type { Session } from '../../shared/sessions';
import { announcer } from '../api/announce';
import type { EventHub } from '../api/event-hub';
import { sessionToHtml } from './export-html';
import { sessionToMarkdown } from './export-markdown';
import { SessionStore } from './session-store';

export type SessionHandlers = Pick<
  WorkbenchHandlers,
  'listSessions' | 'getSession' | 'saveSession' | 'renameSession' | 'duplicateSession' | 'deleteSession' | 'undoDeleteSession' | 'exportSession' | 'importSession'
>;

export type ExportFormat = 'markdown' | 'html' | 'json';

/** A file name from the title: letters, digits and dashes only. */
export function exportFileName(session: Session, format: ExportFormat): string {
  const base = session.title.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'session';
  return `${base}.${format === 'markdown' ? 'md' : format}`;
}

export function exportSession(session: Session, format: ExportFormat, includeReasoning: boolean): { fileName: string; mimeType: string; content: string } {
  const fileName = exportFileName(session, format);
  if (format === 'markdown') return { fileName, mimeType: 'text/markdown', content: sessionToMarkdown(session, { includeReasoning }) };
  if (format === 'html') return { fileName, mimeType: 'text/html', content: sessionToHtml(session, { includeReasoning }) };
  return { fileName, mimeType: 'application/json', content: `${JSON.stringify(session, null, 2)}\n` };
}

/** The API over the session store; every change is announced (naming the session) so every open window's sidebar follows. */
export class SessionService {
  readonly store: SessionStore;
  readonly handlers: SessionHandlers;

  constructor(deps: { dataDir: string; events: EventHub }) {
    const store = new SessionStore(deps.dataDir);
    this.store = store;
    const announce = announcer(deps.events, 'sessionsChanged');
    const changed = (session: Session): Session => announce(session, { id: session.id });
    this.handlers = {
      listSessions: (input) => store.list(input?.query ?? ''),
      getSession: ({ id }) => store.get(id),
      saveSession: async (session) => changed(await store.save(session)),
      renameSession: async ({ id, title }) => changed(await store.rename(id, title)),
      duplicateSession: async ({ id }) => changed(await store.duplicate(id)),
      deleteSession: async ({ id }) => {
        await store.delete(id);
        return announce({ ok: true as const }, { id });
      },
      undoDeleteSession: async ({ id }) => changed(await store.undoDelete(id)),
      exportSession: async ({ id, format, includeReasoning }) => exportSession(await store.get(id), format, includeReasoning ?? false),
      importSession: async ({ text, fileName }) => changed(await store.importText(text, fileName)),
    };
  }
}
