import { useEffect, useState } from 'react';
import { errorMessage } from '../../../shared/api/errors';
import type { StressUpdate } from '../../../shared/api/workspace-schemas';
import type { StressReport } from '../../../shared/stress';
import type { WorkbenchClient } from '../api/workbench-client';
import { shown } from '../workspace/workspace-store';
import { useWorkspace, useWorkspaceStore } from '../workspace/use-workspace';
import { StressResult } from './StressResult';
import { useT } from '../i18n/use-t';
import { Button } from '../ui/Button';

/**
 * Stress testing the session's code against its brute force on its
 * generator's tests (the editor's Brute force and Generator tabs). Runs in
 * core: this panel starts and stops it, shows its progress and its result,
 * and turns a counterexample into a test, then into Fix with feedback.
 */
export function StressPanel({ client, canAskModel }: { client: WorkbenchClient; canAskModel: boolean }) {
  const store = useWorkspaceStore();
  const t = useT();
  const session = useWorkspace('session');
  const pending = useWorkspace('pending');
  const sessionId = session?.id ?? null;
  const [update, setUpdate] = useState<StressUpdate | null>(null);
  const [rounds, setRounds] = useState(1000);
  const [seconds, setSeconds] = useState(60);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<number | null>(null);

  // (Mounted once per session, keyed by its id: nothing of another session's run is shown here.)
  useEffect(() => {
    if (!sessionId) return;
    let live = true;
    // A run started elsewhere (another window, before a reload) shows here as it goes.
    void client.stressInProgress({ id: sessionId }).then((u) => live && u && setUpdate(u), () => undefined);
    const off = client.on('stressUpdate', (u) => {
      if (u.sessionId === sessionId) setUpdate(u);
    });
    return () => {
      live = false;
      off();
    };
  }, [client, sessionId]);

  const running = update !== null && update.report === null && update.error === null;
  const start = async () => {
    setError(null);
    setAdded(null);
    try {
      await store.flush({ create: true });
      const id = store.getState().session?.id;
      if (!id) return;
      const { stressId } = await client.stressSession({ id, rounds, seconds });
      setUpdate((u) => u ?? { sessionId: id, stressId, progress: { phase: 'compiling', rounds: 0, elapsedMs: 0, roundsPerSecond: 0, smallestBytes: null }, report: null, error: null });
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const stop = () => update && void client.stopStress({ stressId: update.stressId });
  const addAsTest = async (report: StressReport) => {
    const example = report.counterexample;
    if (!example) return;
    const tests = shown({ session: store.getState().session, pending: store.getState().pending }).tests;
    const index = tests.length;
    store.edit({ tests: [...tests, { input: example.input, output: example.expected }] });
    setAdded(index);
    // Judged at once, so that the new test's verdict is there and Fix with feedback can send it.
    await store.judge([index]);
  };
  const hasPrograms = Boolean((pending.brute ?? session?.problem.brute)?.code.trim() && (pending.generator ?? session?.problem.generator)?.code.trim());

  return (
    <details className="stress-panel" data-testid="stress-panel" open={running || update?.report ? true : undefined}>
      <summary>{running && update?.progress ? t('stress.titleRunning', { phase: t(`stress.phase.${update.progress.phase}`), rounds: update.progress.rounds }) : t('stress.title')}</summary>
      <p className="hint">{t('stress.hint')}</p>
      <div className="setting-row">
        <label>
          {t('stress.rounds')} <input aria-label={t('stress.roundsLabel')} type="number" min={1} max={100000} value={rounds} onChange={(e) => setRounds(Math.max(1, Math.min(100_000, Math.floor(Number(e.target.value) || 1))))} />
        </label>
        <label>
          {t('stress.seconds')} <input aria-label={t('stress.secondsLabel')} type="number" min={1} max={600} value={seconds} onChange={(e) => setSeconds(Math.max(1, Math.min(600, Math.floor(Number(e.target.value) || 1))))} />
        </label>
        {running ? (
          <Button onClick={stop}>
            {t('common.stop')}
          </Button>
        ) : (
          <Button variant="primary" disabled={!hasPrograms} title={hasPrograms ? undefined : t('stress.needProgramsTitle')} onClick={() => void start()}>
            {t('stress.start')}
          </Button>
        )}
      </div>
      {!hasPrograms && <p className="hint">{t('stress.needPrograms')}</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {running && update?.progress && (
        <p className="hint" role="status" data-testid="stress-progress">
          {update.progress.phase === 'shrinking'
            ? t('stress.shrinking', { bytes: update.progress.smallestBytes ?? '?' })
            : update.progress.phase === 'compiling'
              ? t('stress.compiling')
              : t('stress.progress', { rounds: update.progress.rounds, speed: update.progress.roundsPerSecond })}
        </p>
      )}
      {update?.error && (
        <p className="error-text" role="alert">
          {update.error}
        </p>
      )}
      {update?.report && <StressResult report={update.report} added={added} canFix={canAskModel} onAdd={() => void addAsTest(update.report!)} onFix={() => added !== null && void store.ask('fix', { testIndex: added }).catch(() => undefined)} />}
    </details>
  );
}
