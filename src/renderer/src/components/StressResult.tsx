import type { StressReport } from '../../../shared/stress';
import { useT } from '../i18n/use-t';
import { VerdictBadge } from '../ui/Badge';
import { Diff } from '../ui/Diff';
import { Button } from '../ui/Button';

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
  const t = useT();
  const pace = t('stress.pace', { rounds: report.rounds, seconds: (report.elapsedMs / 1000).toFixed(1), speed: report.roundsPerSecond });
  const example = report.counterexample;
  if (report.outcome === 'passed') return <p className="hint" data-testid="stress-result">{t('stress.passed', { pace })}</p>;
  if (report.outcome === 'stopped' && !example) return <p className="hint" data-testid="stress-result">{t('stress.stopped', { pace })}</p>;
  if (!example) {
    return (
      <div data-testid="stress-result">
        <p className="error-text" role="alert">
          {report.outcome === 'compile' ? t(`stress.compile.${report.program ?? 'solution'}`) : t(report.outcome === 'brute' ? 'stress.failed.brute' : 'stress.failed.generator')}
        </p>
        {report.message && <pre className="stderr">{cut(report.message)}</pre>}
      </div>
    );
  }
  return (
    <div data-testid="stress-result">
      <p>
        <VerdictBadge verdict={example.verdict} />{' '}
        {t('stress.counterexample', {
          seed: example.seed,
          size: example.size !== null ? t('stress.size', { size: example.size }) : '',
          pace,
          shrink: report.shrink ? t('stress.shrunk', { from: report.shrink.fromBytes, to: report.shrink.toBytes }) : '',
        })}
      </p>
      {example.detail && <p className="verdict-detail">{example.detail}</p>}
      <div className="stress-output">
        <div>
          <strong>{t('common.input')}</strong>
          <pre data-testid="stress-input">{cut(example.input)}</pre>
        </div>
        <div>
          <strong>{t('stress.bruteOutput')}</strong>
          <pre data-testid="stress-expected">{cut(example.expected)}</pre>
        </div>
        <div>
          <strong>{t('stress.yourOutput')}</strong>
          <pre data-testid="stress-got">{cut(example.got)}</pre>
        </div>
      </div>
      {example.diff && <Diff text={example.diff} />}
      {example.stderr.trim() && <pre className="stderr">{example.stderr.slice(-2000)}</pre>}
      <div className="setting-row">
        {added === null ? (
          <Button variant="primary" onClick={onAdd}>
            {t('stress.addTest')}
          </Button>
        ) : (
          <span className="hint">{t('stress.added', { number: added + 1 })}</span>
        )}
        {added !== null && canFix && (
          <Button onClick={onFix}>
            {t('common.fixWithFeedback')}
          </Button>
        )}
      </div>
    </div>
  );
}
