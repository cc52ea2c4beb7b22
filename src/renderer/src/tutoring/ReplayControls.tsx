import { Pause, Play, Square } from 'lucide-react';
import { useT } from '../i18n/use-t';
import type { ReplayState } from './replay';
import { Button } from '../ui/Button';

interface ReplayControlsProps {
  state: ReplayState | null;
  canReplay: boolean;
  /** Tokens a second. */
  speed: number;
  onSpeed: (tokensPerSecond: number) => void;
  onPlay: () => void;
  onPause: () => void;
  onResume: () => void;
  onStop: () => void;
}

/**
 * Replay of a saved answer for the class: one button that starts, pauses and resumes (it stays where it is, so the
 * keyboard's focus does too), Stop beside it, and the speed (changeable while it plays; on a phone behind the toolbar's More).
 */
export function ReplayControls({ state, canReplay, speed, onSpeed, onPlay, onPause, onResume, onStop }: ReplayControlsProps) {
  const t = useT();
  const active = state === 'playing' || state === 'paused';
  const main = state === 'playing' ? { label: t('present.pause'), icon: Pause, run: onPause } : state === 'paused' ? { label: t('present.resume'), icon: Play, run: onResume } : { label: t('present.replay'), icon: Play, run: onPlay };
  return (
    <span className="bar-group replay-controls" role="group" aria-label={t('present.replayGroup')}>
      <Button icon={main.icon} onClick={main.run} disabled={!active && !canReplay}>
        {main.label}
      </Button>
      <Button icon={Square} iconSize={14} onClick={onStop} disabled={!active}>
        {t('present.stopReplay')}
      </Button>
      <input className="bar-extra" type="range" min={5} max={400} step={5} value={speed} aria-label={t('present.replaySpeedLabel')} onChange={(e) => onSpeed(Number(e.target.value))} />
      <span className="hint bar-extra">{t('common.tokPerSec', { speed })}</span>
    </span>
  );
}
