import type { StressReport } from '../../../shared/stress';

interface StressResultProps {
  report: StressReport;
  /** The index of the test the counterexample became, once added. */
  added: number | null;
  canFix: boolean;
  onAdd: () => void;
  onFix: () => void;
}

const cut = (text: string) => (text.length > 20_000 ? `${text.slice(0, 20_000)}…` : text);

/** How a stress test ended; for a counterexample, the input, both outputs and the diff (text only: untrusted). */
export function StressResult({ report, added, canFix, onAdd, onFix }: StressResultProps) {
  const pace = `${report.rounds} rounds in ${(report.elapsedMs / 1000).toFixed(1)} s (${report.roundsPerSecond}/s)`;
  const example = report.counterexample;
  if (report.outcome === 'passed') return <p className="hint" data-testid="stress-result">No difference found: {pace}.</p>;
  if (report.outcome === 'stopped' && !example) return <p className="hint" data-testid="stress-result">Stopped after {pace}.</p>;
  if (!example) {
    return (
      <div data-testid="stress-result">
        <p className="error-text" role="alert">
          {report.outcome === 'compile' ? `The ${report.program === 'brute' ? 'brute force' : report.program} does not compile.` : `The ${report.outcome === 'brute' ? 'brute force' : 'generator'} failed.`}
        </p>
        {report.message && <pre className="stderr">{cut(report.message)}</pre>}
      </div>
    );
  }
  return (
    <div data-testid="stress-result">
      <p>
        <span className={`verdict verdict-${example.verdict}`}>{example.verdict}</span> Counterexample on seed {example.seed}
        {example.size !== null ? `, size ${example.size}` : ''} after {pace}
        {report.shrink ? ` · shrunk from ${report.shrink.fromBytes} to ${report.shrink.toBytes} bytes` : ''}
      </p>
      {example.detail && <p className="verdict-detail">{example.detail}</p>}
      <div className="stress-output">
        <div>
          <strong>Input</strong>
          <pre data-testid="stress-input">{cut(example.input)}</pre>
        </div>
        <div>
          <strong>Brute force</strong>
          <pre data-testid="stress-expected">{cut(example.expected)}</pre>
        </div>
        <div>
          <strong>Your solution</strong>
          <pre data-testid="stress-got">{cut(example.got)}</pre>
        </div>
      </div>
      {example.diff && <pre className="diff">{example.diff}</pre>}
      {example.stderr.trim() && <pre className="stderr">{example.stderr.slice(-2000)}</pre>}
      <div className="setting-row">
        {added === null ? (
          <button type="button" className="primary" onClick={onAdd}>
            Add as a test
          </button>
        ) : (
          <span className="hint">Added as test {added + 1}.</span>
        )}
        {added !== null && canFix && (
          <button type="button" onClick={onFix}>
            Fix with feedback
          </button>
        )}
      </div>
    </div>
  );
}
