import type { TestCase, TestResult } from '../../../shared/judging';
import { Transcript } from './Transcript';

interface TestCaseRowProps {
  index: number;
  test: TestCase;
  result: TestResult | undefined;
  running: boolean;
  onChange: (change: Partial<TestCase>) => void;
  onDelete: () => void;
  onRun: () => void;
}

/** One test: its input and expected output (editable), and its verdict with time, memory, the diff, the transcript (interactive) and stderr. */
export function TestCaseRow({ index, test, result, running, onChange, onDelete, onRun }: TestCaseRowProps) {
  return (
    <li className="test-case" data-testid="test-case">
      <div className="test-case-header">
        <strong>Test {index + 1}</strong>
        {result && <span className={`verdict verdict-${result.verdict}`}>{result.verdict}</span>}
        {result && (
          <span className="hint">
            {result.cpuMs} ms CPU · {result.wallMs} ms · {result.peakMemoryMb.toFixed(1)} MB
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={onRun} disabled={running}>
          Run
        </button>
        <button type="button" aria-label={`Delete test ${index + 1}`} onClick={onDelete}>
          ✕
        </button>
      </div>
      <div className="test-io">
        <label>
          Input
          <textarea value={test.input} spellCheck={false} onChange={(e) => onChange({ input: e.target.value })} />
        </label>
        <label>
          Expected
          <textarea value={test.output} spellCheck={false} onChange={(e) => onChange({ output: e.target.value })} />
        </label>
      </div>
      {result?.detail && <p className="verdict-detail">{result.detail}</p>}
      {result?.diff && (
        <pre className="diff" data-testid="diff">
          {result.diff}
        </pre>
      )}
      {result?.transcript && <Transcript lines={result.transcript} />}
      {result && result.verdict !== 'AC' && result.stderr && <pre className="stderr">{result.stderr.slice(-2000)}</pre>}
    </li>
  );
}
