import { Pause, Play, Square } from 'lucide-react';
import { useT } from '../i18n/use-t';
import type { ReplayState } from './replay';

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

/** Replay of a saved answer for the class: start, pause, resume, stop, and its speed (changeable while it plays). */
export function ReplayControls({ state, canReplay, speed, onSpeed, onPlay, onPause, onResume, onStop }: ReplayControlsProps) {
  const t = useT();
  const active = state === 'playing' || state === 'paused';
  return (
    <span className="bar-group replay-controls" role="group" aria-label={t('present.replayGroup')}>
      {!active && (
        <button type="button" onClick={onPlay} disabled={!canReplay}>
          <Play size={16} aria-hidden="true" /> {t('present.replay')}
        </button>
      )}
      {state === 'playing' && (
        <button type="button" onClick={onPause}>
          <Pause size={16} aria-hidden="true" /> {t('present.pause')}
        </button>
      )}
      {state === 'paused' && (
        <button type="button" onClick={onResume}>
          <Play size={16} aria-hidden="true" /> {t('present.resume')}
        </button>
      )}
      {active && (
        <button type="button" onClick={onStop}>
          <Square size={14} aria-hidden="true" /> {t('present.stopReplay')}
        </button>
      )}
      <label>
        <span className="visually-hidden">{t('present.replaySpeed')}</span>
        <input type="range" min={5} max={400} step={5} value={speed} aria-label={t('present.replaySpeedLabel')} onChange={(e) => onSpeed(Number(e.target.value))} />
      </label>
      <span className="hint">{t('common.tokPerSec', { speed })}</span>
    </span>
  );
}
