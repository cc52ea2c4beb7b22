import { X } from 'lucide-react';
import type { TestCase, TestResult } from '../../../shared/judging';
import { Transcript } from './Transcript';
import { useT } from '../i18n/use-t';
import { VerdictBadge } from '../ui/Badge';
import { Diff } from '../ui/Diff';
import { Button } from '../ui/Button';
import { IconButton } from '../ui/IconButton';

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
  const t = useT();
  return (
    <li className="test-case" data-testid="test-case">
      <div className="test-case-header">
        <strong>{t('test.title', { number: index + 1 })}</strong>
        {result && <VerdictBadge verdict={result.verdict} />}
        {result && <span className="hint test-usage">{t('test.usage', { cpu: result.cpuMs, wall: result.wallMs, memory: result.peakMemoryMb.toFixed(1) })}</span>}
        <span className="spacer" />
        <Button onClick={onRun} disabled={running}>
          {t('common.run')}
        </Button>
        <IconButton icon={X} iconSize={14} label={t('test.delete', { number: index + 1 })} onClick={onDelete} />
      </div>
      <div className="test-io">
        <label>
          {t('common.input')}
          <textarea value={test.input} spellCheck={false} onChange={(e) => onChange({ input: e.target.value })} />
        </label>
        <label>
          {t('test.expected')}
          <textarea value={test.output} spellCheck={false} onChange={(e) => onChange({ output: e.target.value })} />
        </label>
      </div>
      {result?.detail && <p className="verdict-detail">{result.detail}</p>}
      {result?.diff && <Diff text={result.diff} testId="diff" />}
      {result?.transcript && <Transcript lines={result.transcript} />}
      {result && result.verdict !== 'AC' && result.stderr && <pre className="stderr">{result.stderr.slice(-2000)}</pre>}
    </li>
  );
}
