import { useEffect, useState } from 'react';
import { describeContainment, type CompanionStatus, type ContainmentWords, type ProblemRecord, type TestCase } from '../../../shared/judging';
import { useT } from '../i18n/use-t';
import type { WorkbenchClient } from '../api/workbench-client';
import { notifyWhenAway } from '../commands/notify-when-away';
import { useWorkspace, useWorkspaceStore } from '../workspace/use-workspace';
import { shown } from '../workspace/workspace-store';
import { DamagedProblems } from './DamagedFiles';
import { FixLoopControls } from './FixLoopControls';
import { TestCaseRow } from './TestCaseRow';
import { JudgingSettings } from './JudgingSettings';
import { StressPanel } from './StressPanel';
import { VerdictBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { Select } from '../ui/Select';

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
  const t = useT();
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
      if (done) notifyWhenAway(startedAt, t('tests.notifyTitle', { title: session?.title ?? '' }), t('tests.notifyBody', { passed: done.passed, total: done.tests.length }));
    });
  };
  const containmentWords: ContainmentWords = {
    on: t('containment.on'),
    off: t('containment.off'),
    tree: t('containment.tree'),
    process: t('containment.process'),
    user: t('containment.user'),
    time: t('containment.time'),
    memory: t('containment.memory'),
    processes: t('containment.processes'),
    diskTotal: t('containment.diskTotal'),
    diskPerFile: t('containment.diskPerFile'),
    network: t('containment.network'),
    files: t('containment.files'),
  };

  return (
    <div className="tests-panel" data-testid="tests-panel">
      <div className="tests-header">
        <Select
          label={t('tests.savedProblems')}
          value=""
          options={[{ value: '', label: t(library.length ? 'tests.openSaved' : 'tests.noSaved') }, ...library.map((p) => ({ value: p.id, label: p.name }))]}
          onChange={(id) => id && void store.openProblem(id)}
        />
        <Button onClick={() => void store.startNew({ tests: [{ input: '', output: '' }] })} title={t('tests.newTitle')}>
          {t('common.new')}
        </Button>
        <Button variant="primary" disabled={running || tests.length === 0} onClick={() => run()}>
          {t(running ? 'tests.running' : 'tests.runTests')}
        </Button>
      </div>
      <DamagedProblems client={client} problems={library} />
      {companion && (
        <p className="hint" data-testid="companion-status">
          {companion.listening ? t('tests.companionOn', { port: companion.port }) : (companion.error ?? t('tests.companionOff'))}
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
          {t('tests.limits', { time: problem.timeLimit, memory: problem.memoryLimit })}
          {problem.url && /^https?:\/\//.test(problem.url) ? ' · ' : ''}
          {problem.url && /^https?:\/\//.test(problem.url) && (
            <a href={problem.url} target="_blank" rel="noopener noreferrer">
              {t('tests.source')}
            </a>
          )}
        </p>
      )}
      {session && <JudgingSettings />}
      {report?.compileError && !running && (
        <pre className="verdict-detail compile-error" data-testid="compile-error">
          <VerdictBadge verdict="CE" /> {report.compileError}
        </pre>
      )}
      {report?.compiler && !running && (
        <p className="hint" data-testid="compiler-line">
          {report.compiler}
          {` · ${report.compileMs ? t('tests.compiledIn', { ms: report.compileMs }) : t('tests.compiledCached')}`}
        </p>
      )}
      {report && !report.compileError && !running && (
        <p className="verdict-summary" data-testid="verdict-summary">
          <VerdictBadge verdict={report.verdict} /> {t('tests.accepted', { passed: report.passed, total: report.total })}
          {firstFailure && canAskModel && (
            <Button onClick={() => void store.ask('fix', { testIndex: firstFailure.index, templateId: fixTemplates.some((f) => f.id === fixTemplateId) ? fixTemplateId : 'fix-feedback' }).catch(() => undefined)}>
              {t('common.fixWithFeedback')}
            </Button>
          )}
          {firstFailure && canAskModel && fixTemplates.length > 1 && (
            <Select label={t('tests.fixTemplate')} value={fixTemplateId} options={fixTemplates.map((f) => ({ value: f.id, label: f.name }))} onChange={setFixTemplateId} />
          )}
        </p>
      )}
      <FixLoopControls canStart={Boolean(firstFailure && canAskModel)} templateId={fixTemplates.some((f) => f.id === fixTemplateId) ? fixTemplateId : 'fix-feedback'} />
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
      <Button onClick={() => setTests([...tests, { input: '', output: '' }])}>
        {t('tests.addTest')}
      </Button>
      <StressPanel key={session?.id ?? 'none'} client={client} canAskModel={canAskModel} />
      <details className="custom-input">
        <summary>{t('tests.customInput')}</summary>
        <textarea aria-label={t('tests.customInput')} value={customInput} spellCheck={false} onChange={(e) => setCustomInput(e.target.value)} />
        <Button disabled={custom?.running === true} onClick={() => void store.runCustom(customInput)}>
          {t('tests.runWithInput')}
        </Button>
        {custom?.result && (
          <div data-testid="custom-output">
            <p className="hint">
              {t('tests.customLine', {
                outcome: custom.result.verdict === 'WA' || custom.result.verdict === 'AC' ? t('tests.finished') : custom.result.verdict,
                cpu: custom.result.cpuMs,
                memory: custom.result.peakMemoryMb.toFixed(1),
              })}
              {custom.result.detail && custom.result.verdict !== 'WA' ? ` · ${custom.result.detail}` : ''}
            </p>
            <pre className="diff">{custom.result.stdout || t('tests.noOutput')}</pre>
            {custom.result.stderr && <pre className="stderr">{custom.result.stderr.slice(-2000)}</pre>}
          </div>
        )}
      </details>
      {report && (
        <p className="hint" data-testid="containment">
          {t('tests.sandbox', { description: describeContainment(report.containment, ' · ', containmentWords) })}
        </p>
      )}
    </div>
  );
}
