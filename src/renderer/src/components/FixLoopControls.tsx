import { useState } from 'react';
import type { FixProgress } from '../../../shared/fix-loop';
import { useWorkspace, useWorkspaceStore } from '../workspace/use-workspace';

interface FixLoopControlsProps {
  /** A test fails and a model can answer: the loop can start. */
  canStart: boolean;
  /** The fix template chosen in the tests panel. */
  templateId: string;
}

/** Where the loop is, in words: "Round 2 of 3: the model is answering (1/2 passed)". */
function describe(p: FixProgress): string {
  const counts = p.total !== undefined ? ` (${p.passed ?? 0}/${p.total} passed)` : '';
  if (p.phase === 'judging') return p.round === 0 ? 'Judging the code as it is…' : `Round ${p.round} of ${p.rounds}: judging its code…`;
  if (p.phase === 'answering') return `Round ${p.round} of ${p.rounds}: the model is fixing the first failure${counts}…`;
  if (p.end === 'accepted') return p.round === 0 ? 'Every test already passes.' : `Accepted after ${p.round} round${p.round === 1 ? '' : 's'}.`;
  return `${p.message ?? 'Ended.'}${counts}`;
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
  const progress = fixing?.progress ?? null;
  const running = progress !== null && progress.phase !== 'ended';
  if (!running && !canStart && !fixing) return null;
  return (
    <div className="fix-loop" data-testid="fix-loop">
      {running ? (
        <button type="button" className="danger" onClick={() => store.stopFix()}>
          Stop fixing
        </button>
      ) : (
        canStart && (
          <>
            <button type="button" title="Repeat: send the first failure to the model, put its code in the editor, judge it — until every test passes" onClick={() => void store.fixUntilAccepted(rounds, templateId)}>
              Fix until accepted
            </button>
            <select aria-label="Rounds to fix" value={rounds} onChange={(e) => setRounds(Number(e.target.value))}>
              {[1, 2, 3, 5, 8].map((n) => (
                <option key={n} value={n}>
                  {n} round{n === 1 ? '' : 's'}
                </option>
              ))}
            </select>
          </>
        )
      )}
      {progress && (
        <span className={`hint fix-loop-state${progress.end && progress.end !== 'accepted' ? ' warn' : ''}`} role="status" data-testid="fix-loop-state" data-end={progress.end}>
          {describe(progress)}
        </span>
      )}
      {fixing?.error && (
        <span className="notice error" role="alert">
          {fixing.error}
        </span>
      )}
    </div>
  );
}
