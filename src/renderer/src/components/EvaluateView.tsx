import { useEffect, useState } from 'react';
import type { EvalRun } from '../../../shared/eval';
import type { Template } from '../../../shared/templates';
import type { WorkbenchClient } from '../api/workbench-client';
import { downloadText } from '../download';
import { errorMessage } from '../../../shared/api/errors';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Batch evaluation in the app: the same runner and report as `vibe eval`. */
export function EvaluateView({ client, templates }: { client: WorkbenchClient; templates: Template[] }) {
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
    <section className="evaluate-view" aria-label="Evaluate">
      <div className="settings-card">
        <h2>Evaluate</h2>
        <p className="hint">
          A JSONL problem set: math lines {'{"id", "problem", "answer"}'}, code lines {'{"id", "problem", "tests"}'}. Each problem is sampled k times and graded like the model's authors did.
        </p>
        <div className="eval-form">
          <label className="field">
            <span className="field-label">Problem set</span>
            <input type="file" accept=".jsonl,.json,.txt" aria-label="Problem set file" onChange={(e) => void e.target.files?.[0]?.text().then((text) => setFile({ name: e.target.files?.[0]?.name ?? 'set.jsonl', text }))} />
          </label>
          <label className="field">
            <span className="field-label">Template</span>
            <select aria-label="Evaluation template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              <option value="">Automatic (math or cp-python)</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Samples per problem</span>
            <input type="number" aria-label="Samples per problem" min={1} max={1024} value={samples} onChange={(e) => setSamples(Math.max(1, Number(e.target.value) || 1))} />
          </label>
          <label className="field">
            <span className="field-label">At once</span>
            <input type="number" aria-label="Concurrent samples" min={1} max={64} value={concurrency} onChange={(e) => setConcurrency(Math.max(1, Number(e.target.value) || 1))} />
          </label>
          <button type="button" className="primary" disabled={!file || run?.state === 'running'} onClick={start}>
            Run evaluation
          </button>
        </div>
        {error && (
          <pre className="error-text eval-error" role="alert">
            {error}
          </pre>
        )}
        {runs.length > 0 && (
          <label className="field">
            <span className="field-label">Run</span>
            <select aria-label="Evaluation run" value={run?.id ?? ''} onChange={(e) => setSelected(e.target.value)}>
              {runs.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id} · {r.name} · {r.state}
                </option>
              ))}
            </select>
          </label>
        )}
        {run && <RunDetails client={client} run={run} />}
      </div>
    </section>
  );
}

function RunDetails({ client, run }: { client: WorkbenchClient; run: EvalRun }) {
  const p = run.progress;
  const s = run.summary;
  return (
    <div className="eval-run" data-testid="eval-run" data-state={run.state}>
      {p && (
        <div className="eval-progress">
          <progress max={p.samples} value={p.samplesDone} aria-label="Samples done" />
          <span data-testid="eval-progress-text">
            problems {p.problemsDone}/{p.problems} · samples {p.samplesDone}/{p.samples} · {p.tokensPerSecond.toFixed(1)} tok/s · ETA{' '}
            {p.etaSeconds === null ? '–' : `${Math.floor(p.etaSeconds / 60)}m${String(Math.round(p.etaSeconds % 60)).padStart(2, '0')}s`}
          </span>
          {run.state === 'running' && (
            <button type="button" onClick={() => void client.stopEval({ id: run.id })}>
              Stop
            </button>
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
            <span>
              pass@1 <strong>{pct(s.passAt1)}</strong>
            </span>
            <span>
              pass@{s.samplesPerProblem} <strong>{pct(s.passAtK)}</strong>
            </span>
            <span>
              majority <strong>{pct(s.majority)}</strong>
            </span>
            <span>
              truncated <strong>{pct(s.truncationRate)}</strong>
            </span>
            <span>
              mean answer <strong>{Math.round(s.meanAnswerTokens)} tokens</strong>
            </span>
            <span>
              throughput <strong>{s.tokensPerSecond.toFixed(1)} tok/s</strong>
            </span>
          </div>
          <button type="button" onClick={() => void client.getEvalReport({ id: run.id }).then((r) => downloadText(r.fileName, 'text/html', r.html))}>
            Download report (HTML)
          </button>
          <table className="eval-table">
            <thead>
              <tr>
                <th>Problem</th>
                <th>Correct</th>
                <th>pass@1</th>
                <th>Majority</th>
                <th>Truncated</th>
                <th>Mean tokens</th>
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
