import { useEffect, useRef, useState } from 'react';
import { editorBridge } from '../editor/editor-bridge';
import { starterCode } from '../editor/starter-code';
import { monaco } from '../monaco/setup-monaco';
import type { ResolvedTheme } from '../theme/use-resolved-theme';


interface EditorPaneProps {
  theme: ResolvedTheme;
  fontSize: number;
  wordWrap: boolean;
}

/** The solution editor: Monaco with Python. Later issues feed it the model's code. */
export function EditorPane({ theme, fontSize, wordWrap }: EditorPaneProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const model = monaco.editor.createModel(starterCode, 'python', monaco.Uri.parse('inmemory://solution/solution.py'));
    editor.current = monaco.editor.create(host.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 4,
      insertSpaces: true,
      fontFamily: "'JetBrains Mono', 'Fira Code', 'Cascadia Code', Menlo, Consolas, monospace",
      ariaLabel: 'Solution editor (Python)',
    });
    const instance = editor.current;
    let cleanVersion = model.getAlternativeVersionId();
    let applying = false;
    const changes = model.onDidChangeContent(() => editorBridge.notifyChange(model.getValue(), applying ? 'app' : 'user'));
    editorBridge.register({
      setCode(code) {
        // One undoable edit (Ctrl+Z brings the previous text back), not setValue, which clears undo.
        applying = true;
        instance.pushUndoStop();
        instance.executeEdits('vibethinker', [{ range: model.getFullModelRange(), text: code, forceMoveMarkers: true }]);
        instance.pushUndoStop();
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
    };
  }, []);

  const [offer, setOffer] = useState(editorBridge.offer);
  useEffect(() => editorBridge.onOffer(setOffer), []);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'workbench-dark' : 'workbench-light');
  }, [theme]);

  useEffect(() => {
    editor.current?.updateOptions({ fontSize, wordWrap: wordWrap ? 'on' : 'off' });
  }, [fontSize, wordWrap]);

  return (
    <section className="pane editor-pane" aria-label="Solution">
      <header className="pane-header">
        <h2>Solution</h2>
        <span className="file-name">solution.py</span>
        <span className="badge">Python</span>
      </header>
      {offer && (
        <div className="editor-offer" role="alert" data-testid="editor-offer">
          The answer has new code, and you have edits here.
          <button type="button" className="primary" onClick={() => editorBridge.acceptOffer()}>
            Replace (undoable)
          </button>
          <button type="button" onClick={() => editorBridge.dismissOffer()}>
            Keep mine
          </button>
        </div>
      )}
      <div className="editor-host" ref={host} data-testid="editor" />
    </section>
  );
}
