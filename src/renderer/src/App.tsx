import { PanelLeft, Presentation } from 'lucide-react';
import { lazy, Suspense, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Template } from '../../shared/templates';
import { answerNowBlockedBy } from '../../shared/generation';
import { LanguageContext, translatorFor } from './i18n/use-t';
import { useUiLanguage } from './i18n/use-ui-language';
import type { WorkbenchClient } from './api/workbench-client';
import { editorBridge } from './editor/editor-bridge';
import { starterCode } from './editor/starter-code';
import { EditorPlaceholder } from './components/EditorPlaceholder';
import { ModelsView } from './components/ModelsView';
import { ProblemPane } from './components/ProblemPane';
import { SettingsView } from './components/SettingsView';
import { StatusBar } from './components/StatusBar';
import { ConnectionBanner } from './connection/ConnectionBanner';
import { TestsPanel } from './components/TestsPanel';
import { TemplatesView } from './components/TemplatesView';
import { EvaluateView } from './components/EvaluateView';
import { useModelState } from './state/use-model-state';
import { useResolvedTheme } from './theme/use-resolved-theme';
import { useLayout, type View } from './state/use-layout';
import { PrivacyContext } from './state/privacy';
import { SessionsSidebar } from './components/SessionsSidebar';
import { WorkspaceProvider } from './workspace/use-workspace';
import { WorkspaceStore } from './workspace/workspace-store';
import { ThreadPane } from './views/workbench/ThreadPane';
import { EmptyThread } from './views/workbench/EmptyThread';
import { LoadModelButton, offersLoad } from './views/workbench/LoadModelButton';
import { NoticeBanner } from './views/workbench/NoticeBanner';
import { PresentationPane } from './views/workbench/PresentationPane';
import { useAppCommands } from './app/use-app-commands';
import { useWindowFileDrop } from './app/use-window-file-drop';
import { useAnswerNotification } from './app/use-answer-notification';
import { useLayoutMode } from './layout/use-media-query';
import { WorkbenchPanes } from './layout/WorkbenchPanes';
import { SidebarSlot } from './layout/SidebarSlot';
import { LiveAnnouncer } from './app/LiveAnnouncer';
import { useReopenSession } from './app/use-reopen-session';
import { useShellSettings } from './app/use-shell-settings';
import { useSidebar } from './layout/use-sidebar';
import { errorMessage } from '../../shared/api/errors';
import { viewNames } from '../../shared/desktop-commands';
import { Button } from './ui/Button';


// Monaco is most of the bundle; loading it on its own lets the layout paint first.
const EditorPane = lazy(() => import('./components/EditorPane').then((m) => ({ default: m.EditorPane })));

/** The shell: views, layout, settings; the workspace itself lives in its store (workspace/). */
export function App({ client }: { client: WorkbenchClient }) {
  const { info, settings, loadError, updateSettings } = useShellSettings(client);
  const [layout, updateLayout] = useLayout();
  const { view } = layout;
  const mode = useLayoutMode();
  const { shown: sidebarShown, toggle: toggleSidebar, closeDrawer } = useSidebar(mode, layout, updateLayout);
  const setView = useCallback((next: View) => updateLayout({ view: next }), [updateLayout]);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [store] = useState(() => new WorkspaceStore(client, { open: (code) => editorBridge.open(code, 'python'), propose: (code) => editorBridge.propose(code, 'python'), getCode: () => editorBridge.getCode(), onChange: (l) => editorBridge.onChange(l) }, starterCode));
  useEffect(() => () => store.dispose(), [store]);
  useEffect(() => {
    const load = () => client.listTemplates().then((entries) => setTemplates(entries.flatMap((e) => (e.template ? [e.template] : []))), () => undefined);
    load();
    return client.on('templatesChanged', load);
  }, [client]);
  // The shell provides the language below and speaks it itself, so it takes its translator directly.
  const language = useUiLanguage(settings?.language);
  const t = translatorFor(language);
  const answerNowBlocked = answerNowBlockedBy(settings?.remote ?? null) ? t('app.answerNowRemote') : null;
  const theme = useResolvedTheme(settings?.theme);
  const models = useModelState(client);

  const sessionId = useReopenSession(store, layout, updateLayout);

  const runCommand = useAppCommands(client, store, updateLayout, setView);
  const dragging = useWindowFileDrop(client, runCommand, t);
  useAnswerNotification(store, t);

  const connection = useSyncExternalStore(
    useCallback((onChange: () => void) => client.transport.onConnectionChange(onChange), [client]),
    () => client.transport.connection,
  );
  // Back after a lost connection: what was typed meanwhile is saved, the session read again, answers of a restarted server ended.
  useEffect(() => {
    if (connection === 'connected') void store.reconnected();
  }, [connection, store]);

  const status = models.status;
  const busyElsewhere = useSyncExternalStore(store.subscribe, () => store.getState().busyElsewhere);
  const generating = useSyncExternalStore(store.subscribe, () => store.getState().live?.view.running === true);
  const blockedReason =
    status?.state === 'ready' || status?.state === 'loading'
      ? busyElsewhere
        ? t('app.busyElsewhere')
        : null
      : t('app.loadModelFirst');
  const openCode = useCallback((code: string) => editorBridge.open(code, 'python'), []);
  const empty = <EmptyThread client={client} models={models} onShowModels={() => setView('models')} />;
  const loadBar = offersLoad(models) ? (
    <div className="load-bar" data-testid="load-model-bar">
      <span>{t('app.loadBar')}</span>
      <LoadModelButton client={client} models={models} onShowModels={() => setView('models')} />
    </div>
  ) : null;

  return (
    <WorkspaceProvider value={store}>
      <LanguageContext.Provider value={language}>
      <PrivacyContext.Provider value={layout.privacy}>
        <div className="app" data-view={view} data-presentation={layout.presentation || undefined} data-dragging={dragging || undefined}>
          <header className="top-bar">
            <div className="brand">
              <span className="brand-mark" aria-hidden="true">
                V
              </span>
              <span className="brand-name">{t('app.brand')}</span>
            </div>
            <nav className="tabs" aria-label={t('app.views')}>
              {viewNames.map((v) => (
                <Button key={v} className={view === v ? 'tab active' : 'tab'} aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
                  {t(`view.${v}`)}
                </Button>
              ))}
            </nav>
            <span className="top-actions">
              <Button icon={PanelLeft} aria-pressed={sidebarShown} onClick={toggleSidebar}>
                {t('app.sessions')}
              </Button>
              <Button icon={Presentation} onClick={() => updateLayout({ presentation: true, view: 'workbench' })} title={t('app.presentTitle')}>
                {t('app.present')}
              </Button>
            </span>
          </header>
          <ConnectionBanner transport={client.transport} />
          <NoticeBanner onOpened={() => setView('workbench')} />
          {loadError && (
            <div className="banner error" role="alert">
              {loadError}
            </div>
          )}
          <main className="content">
            {/* The workbench stays mounted behind other views so the editor keeps its text and undo history. */}
            {layout.presentation && <PresentationPane layout={layout} onLayout={updateLayout} fontSize={settings?.reasoningFontSize ?? 15} empty={empty} onOpenCode={openCode} />}
            <div className="workbench-row" hidden={view !== 'workbench' || layout.presentation}>
              <SidebarSlot mode={mode} open={sidebarShown} onClose={closeDrawer} closeLabel={t('app.closeSessions')}>
                <SessionsSidebar
                  client={client}
                  currentId={sessionId}
                  onOpen={(id) => {
                    closeDrawer();
                    void store.open(id).catch((err: unknown) => store.setNotice({ message: errorMessage(err) }));
                  }}
                  onNew={() => {
                    closeDrawer();
                    void store.startNew();
                  }}
                  onDeleteCurrent={() => void store.startNew()}
                  onNotice={(message) => store.setNotice({ message })}
                />
              </SidebarSlot>
              <WorkbenchPanes
                mode={mode}
                sizes={layout.paneSizes}
                onSizes={(paneSizes) => updateLayout({ paneSizes })}
                generating={generating}
                labels={{ resizeProblem: t('panes.resizeProblem'), resizeEditor: t('panes.resizeEditor'), panes: t('panes.label'), problem: t('common.problem'), thread: t('thread.title'), editor: t('panes.code') }}
                problem={<ProblemPane blockedReason={blockedReason} answerNowBlocked={answerNowBlocked} templates={templates} contextSize={status?.state === 'ready' && !status.remote ? status.contextSize : null} tests={<TestsPanel client={client} canAskModel={status?.state === 'ready'} />} />}
                thread={
                  layout.presentation ? null : (
                    <ThreadPane
                      fontSize={settings?.reasoningFontSize ?? 15}
                      reasoningOpen={layout.reasoningOpen}
                      onReasoningToggle={(open) => updateLayout({ reasoningOpen: open })}
                      blockedReason={blockedReason}
                      empty={empty}
                      loadBar={loadBar}
                      onOpenCode={openCode}
                      answerNowBlocked={answerNowBlocked}
                    />
                  )
                }
                editor={
                  <Suspense fallback={<EditorPlaceholder />}>
                    <EditorPane theme={theme} fontSize={settings?.editorFontSize ?? 14} wordWrap={settings?.editorWordWrap ?? false} />
                  </Suspense>
                }
              />
            </div>
            {view === 'models' && <ModelsView client={client} models={models} />}
            {view === 'templates' && <TemplatesView client={client} />}
            {view === 'evaluate' && <EvaluateView client={client} templates={templates} />}
            {view === 'settings' && settings && <SettingsView settings={settings} info={info} onChange={updateSettings} />}
          </main>
          <StatusBar info={info} connection={connection} model={status} />
          <LiveAnnouncer store={store} />
        </div>
      </PrivacyContext.Provider>
      </LanguageContext.Provider>
    </WorkspaceProvider>
  );
}
