import { useEffect, useRef, useState } from 'react';
import { describeContainment, type CompanionStatus, type ProblemRecord, type TestCase } from '../../../shared/judging';
import type { WorkbenchClient } from '../api/workbench-client';
import { editorBridge } from '../editor/editor-bridge';
import { commandBus } from '../commands/command-bus';
import { notifyWhenAway } from '../commands/notify-when-away';

type Report = Awaited<ReturnType<WorkbenchClient['judgeCode']>>;
type Result = Report['tests'][number];

interface TestsPanelProps {
  client: WorkbenchClient;
  /** Sends the model a follow-up about a failed test (same conversation). */
  onFixWithFeedback: (feedback: string) => void;
  canAskModel: boolean;
  /** The statement box: filled from the chosen problem, and saved into it as it is edited. */
  statement: string;
  onLoadStatement: (statement: string) => void;
  /** The chosen problem, for prompts that include its tests. */
  onProblemChange?: (problem: ProblemRecord | null) => void;
  /** The last run's results (kept in the session). */
  onReport?: (report: Report) => void;
}

/** The problem's tests: pick a problem, edit tests, judge the editor's code, see verdicts and diffs. */
export function TestsPanel({ client, onFixWithFeedback, canAskModel, statement, onLoadStatement, onProblemChange, onReport }: TestsPanelProps) {
  const [problems, setProblems] = useState<ProblemRecord[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [companion, setCompanion] = useState<CompanionStatus | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [customInput, setCustomInput] = useState('');
  const [custom, setCustom] = useState<Result | null>(null);

  useEffect(() => {
    // The newest problem is the current one when the workbench opens.
    client.listProblems().then((list) => {
      setProblems(list);
      setSelectedId((current) => current ?? list[0]?.id ?? null);
    }, () => undefined);
    client.getCompanionStatus().then(setCompanion, () => undefined);
    return client.on('problemsChanged', ({ problems: next }) => {
      setProblems(next);
      // A freshly imported problem becomes the current one.
      setSelectedId((current) => (next.some((p) => p.id === current) ? current : (next[0]?.id ?? null)));
    });
  }, [client]);

  const problem = problems.find((p) => p.id === selectedId) ?? null;

  useEffect(() => {
    onProblemChange?.(problem);
  }, [problem, onProblemChange]);

  // Choosing a problem shows its statement; editing the statement saves it into the problem.
  const loadedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!problem || loadedFor.current === problem.id) return;
    loadedFor.current = problem.id;
    onLoadStatement(problem.statement);
  }, [problem, onLoadStatement]);
  useEffect(() => {
    if (!problem || loadedFor.current !== problem.id || problem.statement === statement) return;
    const timer = setTimeout(() => {
      const next = { ...problem, statement };
      setProblems((all) => all.map((p) => (p.id === next.id ? next : p)));
      client.saveProblem(next).catch(() => undefined);
    }, 500);
    return () => clearTimeout(timer);
  }, [statement, problem, client]);
  const save = (next: ProblemRecord) => {
    setProblems((all) => all.map((p) => (p.id === next.id ? next : p)));
    client.saveProblem(next).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };
  const updateTest = (index: number, change: Partial<TestCase>) => {
    if (!problem) return;
    save({ ...problem, tests: problem.tests.map((t, i) => (i === index ? { ...t, ...change } : t)) });
  };

  const run = (only?: number[]) => {
    if (!problem) return;
    setRunning(true);
    setError(null);
    const startedAt = Date.now();
    client
      .judgeCode({ code: editorBridge.getCode(), problemId: problem.id, ...(only ? { only } : {}) })
      .then(
        (next) => {
          setReport(next);
          onReport?.(next);
          const passed = next.tests.filter((t) => t.verdict === 'AC').length;
          notifyWhenAway(startedAt, `Tests finished: ${problem.name}`, `${passed} of ${next.tests.length} passed`);
        },
        (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
      )
      .finally(() => setRunning(false));
  };

  const createProblem = () => {
    const record: ProblemRecord = {
      id: `${Date.now().toString(36)}-${Math.random().toString(16).slice(2, 8)}`,
      name: 'New problem',
      statement: '',
      importedAt: new Date().toISOString(),
      timeLimit: 2000,
      memoryLimit: 256,
      tests: [{ input: '', output: '' }],
    };
    setProblems((all) => [record, ...all]);
    setSelectedId(record.id);
    client.saveProblem(record).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };

  // Menu commands and opened files (the handlers read the latest state through the ref).
  const commandTargets = useRef({ run, createProblem });
  useEffect(() => {
    commandTargets.current = { run, createProblem };
  });
  useEffect(
    () =>
      commandBus.on((command) => {
        if (command.command === 'newProblem') commandTargets.current.createProblem();
        else if (command.command === 'runTests') commandTargets.current.run();
        else if (command.command === 'openProblem') setSelectedId(command.problemId);
      }),
    [],
  );

  const resultFor = (index: number): Result | undefined => report?.tests.find((t) => t.index === index);
  const firstFailure = report?.tests.find((t) => t.verdict !== 'AC');

  return (
    <div className="tests-panel" data-testid="tests-panel">
      <div className="tests-header">
        <select aria-label="Problem" value={selectedId ?? ''} onChange={(e) => setSelectedId(e.target.value || null)}>
          <option value="">{problems.length ? 'Choose a problem…' : 'No problems yet'}</option>
          {problems.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={createProblem} title="A new problem with one empty test">
          New
        </button>
        {problem && (
          <button type="button" className="primary" disabled={running || problem.tests.length === 0} onClick={() => run()}>
            {running ? 'Running…' : 'Run tests'}
          </button>
        )}
      </div>
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
        <>
          <p className="hint">
            {problem.timeLimit} ms · {problem.memoryLimit} MB{problem.url && /^https?:\/\//.test(problem.url) ? ' · ' : ''}
            {problem.url && /^https?:\/\//.test(problem.url) && (
              <a href={problem.url} target="_blank" rel="noopener noreferrer">
                source
              </a>
            )}
          </p>
          {report?.compileError && (
            <pre className="verdict-detail" data-testid="compile-error">
              <span className="verdict verdict-CE">CE</span> {report.compileError}
            </pre>
          )}
          {report && !report.compileError && (
            <p className="verdict-summary" data-testid="verdict-summary">
              <span className={`verdict verdict-${report.verdict}`}>{report.verdict}</span> {report.passed}/{report.total} accepted
              {firstFailure && canAskModel && (
                <button type="button" onClick={() => onFixWithFeedback(feedbackFor(problem, firstFailure))}>
                  Fix with feedback
                </button>
              )}
            </p>
          )}
          <ol className="test-list">
            {problem.tests.map((test, index) => {
              const result = resultFor(index);
              return (
                <li key={index} className="test-case" data-testid="test-case">
                  <div className="test-case-header">
                    <strong>Test {index + 1}</strong>
                    {result && <span className={`verdict verdict-${result.verdict}`}>{result.verdict}</span>}
                    {result && (
                      <span className="hint">
                        {result.cpuMs} ms CPU · {result.wallMs} ms · {result.peakMemoryMb.toFixed(1)} MB
                      </span>
                    )}
                    <span className="spacer" />
                    <button type="button" onClick={() => run([index])} disabled={running}>
                      Run
                    </button>
                    <button type="button" aria-label={`Delete test ${index + 1}`} onClick={() => save({ ...problem, tests: problem.tests.filter((_, i) => i !== index) })}>
                      ✕
                    </button>
                  </div>
                  <div className="test-io">
                    <label>
                      Input
                      <textarea value={test.input} spellCheck={false} onChange={(e) => updateTest(index, { input: e.target.value })} />
                    </label>
                    <label>
                      Expected
                      <textarea value={test.output} spellCheck={false} onChange={(e) => updateTest(index, { output: e.target.value })} />
                    </label>
                  </div>
                  {result?.detail && <p className="verdict-detail">{result.detail}</p>}
                  {result?.diff && <pre className="diff" data-testid="diff">{result.diff}</pre>}
                  {result && result.verdict !== 'AC' && result.stderr && <pre className="stderr">{result.stderr.slice(-2000)}</pre>}
                </li>
              );
            })}
          </ol>
          <button type="button" onClick={() => save({ ...problem, tests: [...problem.tests, { input: '', output: '' }] })}>
            Add test
          </button>
          <details className="custom-input">
            <summary>Custom input</summary>
            <textarea aria-label="Custom input" value={customInput} spellCheck={false} onChange={(e) => setCustomInput(e.target.value)} />
            <button
              type="button"
              disabled={running}
              onClick={() => {
                setRunning(true);
                client
                  .runCustom({ code: editorBridge.getCode(), input: customInput, problemId: problem.id })
                  .then((r) => setCustom(r.tests[0] ?? null), (err: unknown) => setError(err instanceof Error ? err.message : String(err)))
                  .finally(() => setRunning(false));
              }}
            >
              Run with this input
            </button>
            {custom && (
              <div data-testid="custom-output">
                <p className="hint">
                  {custom.verdict === 'WA' || custom.verdict === 'AC' ? 'Finished' : custom.verdict} · {custom.cpuMs} ms CPU · {custom.peakMemoryMb.toFixed(1)} MB{custom.detail && custom.verdict !== 'WA' ? ` · ${custom.detail}` : ''}
                </p>
                <pre className="diff">{custom.stdout || '(no output)'}</pre>
                {custom.stderr && <pre className="stderr">{custom.stderr.slice(-2000)}</pre>}
              </div>
            )}
          </details>
          {report && (
            <p className="hint" data-testid="containment">
              Sandbox: {describeContainment(report.containment, ' · ')}
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** The follow-up the model gets after a failed test: input, expected, and what happened. */
export function feedbackFor(problem: ProblemRecord, result: Result): string {
  const test = problem.tests[result.index];
  const got = result.verdict === 'WA' ? `Your output:\n\`\`\`\n${result.stdout.slice(0, 2000)}\n\`\`\`` : `Result: ${result.verdict}${result.detail ? ` — ${result.detail}` : ''}${result.stderr ? `\n\`\`\`\n${result.stderr.slice(-1500)}\n\`\`\`` : ''}`;
  return `Your code failed test ${result.index + 1} (${result.verdict}).\n\nInput:\n\`\`\`\n${test?.input.slice(0, 2000) ?? ''}\n\`\`\`\n\nExpected output:\n\`\`\`\n${test?.output.slice(0, 2000) ?? ''}\n\`\`\`\n\n${got}\n\nFind the bug and give the complete corrected Python solution in one code block.`;
}
