import { useEffect, useRef, useState } from 'react';
import { languageLabels, languages, type Language } from '../../../shared/judging';
import { editorBridge } from '../editor/editor-bridge';
import { editorTabs, fileName, monacoLanguage, useSideModels, type EditorTab } from '../editor/side-programs';
import { useT } from '../i18n/use-t';
import { starterCode } from '../editor/starter-code';
import { monaco } from '../monaco/setup-monaco';
import type { ResolvedTheme } from '../theme/use-resolved-theme';
import { useWorkspace, useWorkspaceStore } from '../workspace/use-workspace';
import { useCompileMarkers } from '../editor/compile-markers';
import { Tabs } from '../ui/Tabs';
import { Button } from '../ui/Button';
import { Select } from '../ui/Select';

interface EditorPaneProps {
  theme: ResolvedTheme;
  fontSize: number;
  wordWrap: boolean;
}

/**
 * The code editor: Monaco with the solution (Python or C++, the session's
 * language), and, for stress testing, the brute force and the test generator
 * in tabs of their own. The solution is fed the model's code through the
 * editor bridge; its compile errors are marked on their lines.
 */
export function EditorPane({ theme, fontSize, wordWrap }: EditorPaneProps) {
  const store = useWorkspaceStore();
  const t = useT();
  const session = useWorkspace('session');
  const pending = useWorkspace('pending');
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const solution = useRef<monaco.editor.ITextModel | null>(null);
  const [tab, setTab] = useState<EditorTab>('solution');
  const language: Language = pending.language ?? session?.language ?? 'python';
  const programs = { brute: pending.brute ?? session?.problem.brute, generator: pending.generator ?? session?.problem.generator };
  const sides = useSideModels(store, programs, session?.id ?? null);

  useEffect(() => {
    if (!host.current) return;
    const model = monaco.editor.createModel(starterCode, 'python', monaco.Uri.parse('inmemory://solution/solution.py'));
    solution.current = model;
    editor.current = monaco.editor.create(host.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 4,
      insertSpaces: true,
      fontFamily: "'JetBrains Mono', 'Fira Code', 'Cascadia Code', Menlo, Consolas, monospace",
      // Room above the first line: without it, the first line (a comment, often) sat against the pane's header.
      padding: { top: 8, bottom: 8 },
      // Its label ("Solution editor") is set by the tab effect below, in the interface language.
    });
    let cleanVersion = model.getAlternativeVersionId();
    let applying = false;
    const changes = model.onDidChangeContent(() => editorBridge.notifyChange(model.getValue(), applying ? 'app' : 'user'));
    editorBridge.register({
      setCode(code) {
        // One undoable edit on the solution (Ctrl+Z brings the previous text back), whichever tab is shown.
        applying = true;
        model.pushStackElement();
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: code, forceMoveMarkers: true }], () => null);
        model.pushStackElement();
        applying = false;
        cleanVersion = model.getAlternativeVersionId();
      },
      isDirty: () => model.getAlternativeVersionId() !== cleanVersion,
      getCode: () => model.getValue(),
    });
    return () => {
      changes.dispose();
      editorBridge.register(null);
      editor.current?.dispose();
      model.dispose();
      editor.current = null;
      solution.current = null;
    };
  }, []);

  useEffect(() => {
    const model = solution.current;
    if (model && model.getLanguageId() !== monacoLanguage(language)) monaco.editor.setModelLanguage(model, monacoLanguage(language));
  }, [language]);

  useEffect(() => {
    const model = tab === 'solution' ? solution.current : (sides.current?.[tab] ?? null);
    if (model && editor.current && editor.current.getModel() !== model) editor.current.setModel(model);
    editor.current?.updateOptions({ ariaLabel: t('editor.tabEditor', { tab: t(`editor.tab.${tab}`) }) });
  }, [tab, sides, t]);

  useCompileMarkers(solution, session?.lastReport ?? null);

  const [offer, setOffer] = useState(editorBridge.offer);
  useEffect(() => editorBridge.onOffer(setOffer), []);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'workbench-dark' : theme === 'high-contrast' ? 'hc-black' : 'workbench-light');
  }, [theme]);

  useEffect(() => {
    editor.current?.updateOptions({ fontSize, wordWrap: wordWrap ? 'on' : 'off' });
  }, [fontSize, wordWrap]);

  const tabLanguage = tab === 'solution' ? language : (programs[tab]?.language ?? 'python');
  const setLanguage = (next: Language) => {
    if (tab === 'solution') store.edit({ language: next });
    else store.edit({ [tab]: { language: next, code: sides.current?.[tab].getValue() ?? '' } });
  };

  return (
    <section className="pane editor-pane" aria-label={t('editor.tab.solution')}>
      <header className="pane-header editor-header">
        <Tabs className="editor-tabs" tabClassName="editor-tab" label={t('editor.programs')} tabs={editorTabs.map((name) => ({ id: name, label: t(`editor.tab.${name}`) }))} selected={tab} onSelect={setTab} />
        <span className="file-name" data-testid="editor-file-name">
          {fileName(tab, tabLanguage)}
        </span>
        <Select className="editor-language" label={t('editor.tabLanguage', { tab: t(`editor.tab.${tab}`) })} value={tabLanguage} options={languages.map((l) => ({ value: l, label: languageLabels[l] }))} onChange={setLanguage} />
      </header>
      {tab !== 'solution' && (
        <p className="hint editor-tab-hint">
          {t(tab === 'brute' ? 'editor.bruteHint' : 'editor.generatorHint')}
        </p>
      )}
      {offer && (
        <div className="editor-offer" role="alert" data-testid="editor-offer">
          {t('editor.offer')}
          <Button variant="primary" onClick={() => editorBridge.acceptOffer()}>
            {t('editor.replace')}
          </Button>
          <Button onClick={() => editorBridge.dismissOffer()}>
            {t('editor.keepMine')}
          </Button>
        </div>
      )}
      <div className="editor-host" ref={host} data-testid="editor" />
    </section>
  );
}
