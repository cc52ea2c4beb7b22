import type { TestResult } from '../../../shared/judging';

/** What the solution and the interactor said to each other, in order (text only: both are untrusted). */
export function Transcript({ lines }: { lines: NonNullable<TestResult['transcript']> }) {
  return (
    <details className="transcript-box" data-testid="transcript">
      <summary>Transcript ({lines.length} messages)</summary>
      <div className="transcript" role="log" aria-label="Transcript of the interaction">
        {lines.length === 0 && <p className="hint">Nothing was said.</p>}
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
