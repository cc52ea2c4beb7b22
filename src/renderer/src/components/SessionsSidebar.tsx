import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, WorkbenchError } from '../../../shared/api/errors';
import type { SessionSummary } from '../../../shared/sessions';
import type { WorkbenchClient } from '../api/workbench-client';
import { downloadText } from '../download';
import { DamagedCheckFailed, DamagedFileRow, RestoredNote, useDamagedFiles } from './DamagedFiles';
import { useT } from '../i18n/use-t';
import { MathText } from '../markdown/MathText';
import './SessionsSidebar.css';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';
import { Select } from '../ui/Select';

interface SessionsSidebarProps {
  client: WorkbenchClient;
  currentId: string | null;
  onOpen: (id: string) => void;
  onNew: () => void;
  /** Called before the current session is deleted, so nothing saves it again. */
  onDeleteCurrent: () => void;
  onNotice: (message: string) => void;
}

/** Every problem's work, newest first: search, open, rename, duplicate, delete (with undo), import, export. */
export function SessionsSidebar({ client, currentId, onOpen, onNew, onDeleteCurrent, onNotice }: SessionsSidebarProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [sessions, setSessions] = useState<SessionSummary[]>([]);
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [deleted, setDeleted] = useState<{ id: string; title: string } | null>(null);
  const [format, setFormat] = useState<'markdown' | 'html' | 'json'>('html');
  const [withReasoning, setWithReasoning] = useState(true);
  const fileInput = useRef<HTMLInputElement>(null);
  const { damaged, error: damagedError } = useDamagedFiles(client, 'session');

  const fail = useCallback((err: unknown) => onNotice(errorMessage(err)), [onNotice]);
  const refresh = useCallback(() => {
    // A list refresh while the server is away (or refuses this tab's old token) is not news: the
    // connection banner says so, and the list is fetched again on reconnect. Anything else is shown.
    client.listSessions({ query }).then(setSessions, (err: unknown) => {
      const connection = err instanceof WorkbenchError && (err.name === 'TransportError' || (err.name === 'ForbiddenError' && err.code === 'unauthorized'));
      if (!connection) fail(err);
    });
  }, [client, query, fail]);
  useEffect(() => {
    const timer = setTimeout(refresh, query ? 150 : 0);
    return () => clearTimeout(timer);
  }, [refresh, query]);
  useEffect(() => client.on('sessionsChanged', refresh), [client, refresh]);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), 8000);
    return () => clearTimeout(timer);
  }, [deleted]);

  const remove = (s: SessionSummary) => {
    if (s.id === currentId) onDeleteCurrent();
    client.deleteSession({ id: s.id }).then(() => setDeleted({ id: s.id, title: s.title }), fail);
  };
  const undo = () => {
    if (!deleted) return;
    client.undoDeleteSession({ id: deleted.id }).then(() => setDeleted(null), fail);
  };
  const commitRename = () => {
    if (!renaming) return;
    client.renameSession({ id: renaming.id, title: renaming.title }).then(() => setRenaming(null), fail);
  };
  const exportCurrent = () => {
    if (!currentId) return;
    client.exportSession({ id: currentId, format, includeReasoning: withReasoning }).then((file) => downloadText(file.fileName, file.mimeType, file.content), fail);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const session = await client.importSession({ text: await file.text(), fileName: file.name });
      onOpen(session.id);
    } catch (err) {
      fail(err);
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <aside className="sessions-sidebar" aria-label={t('app.sessions')}>
      <div className="sessions-header">
        <h2>{t('app.sessions')}</h2>
        <Button onClick={onNew} title={t('sessions.newTitle')}>
          {t('sessions.new')}
        </Button>
      </div>
      <input type="search" aria-label={t('sessions.search')} placeholder={t('sessions.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {deleted && (
        <p className="undo-bar" role="status">
          {t('sessions.deleted', { title: deleted.title })}{' '}
          <Button onClick={undo}>
            {t('common.undo')}
          </Button>
        </p>
      )}
      <ul className="sessions-list" data-testid="sessions-list">
        <DamagedCheckFailed error={damagedError} />
        {damaged.filter((d) => !d.restoredFromBackup).map((d) => (
          <DamagedFileRow key={d.keptAs || d.id} entry={d} />
        ))}
        {sessions.length === 0 && <li className="hint">{t(query ? 'sessions.nothingMatches' : 'sessions.empty')}</li>}
        {sessions.map((s) => (
          <li key={s.id} className={s.id === currentId ? 'session current' : 'session'} data-testid="session-item">
            {renaming?.id === s.id ? (
              <input
                aria-label={t('sessions.titleLabel')}
                value={renaming.title}
                autoFocus
                onChange={(e) => setRenaming({ id: s.id, title: e.target.value })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') commitRename();
                  if (e.key === 'Escape') setRenaming(null);
                }}
                onBlur={commitRename}
              />
            ) : (
              <Button className="session-open" onClick={() => onOpen(s.id)} aria-current={s.id === currentId ? 'true' : undefined}>
                <MathText className="session-title" text={s.title} />
                <span className="session-meta">
                  {new Date(s.updatedAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })} · {t.plural('sessions.answers', s.turns)}
                </span>
                {s.snippet && <span className="session-snippet">{s.snippet}</span>}
              </Button>
            )}
            {damaged.filter((d) => d.id === s.id).map((d) => (
              <RestoredNote key={d.keptAs} entry={d} />
            ))}
            <span className="session-actions">
              <Button aria-label={t('sessions.renameLabel', { title: s.title })} onClick={() => setRenaming({ id: s.id, title: s.title })}>
                {t('sessions.rename')}
              </Button>
              <Button aria-label={t('sessions.duplicateLabel', { title: s.title })} onClick={() => client.duplicateSession({ id: s.id }).then((copy) => onOpen(copy.id), fail)}>
                {t('common.duplicate')}
              </Button>
              <Button aria-label={t('sessions.deleteLabel', { title: s.title })} onClick={() => remove(s)}>
                {t('common.delete')}
              </Button>
            </span>
          </li>
        ))}
      </ul>
      <div className="sessions-footer">
        <div className="export-row">
          <Select
            label={t('sessions.exportFormat')}
            value={format}
            options={[
              { value: 'html', label: t('sessions.formatHtml') },
              { value: 'markdown', label: t('sessions.formatMarkdown') },
              { value: 'json', label: t('sessions.formatJson') },
            ]}
            onChange={setFormat}
          />
          <Checkbox label={t('sessions.withReasoning')} checked={withReasoning} onChange={setWithReasoning} />
        </div>
        <div className="export-row">
          <Button disabled={!currentId} onClick={exportCurrent}>
            {t('common.export')}
          </Button>
          <Button onClick={() => window.print()} title={t('sessions.printTitle')}>
            {t('sessions.print')}
          </Button>
          <Button onClick={() => fileInput.current?.click()}>
            {t('common.import')}
          </Button>
          <input ref={fileInput} type="file" accept=".json,application/json" hidden aria-label={t('sessions.importFile')} onChange={(e) => void importFile(e.target.files?.[0])} />
        </div>
      </div>
    </aside>
  );
}
