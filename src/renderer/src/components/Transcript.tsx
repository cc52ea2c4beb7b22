import type { TestResult } from '../../../shared/judging';
import { useT } from '../i18n/use-t';

/** What the solution and the interactor said to each other, in order (text only: both are untrusted). */
export function Transcript({ lines }: { lines: NonNullable<TestResult['transcript']> }) {
  const t = useT();
  return (
    <details className="transcript-box" data-testid="transcript">
      <summary>{t('transcript.title', { count: lines.length })}</summary>
      <div className="transcript" role="log" aria-label={t('transcript.label')}>
        {lines.length === 0 && <p className="hint">{t('transcript.empty')}</p>}
        {lines.map((line, i) => (
          <pre key={i} className={`transcript-line transcript-${line.from}`}>
            {line.from === 'solution' ? '→ ' : '← '}
            {line.text.length > 4000 ? `${line.text.slice(0, 4000)}…` : line.text.replace(/\n$/, '')}
          </pre>
        ))}
      </div>
    </details>
  );
}
