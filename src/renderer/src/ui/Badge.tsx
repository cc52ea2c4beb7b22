import type { Verdict } from '../../../shared/judging';
import './ui.css';

const tones: Partial<Record<Verdict, 'ok' | 'warn'>> = { AC: 'ok', TLE: 'warn', MLE: 'warn', OLE: 'warn' };

/** A verdict as a pill: green for accepted, amber for a limit, red for the rest (the words say it too). */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`badge-pill verdict verdict-${verdict}`} data-tone={tones[verdict] ?? 'bad'}>
      {verdict}
    </span>
  );
}
