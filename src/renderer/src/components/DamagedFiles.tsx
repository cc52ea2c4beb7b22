import { useCallback, useEffect, useState } from 'react';
import type { DamagedFile, DamagedFileKind } from '../../../shared/damaged-files';
import type { WorkbenchClient } from '../api/workbench-client';
import { usePrivatePath } from '../state/privacy';
import { errorMessage } from '../../../shared/api/errors';
import { useT } from '../i18n/use-t';
import './SessionsSidebar.css';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

/**
 * Core's list of damaged files of one kind, fetched again whenever that kind's
 * list changes. Core decides what is damaged; this only shows it.
 */
export function useDamagedFiles(client: WorkbenchClient, kind: DamagedFileKind): { damaged: DamagedFile[]; error: string | null } {
  const [damaged, setDamaged] = useState<DamagedFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    client.listDamagedFiles({ kind }).then(
      (list) => {
        setDamaged(list);
        setError(null);
      },
      // The check itself failing (an unreadable folder) is shown, never taken for "nothing damaged".
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [client, kind]);
  useEffect(refresh, [refresh]);
  useEffect(() => client.on(kind === 'session' ? 'sessionsChanged' : 'problemsChanged', refresh), [client, kind, refresh]);
  return { damaged, error };
}

/** The damaged-files check could not run: say so in the list. */
export function DamagedCheckFailed({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <li className="session damaged" role="alert">
      {error}
    </li>
  );
}

/** A damaged entry that cannot be opened: what is wrong and where its bytes are. Not a button. */
export function DamagedFileRow({ entry }: { entry: DamagedFile }) {
  const shownPath = usePrivatePath();
  const t = useT();
  return (
    <li className="session damaged" data-testid={`damaged-${entry.kind}`} aria-label={t(`damaged.label.${entry.kind}`, { id: entry.id })}>
      <span className="session-title">{t(`damaged.title.${entry.kind}`, { id: entry.id })}</span>
      <span className="damaged-reason">{entry.reason}</span>
      {entry.keptAs && (
        <span className="damaged-path">
          {t.rich(entry.foundAt ? 'damaged.keptAside' : 'damaged.leftInPlace', { path: <code>{shownPath(entry.keptAs)}</code> })}
        </span>
      )}
    </li>
  );
}

/** Under an entry that opens: it was damaged and its backup was put back. */
export function RestoredNote({ entry }: { entry: DamagedFile }) {
  const shownPath = usePrivatePath();
  const t = useT();
  if (!entry.restoredFromBackup) return null;
  return (
    <span className="restored-note" role="note" data-testid="restored-note">
      {t.rich('damaged.restored', { when: when(entry.restoredFromBackup.savedAt), reason: entry.reason, path: <code>{shownPath(entry.keptAs)}</code> })}
    </span>
  );
}

/** Damaged problems and restored ones (named as the problem list names them), for wherever problems are listed. */
export function DamagedProblems({ client, problems }: { client: WorkbenchClient; problems: readonly { id: string; name: string }[] }) {
  const { damaged, error } = useDamagedFiles(client, 'problem');
  const t = useT();
  if (damaged.length === 0 && !error) return null;
  return (
    <ul className="damaged-list" aria-label={t('damaged.problems')}>
      <DamagedCheckFailed error={error} />
      {damaged.map((entry) =>
        entry.restoredFromBackup ? (
          <li key={entry.keptAs} className="session">
            <span className="session-title">{problems.find((p) => p.id === entry.id)?.name ?? entry.id}</span>
            <RestoredNote entry={entry} />
          </li>
        ) : (
          <DamagedFileRow key={entry.keptAs || entry.id} entry={entry} />
        ),
      )}
    </ul>
  );
}
