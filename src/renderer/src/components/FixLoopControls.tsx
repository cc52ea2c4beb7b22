import { useState } from 'react';
import type { FixProgress } from '../../../shared/fix-loop';
import { useWorkspace, useWorkspaceStore } from '../workspace/use-workspace';
import { useT, type Translator } from '../i18n/use-t';
import { Notice } from '../ui/Notice';
import { Button } from '../ui/Button';
import { Select } from '../ui/Select';

interface FixLoopControlsProps {
  /** A test fails and a model can answer: the loop can start. */
  canStart: boolean;
  /** The fix template chosen in the tests panel. */
  templateId: string;
}

/** Where the loop is, in words: "Round 2 of 3: the model is answering (1/2 passed)". */
function describe(p: FixProgress, t: Translator): string {
  const counts = p.total !== undefined ? t('fix.counts', { passed: p.passed ?? 0, total: p.total }) : '';
  if (p.phase === 'judging') return p.round === 0 ? t('fix.judgingAsIs') : t('fix.roundJudging', { round: p.round, rounds: p.rounds });
  if (p.phase === 'answering') return t('fix.roundAnswering', { round: p.round, rounds: p.rounds, counts });
  if (p.end === 'accepted') return p.round === 0 ? t('fix.alreadyPasses') : t.plural('fix.acceptedAfter', p.round);
  // Core's message says how it ended (in English, as core's texts are).
  return `${p.message ?? t('fix.ended')}${counts}`;
}

/**
 * "Fix until accepted (k rounds)": generate → judge → feedback, visibly and
 * stoppable. Core runs the loop; each round is a fix turn in the thread and
 * its code goes to the editor (the code it replaces is kept as a version).
 */
export function FixLoopControls({ canStart, templateId }: FixLoopControlsProps) {
  const store = useWorkspaceStore();
  const fixing = useWorkspace('fixing');
  const [rounds, setRounds] = useState(3);
  const t = useT();
  const progress = fixing?.progress ?? null;
  const running = progress !== null && progress.phase !== 'ended';
  if (!running && !canStart && !fixing) return null;
  return (
    <div className="fix-loop" data-testid="fix-loop">
      {running ? (
        <Button variant="danger" onClick={() => store.stopFix()}>
          {t('fix.stop')}
        </Button>
      ) : (
        canStart && (
          <>
            <Button title={t('fix.startTitle')} onClick={() => void store.fixUntilAccepted(rounds, templateId)}>
              {t('fix.start')}
            </Button>
            <Select label={t('fix.roundsLabel')} value={rounds} options={[1, 2, 3, 5, 8].map((n) => ({ value: n, label: t.plural('fix.rounds', n) }))} onChange={setRounds} />
          </>
        )
      )}
      {progress && (
        <span className={`hint fix-loop-state${progress.end && progress.end !== 'accepted' ? ' warn' : ''}`} role="status" data-testid="fix-loop-state" data-end={progress.end}>
          {describe(progress, t)}
        </span>
      )}
      {fixing?.error && (
        <Notice tone="error" inline>
          {fixing.error}
        </Notice>
      )}
    </div>
  );
}
