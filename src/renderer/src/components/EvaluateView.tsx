import { useEffect, useState } from 'react';
import type { EvalRun } from '../../../shared/eval';
import type { Template } from '../../../shared/templates';
import type { WorkbenchClient } from '../api/workbench-client';
import { downloadText } from '../download';
import { errorMessage } from '../../../shared/api/errors';
import { useT } from '../i18n/use-t';
import './EvaluateView.css';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';
import { Field } from '../ui/Field';
import { Progress } from '../ui/Progress';
import { Select } from '../ui/Select';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The shape of a problem set's lines: JSON, the same in every language. */
const mathLineShape = '{"id", "problem", "answer"}';
const codeLineShape = '{"id", "problem", "tests"}';

/** Batch evaluation in the app: the same runner and report as `vibe eval`. */
export function EvaluateView({ client, templates }: { client: WorkbenchClient; templates: Template[] }) {
  const t = useT();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [templateId, setTemplateId] = useState('');
  const [samples, setSamples] = useState(4);
  const [concurrency, setConcurrency] = useState(4);
  const [runs, setRuns] = useState<EvalRun[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.listEvals().then(setRuns, () => undefined);
    return client.on('evalProgress', (run) => setRuns((all) => [run, ...all.filter((r) => r.id !== run.id)].sort((a, b) => b.id.localeCompare(a.id))));
  }, [client]);

  const run = runs.find((r) => r.id === selected) ?? runs[0] ?? null;
  const start = () => {
    if (!file) return;
    setError(null);
    client.startEval({ setText: file.text, fileName: file.name, ...(templateId ? { templateId } : {}), samples, concurrency }).then(
      ({ id }) => setSelected(id),
      (err: unknown) => setError(errorMessage(err)),
    );
  };

  return (
    <section className="settings-view evaluate-view" aria-label={t('view.evaluate')}>
      <Card title={t('view.evaluate')}>
        <p className="hint">{t('evaluate.hint', { mathLine: mathLineShape, codeLine: codeLineShape })}</p>
        <div className="eval-form">
          <Field label={t('evaluate.problemSet')}>
            {(control) => (
              <input {...control} type="file" accept=".jsonl,.json,.txt" aria-label={t('evaluate.problemSetFile')} onChange={(e) => void e.target.files?.[0]?.text().then((text) => setFile({ name: e.target.files?.[0]?.name ?? 'set.jsonl', text }))} />
            )}
          </Field>
          <Field label={t('common.template')}>
            {(control) => (
              <Select {...control} label={t('evaluate.templateLabel')} value={templateId} options={[{ value: '', label: t('evaluate.automatic') }, ...templates.map((t) => ({ value: t.id, label: t.name }))]} onChange={setTemplateId} />
            )}
          </Field>
          <Field label={t('evaluate.samples')}>
            {(control) => <input {...control} type="number" min={1} max={1024} value={samples} onChange={(e) => setSamples(Math.max(1, Number(e.target.value) || 1))} />}
          </Field>
          <Field label={t('evaluate.atOnce')}>
            {(control) => <input {...control} type="number" min={1} max={64} value={concurrency} onChange={(e) => setConcurrency(Math.max(1, Number(e.target.value) || 1))} />}
          </Field>
          <Button variant="primary" disabled={!file || run?.state === 'running'} onClick={start}>
            {t('evaluate.run')}
          </Button>
        </div>
        {error && (
          <pre className="error-text eval-error" role="alert">
            {error}
          </pre>
        )}
        {runs.length > 0 && (
          <Field label={t('evaluate.runField')}>
            {(control) => (
              <Select {...control} label={t('evaluate.runLabel')} value={run?.id ?? ''} options={runs.map((r) => ({ value: r.id, label: `${r.id} · ${r.name} · ${t(`evaluate.state.${r.state}`)}` }))} onChange={setSelected} />
            )}
          </Field>
        )}
        {run && <RunDetails client={client} run={run} />}
      </Card>
    </section>
  );
}

function RunDetails({ client, run }: { client: WorkbenchClient; run: EvalRun }) {
  const t = useT();
  const p = run.progress;
  const s = run.summary;
  return (
    <div className="eval-run" data-testid="eval-run" data-state={run.state}>
      {p && (
        <div className="eval-progress">
          <Progress
            label={t('evaluate.samplesDone')}
            max={p.samples}
            value={p.samplesDone}
            textTestId="eval-progress-text"
            // Once it has ended, its one speed is the summary's throughput (the live speed is a recent window's).
            text={
              s
                ? t('evaluate.progressDone', { problemsDone: p.problemsDone, problems: p.problems, samplesDone: p.samplesDone, samples: p.samples })
                : t('evaluate.progress', {
                    problemsDone: p.problemsDone,
                    problems: p.problems,
                    samplesDone: p.samplesDone,
                    samples: p.samples,
                    speed: p.tokensPerSecond.toFixed(1),
                    eta: p.etaSeconds === null ? '–' : t('evaluate.eta', { minutes: Math.floor(p.etaSeconds / 60), seconds: String(Math.round(p.etaSeconds % 60)).padStart(2, '0') }),
                  })
            }
          />
          {run.state === 'running' && (
            <Button onClick={() => void client.stopEval({ id: run.id })}>
              {t('common.stop')}
            </Button>
          )}
        </div>
      )}
      {run.error && (
        <p className="error-text" role="alert">
          {run.error}
        </p>
      )}
      {s && (
        <>
          <div className="eval-cards" data-testid="eval-summary">
            <span>{t.rich('evaluate.passAt1', { value: <strong>{pct(s.passAt1)}</strong> })}</span>
            <span>{t.rich('evaluate.passAtK', { k: s.samplesPerProblem, value: <strong>{pct(s.passAtK)}</strong> })}</span>
            <span>{t.rich('evaluate.majority', { value: <strong>{pct(s.majority)}</strong> })}</span>
            <span>{t.rich('evaluate.truncated', { value: <strong>{pct(s.truncationRate)}</strong> })}</span>
            <span>{t.rich('evaluate.meanAnswer', { value: <strong>{t('common.tokens', { count: Math.round(s.meanAnswerTokens) })}</strong> })}</span>
            <span>{t.rich('evaluate.throughput', { value: <strong>{t('common.tokPerSec', { speed: s.tokensPerSecond.toFixed(1) })}</strong> })}</span>
          </div>
          <Button onClick={() => void client.getEvalReport({ id: run.id }).then((r) => downloadText(r.fileName, 'text/html', r.html))}>
            {t('evaluate.download')}
          </Button>
          <table className="eval-table">
            <thead>
              <tr>
                <th>{t('common.problem')}</th>
                <th>{t('evaluate.col.correct')}</th>
                <th>{t('evaluate.col.passAt1')}</th>
                <th>{t('evaluate.col.majority')}</th>
                <th>{t('evaluate.col.truncated')}</th>
                <th>{t('evaluate.col.meanTokens')}</th>
              </tr>
            </thead>
            <tbody>
              {s.perProblem.map((row) => (
                <tr key={row.id} data-testid="eval-row">
                  <td>{row.id}</td>
                  <td>
                    {row.correct}/{row.samples}
                  </td>
                  <td>{pct(row.passAt1)}</td>
                  <td>{row.majorityCorrect ? '✓' : '✗'}</td>
                  <td>{row.truncated}</td>
                  <td>{Math.round(row.meanTokens)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
