import { lazy, Suspense, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { AppInfo } from '../../shared/app-info';
import { samplingPresets, type GenerationResult, type Sampling } from '../../shared/generation';
import type { Template } from '../../shared/templates';
import type { ProblemRecord } from '../../shared/judging';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { editorBridge, lastCodeBlock, lastPythonBlock } from './editor/editor-bridge';
import type { WorkbenchClient } from './api/workbench-client';
import { EditorPlaceholder } from './components/EditorPlaceholder';
import { GetModelCard } from './components/GetModelCard';
import { ModelsView } from './components/ModelsView';
import { ProblemPane } from './components/ProblemPane';
import { ReasoningPane } from './components/ReasoningPane';
import { SettingsView } from './components/SettingsView';
import { StatusBar } from './components/StatusBar';
import { TestsPanel } from './components/TestsPanel';
import { TemplatesView } from './components/TemplatesView';
import { EvaluateView } from './components/EvaluateView';
import { useGeneration } from './state/use-generation';
import { useModelState } from './state/use-model-state';
import { useResolvedTheme } from './theme/use-resolved-theme';
import { commandBus } from './commands/command-bus';
import { openDroppedFiles } from './commands/file-drop';
import { askForNotificationsOnce, notifyWhenAway } from './commands/notify-when-away';
import { useLayout, type View } from './state/use-layout';
import { useSession } from './state/use-session';
import { PrivacyContext } from './state/privacy';
import { SessionsSidebar } from './components/SessionsSidebar';
import { PresentationView } from './components/PresentationView';
import type { JudgeReport } from '../../shared/judging';
const viewLabels: Record<View, string> = { workbench: 'Workbench', models: 'Models', templates: 'Templates', evaluate: 'Evaluate', settings: 'Settings' };

// Monaco is most of the bundle; loading it on its own lets the layout paint first.
const EditorPane = lazy(() => import('./components/EditorPane').then((m) => ({ default: m.EditorPane })));

export function App({ client }: { client: WorkbenchClient }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [layout, updateLayout] = useLayout();
  const { view } = layout;
  const setView = useCallback((next: View) => updateLayout({ view: next }), [updateLayout]);
  const [notice, setNotice] = useState<string | null>(null);
  const [statement, setStatement] = useState('');
  const [templates, setTemplates] = useState<Template[]>([]);
  useEffect(() => {
    const load = () => client.listTemplates().then((entries) => setTemplates(entries.flatMap((e) => (e.template ? [e.template] : []))), () => undefined);
    load();
    return client.on('templatesChanged', load);
  }, [client]);
  const theme = useResolvedTheme(settings?.theme);
  const models = useModelState(client);
  // When an answer finishes, the part its template names goes to the editor (offered if the editor has edits).
  const sendToEditor = useRef<Template['sendToEditor']>('lastPython');
  const currentProblem = useRef<ProblemRecord | null>(null);
  const session = useSession(client, setNotice);
  const { update: updateSession, open: openSavedSession, close: closeSession } = session;
  const onProblemChange = useCallback(
    (problem: ProblemRecord | null) => {
      currentProblem.current = problem;
      updateSession({ problemId: problem?.id ?? null, tests: problem?.tests ?? [] });
    },
    [updateSession],
  );
  const onReport = useCallback((report: JudgeReport) => updateSession({ lastReport: report }), [updateSession]);
  // Every answer becomes a turn of the session (with the model that wrote it).
  const askedPrompt = useRef('');
  const modelName = useRef<string | null>(null);
  const loadedModelName = models.status?.model?.name ?? null;
  useEffect(() => {
    modelName.current = loadedModelName;
  }, [loadedModelName]);
  const generation = useGeneration(
    client,
    useCallback(
      (result: GenerationResult) => {
        // A request that failed before any text (a server that could not be reached) is not a turn.
        const empty = result.error !== null && result.answer === '' && result.reasoning === '';
        if (!empty)
          updateSession(
          (s) => ({
            turns: [...s.turns, { prompt: askedPrompt.current, reasoning: result.reasoning, answer: result.answer, stats: result.stats, model: modelName.current, at: new Date().toISOString() }],
            model: modelName.current,
          }),
          { create: true },
        );
        const code = sendToEditor.current === 'none' ? null : sendToEditor.current === 'lastCode' ? lastCodeBlock(result.answer) : lastPythonBlock(result.answer);
        if (code) editorBridge.propose(code, 'python');
      },
      [updateSession],
    ),
  );

  // The editor's text is part of the session; code the app puts there keeps the previous text in the history.
  useEffect(
    () =>
      editorBridge.onChange((code, origin) =>
        updateSession((s) =>
          origin === 'app' && s.code.trim() !== '' && s.code !== code
            ? { code, codeHistory: [...s.codeHistory, { at: new Date().toISOString(), code: s.code, source: 'user' as const }].slice(-100) }
            : { code },
        ),
      ),
    [updateSession],
  );

  const changeStatement = useCallback(
    (text: string) => {
      setStatement(text);
      updateSession({ statement: text }, { create: text.trim() !== '' });
    },
    [updateSession],
  );
  const loadStatement = useCallback(
    (text: string) => {
      setStatement(text);
      updateSession({ statement: text });
    },
    [updateSession],
  );

  // Reopening a session puts everything back: statement, problem and tests, editor, last answer.
  const { show: showAnswer } = generation;
  const openSession = useCallback(
    async (id: string) => {
      try {
        const opened = await openSavedSession(id);
        if (opened.problemId) commandBus.dispatch({ command: 'openProblem', problemId: opened.problemId });
        setStatement(opened.statement);
        if (opened.code) editorBridge.open(opened.code, 'python');
        const last = opened.turns.at(-1);
        showAnswer(last ? { prompt: last.prompt, reasoning: last.reasoning, answer: last.answer, stats: last.stats } : null);
        updateLayout({ sessionId: id, view: 'workbench' });
      } catch (err) {
        setNotice(err instanceof Error ? err.message : String(err));
        updateLayout({ sessionId: null });
      }
    },
    [openSavedSession, showAnswer, updateLayout],
  );
  const newSession = useCallback(
    (options: { discard?: boolean } = {}) => {
      closeSession(options);
      setStatement('');
      showAnswer(null);
      updateLayout({ sessionId: null });
    },
    [closeSession, showAnswer, updateLayout],
  );
  const currentSessionId = session.session?.id ?? null;
  useEffect(() => {
    if (currentSessionId) updateLayout({ sessionId: currentSessionId });
  }, [currentSessionId, updateLayout]);
  // The last session comes back when the app starts.
  const reopened = useRef(false);
  useEffect(() => {
    if (reopened.current) return;
    reopened.current = true;
    const id = layout.sessionId;
    // After the first paint, so the editor and the problem list are there to receive it.
    if (id) setTimeout(() => void openSession(id), 0);
  }, [layout.sessionId, openSession]);

  // Presentation mode from the keyboard too (Alt+P), in the browser and the desktop app.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyP') {
        e.preventDefault();
        updateLayout((l) => ({ presentation: !l.presentation }));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [updateLayout]);

  // A long answer that finishes while the user is elsewhere gets a desktop notification.
  const answerStartedAt = useRef<number | null>(null);
  const answering = generation.view?.running === true;
  useEffect(() => {
    if (answering && answerStartedAt.current === null) answerStartedAt.current = Date.now();
    if (!answering && answerStartedAt.current !== null) {
      notifyWhenAway(answerStartedAt.current, 'VibeThinker finished', 'The answer is ready in the workbench.');
      answerStartedAt.current = null;
    }
  }, [answering]);

  // Commands from the desktop menu and from files opened from the system or dropped on the window.
  const { stop } = generation;
  useEffect(() => {
    const off = commandBus.on((command) => {
      if (command.command === 'stopGeneration') stop();
      else if (command.command === 'toggleReasoning') updateLayout((l) => ({ reasoningOpen: !l.reasoningOpen }));
      else if (command.command === 'togglePresentation') updateLayout((l) => ({ presentation: !l.presentation }));
      else if (command.command === 'showView') setView(command.view);
      else if (command.command === 'notice') setNotice(command.message);
      else if (command.command === 'openCode') {
        editorBridge.open(command.code, 'python');
        setView('workbench');
      } else if (command.command === 'newProblem' || command.command === 'openProblem' || command.command === 'runTests') setView('workbench');
    });
    // Listen first, then collect what was sent before the page was listening (a file that started the app).
    const offEvents = client.on('desktopCommand', (command) => commandBus.dispatch(command));
    client.takeDesktopCommands().then((waiting) => waiting.forEach((command) => commandBus.dispatch(command)), () => undefined);
    return () => {
      off();
      offEvents();
    };
  }, [client, stop, updateLayout, setView]);

  // Files dropped anywhere on the window (not only on a pane).
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      setDragging(false);
      void openDroppedFiles([...(e.dataTransfer?.files ?? [])], { client, pathForFile: window.workbench?.pathForFile });
    };
    window.addEventListener('dragover', over, true);
    window.addEventListener('dragleave', leave, true);
    window.addEventListener('drop', drop, true);
    return () => {
      window.removeEventListener('dragover', over, true);
      window.removeEventListener('dragleave', leave, true);
      window.removeEventListener('drop', drop, true);
    };
  }, [client]);

  // The template turns the statement into the exact prompt (with the editor's code for {{code}}).
  const askWithTemplate = useCallback(
    (text: string, template: Template, sampling: Sampling, followUp: boolean) => {
      sendToEditor.current = template.sendToEditor;
      askForNotificationsOnce();
      askedPrompt.current = text;
      updateSession({ templateId: template.id, sampling }, { create: true });
      const tests = (currentProblem.current?.tests ?? [])
        .slice(0, 3)
        .map((t, i) => `Sample ${i + 1} input:\n${t.input.trimEnd()}\nSample ${i + 1} output:\n${t.output.trimEnd()}`)
        .join('\n\n');
      client.previewTemplate({ template, values: { problem: text, language: 'Python 3', code: editorBridge.getCode(), tests } }).then(
        (rendered) => generation.ask(rendered.user, sampling, !followUp, rendered.system ?? ''),
        () => generation.ask(text, sampling, !followUp),
      );
    },
    [client, generation, updateSession],
  );

  const load = useCallback(() => {
    Promise.all([client.getAppInfo(), client.getSettings()]).then(
      ([nextInfo, nextSettings]) => {
        setInfo(nextInfo);
        setSettings(nextSettings);
        setLoadError(null);
      },
      (err: unknown) => setLoadError(err instanceof Error ? err.message : String(err)),
    );
  }, [client]);

  useEffect(() => {
    load();
    return client.on('settingsChanged', setSettings);
  }, [client, load]);

  const connection = useSyncExternalStore(
    useCallback((onChange: () => void) => client.transport.onConnectionChange(onChange), [client]),
    () => client.transport.connection,
  );
  // After a reconnect, another tab or the CLI may have changed settings: fetch them again.
  const wasDisconnected = useRef(false);
  const { refreshCatalog } = models;
  useEffect(() => {
    if (connection === 'reconnecting') wasDisconnected.current = true;
    if (connection === 'connected' && wasDisconnected.current) {
      wasDisconnected.current = false;
      load();
      refreshCatalog();
    }
  }, [connection, load, refreshCatalog]);

  const updateSettings = useCallback(
    async (patch: SettingsPatch) => {
      setSettings(await client.updateSettings(patch));
    },
    [client],
  );

  const status = models.status;
  const noModelAnywhere = status?.state === 'empty' && models.catalog !== null && models.catalog.models.every((m) => m.problem !== null);
  const blockedReason = status?.state === 'ready' || status?.state === 'loading' ? null : 'Load a model first (Models tab)';

  const reasoningPane = (
    <ReasoningPane
      fontSize={settings?.reasoningFontSize ?? 15}
      generation={generation.view}
      reasoningOpen={layout.reasoningOpen}
      onReasoningToggle={(open) => updateLayout({ reasoningOpen: open })}
      onStop={generation.stop}
      onRetry={generation.retry}
      firstRun={
        noModelAnywhere ? (
          <GetModelCard
            recommended={models.catalog?.downloads.find((d) => d.recommended)}
            onDownload={(id) => {
              void client.startDownload({ id }).catch(() => undefined);
              setView('models');
            }}
            onOpenModels={() => setView('models')}
          />
        ) : null
      }
    />
  );

  return (
    <PrivacyContext.Provider value={layout.privacy}>
    <div className="app" data-view={view} data-presentation={layout.presentation || undefined} data-dragging={dragging || undefined}>
      <header className="top-bar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            V
          </span>
          <span className="brand-name">VibeThinker Workbench</span>
        </div>
        <nav className="tabs" aria-label="Views">
          {(Object.keys(viewLabels) as View[]).map((v) => (
            <button key={v} type="button" className={view === v ? 'tab active' : 'tab'} aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
              {viewLabels[v]}
            </button>
          ))}
        </nav>
        <span className="top-actions">
          <button type="button" aria-pressed={layout.sidebarOpen} onClick={() => updateLayout((l) => ({ sidebarOpen: !l.sidebarOpen }))}>
            Sessions
          </button>
          <button type="button" onClick={() => updateLayout({ presentation: true, view: 'workbench' })} title="Presentation mode for screenshares (Alt+P)">
            Present
          </button>
        </span>
      </header>
      {notice && (
        <div className="banner notice" role="status">
          <span>{notice}</span>
          <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      {loadError && (
        <div className="banner error" role="alert">
          {loadError}
        </div>
      )}
      <main className="content">
        {/* The workbench stays mounted behind other views so the editor keeps its text and undo history. */}
        {layout.presentation && (
          <PresentationView
            statement={statement}
            generation={generation.view}
            layout={layout}
            onLayout={updateLayout}
            answerPane={reasoningPane}
            canReplay={(generation.view?.result?.answer ?? '') !== '' && !generation.view?.running}
            onReplay={(charsPerSecond) => {
              const result = generation.view?.result;
              if (result) generation.replay({ prompt: generation.view?.prompt ?? '', reasoning: result.reasoning, answer: result.answer, stats: result.stats }, charsPerSecond);
            }}
          />
        )}
        <div className="workbench-row" hidden={view !== 'workbench' || layout.presentation}>
        {layout.sidebarOpen && <SessionsSidebar client={client} currentId={currentSessionId} onOpen={(id) => void openSession(id)} onNew={() => newSession()} onDeleteCurrent={() => newSession({ discard: true })} onNotice={setNotice} />}
        <div className="workbench">
          <ProblemPane
            blockedReason={blockedReason}
            running={generation.view?.running === true}
            templates={templates}
            onAsk={askWithTemplate}
            onStop={generation.stop}
            statement={statement}
            onStatementChange={changeStatement}
            tests={
              <TestsPanel
                client={client}
                canAskModel={status?.state === 'ready'}
                onFixWithFeedback={(feedback) => {
                  sendToEditor.current = 'lastPython';
                  generation.ask(feedback, samplingPresets.code, false);
                }}
                statement={statement}
                onLoadStatement={loadStatement}
                onProblemChange={onProblemChange}
                onReport={onReport}
              />
            }
          />
          {!layout.presentation && reasoningPane}
          <Suspense fallback={<EditorPlaceholder />}>
            <EditorPane theme={theme} fontSize={settings?.editorFontSize ?? 14} wordWrap={settings?.editorWordWrap ?? false} />
          </Suspense>
        </div>
        </div>
        {view === 'models' && <ModelsView client={client} models={models} />}
        {view === 'templates' && <TemplatesView client={client} />}
        {view === 'evaluate' && <EvaluateView client={client} templates={templates} />}
        {view === 'settings' && settings && <SettingsView settings={settings} info={info} onChange={updateSettings} />}
      </main>
      <StatusBar info={info} connection={connection} model={status} />
    </div>
    </PrivacyContext.Provider>
  );
}
