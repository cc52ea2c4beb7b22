import { useEffect, useState } from 'react';
import { describeContainment, type CompanionStatus, type ProblemRecord, type TestCase } from '../../../shared/judging';
import type { WorkbenchClient } from '../api/workbench-client';
import { notifyWhenAway } from '../commands/notify-when-away';
import { useWorkspace, useWorkspaceStore } from '../workspace/use-workspace';
import { shown } from '../workspace/workspace-store';
import { DamagedProblems } from './DamagedFiles';
import { FixLoopControls } from './FixLoopControls';
import { TestCaseRow } from './TestCaseRow';
import { JudgingSettings } from './JudgingSettings';
import { StressPanel } from './StressPanel';

interface TestsPanelProps {
  client: WorkbenchClient;
  canAskModel: boolean;
}

/**
 * The session's tests: edit them, judge the editor's code, see verdicts and
 * diffs (kept with the session), send a failure back to the model. Saved
 * problems (from Competitive Companion or files) open as sessions of their own.
 */
export function TestsPanel({ client, canAskModel }: TestsPanelProps) {
  const store = useWorkspaceStore();
  const session = useWorkspace('session');
  const pending = useWorkspace('pending');
  const judging = useWorkspace('judging');
  const custom = useWorkspace('custom');
  const error = useWorkspace('error');
  const [library, setLibrary] = useState<ProblemRecord[]>([]);
  const [companion, setCompanion] = useState<CompanionStatus | null>(null);
  const [customInput, setCustomInput] = useState('');
  // Templates that take the judge's feedback: Fix with feedback renders the chosen one.
  const [fixTemplates, setFixTemplates] = useState<{ id: string; name: string }[]>([]);
  const [fixTemplateId, setFixTemplateId] = useState('fix-feedback');

  useEffect(() => {
    client.listProblems().then(setLibrary, () => undefined);
    client.getCompanionStatus().then(setCompanion, () => undefined);
    return client.on('problemsChanged', () => void client.listProblems().then(setLibrary, () => undefined));
  }, [client]);

  useEffect(() => {
    const load = () =>
      client.listTemplates().then(
        (entries) => setFixTemplates(entries.flatMap((e) => (e.template?.body.includes('{{feedback}}') ? [{ id: e.id, name: e.template.name }] : []))),
        () => undefined,
      );
    void load();
    return client.on('templatesChanged', () => void load());
  }, [client]);

  const { tests } = shown({ session, pending });
  const problem = session?.problem;
  const report = session?.lastReport ?? null;
  const running = judging !== null;
  const resultFor = (index: number) => judging?.progress.find((t) => t.index === index) ?? (running ? undefined : report?.tests.find((t) => t.index === index));
  const firstFailure = running ? undefined : report?.tests.find((t) => t.verdict !== 'AC');
  const setTests = (next: TestCase[]) => store.edit({ tests: next });
  const run = (only?: number[]) => {
    const startedAt = Date.now();
    void store.judge(only).then((done) => {
      if (done) notifyWhenAway(startedAt, `Tests finished: ${session?.title ?? ''}`, `${done.passed} of ${done.tests.length} passed`);
    });
  };

  return (
    <div className="tests-panel" data-testid="tests-panel">
      <div className="tests-header">
        <select aria-label="Saved problems" value="" onChange={(e) => e.target.value && void store.openProblem(e.target.value)}>
          <option value="">{library.length ? 'Open a saved problem…' : 'No saved problems yet'}</option>
          {library.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void store.startNew({ tests: [{ input: '', output: '' }] })} title="A new session with one empty test">
          New
        </button>
        <button type="button" className="primary" disabled={running || tests.length === 0} onClick={() => run()}>
          {running ? 'Running…' : 'Run tests'}
        </button>
      </div>
      <DamagedProblems client={client} problems={library} />
      {companion && (
        <p className="hint" data-testid="companion-status">
          {companion.listening ? `Competitive Companion: send problems to port ${companion.port}.` : (companion.error ?? 'Competitive Companion import is off.')}
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {problem && (
        <p className="hint problem-limits" data-testid="problem-limits">
          {problem.name && <strong>{problem.name} · </strong>}
          {problem.timeLimit} ms · {problem.memoryLimit} MB{problem.url && /^https?:\/\//.test(problem.url) ? ' · ' : ''}
          {problem.url && /^https?:\/\//.test(problem.url) && (
            <a href={problem.url} target="_blank" rel="noopener noreferrer">
              source
            </a>
          )}
        </p>
      )}
      {session && <JudgingSettings />}
      {report?.compileError && !running && (
        <pre className="verdict-detail compile-error" data-testid="compile-error">
          <span className="verdict verdict-CE">CE</span> {report.compileError}
        </pre>
      )}
      {report?.compiler && !running && (
        <p className="hint" data-testid="compiler-line">
          {report.compiler}
          {report.compileMs ? ` · compiled in ${report.compileMs} ms` : ' · compiled before (cached)'}
        </p>
      )}
      {report && !report.compileError && !running && (
        <p className="verdict-summary" data-testid="verdict-summary">
          <span className={`verdict verdict-${report.verdict}`}>{report.verdict}</span> {report.passed}/{report.total} accepted
          {firstFailure && canAskModel && (
            <button type="button" onClick={() => void store.ask('fix', { testIndex: firstFailure.index, templateId: fixTemplates.some((t) => t.id === fixTemplateId) ? fixTemplateId : 'fix-feedback' }).catch(() => undefined)}>
              Fix with feedback
            </button>
          )}
          {firstFailure && canAskModel && fixTemplates.length > 1 && (
            <select aria-label="Fix template" value={fixTemplateId} onChange={(e) => setFixTemplateId(e.target.value)}>
              {fixTemplates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </p>
      )}
      <FixLoopControls canStart={Boolean(firstFailure && canAskModel)} templateId={fixTemplates.some((t) => t.id === fixTemplateId) ? fixTemplateId : 'fix-feedback'} />
      <ol className="test-list">
        {tests.map((test, index) => (
          <TestCaseRow
            key={index}
            index={index}
            test={test}
            result={resultFor(index)}
            running={running}
            onChange={(change) => setTests(tests.map((t, i) => (i === index ? { ...t, ...change } : t)))}
            onDelete={() => setTests(tests.filter((_, i) => i !== index))}
            onRun={() => run([index])}
          />
        ))}
      </ol>
      <button type="button" onClick={() => setTests([...tests, { input: '', output: '' }])}>
        Add test
      </button>
      <StressPanel key={session?.id ?? 'none'} client={client} canAskModel={canAskModel} />
      <details className="custom-input">
        <summary>Custom input</summary>
        <textarea aria-label="Custom input" value={customInput} spellCheck={false} onChange={(e) => setCustomInput(e.target.value)} />
        <button type="button" disabled={custom?.running === true} onClick={() => void store.runCustom(customInput)}>
          Run with this input
        </button>
        {custom?.result && (
          <div data-testid="custom-output">
            <p className="hint">
              {custom.result.verdict === 'WA' || custom.result.verdict === 'AC' ? 'Finished' : custom.result.verdict} · {custom.result.cpuMs} ms CPU · {custom.result.peakMemoryMb.toFixed(1)} MB
              {custom.result.detail && custom.result.verdict !== 'WA' ? ` · ${custom.result.detail}` : ''}
            </p>
            <pre className="diff">{custom.result.stdout || '(no output)'}</pre>
            {custom.result.stderr && <pre className="stderr">{custom.result.stderr.slice(-2000)}</pre>}
          </div>
        )}
      </details>
      {report && (
        <p className="hint" data-testid="containment">
          Sandbox: {describeContainment(report.containment, ' · ')}
        </p>
      )}
    </div>
  );
}
