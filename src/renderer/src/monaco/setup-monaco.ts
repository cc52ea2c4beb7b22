import * as monaco from 'monaco-editor/editor/editor.api';
import './editor-features';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

/**
 * Monaco runs its text services in a web worker. The worker is bundled by
 * Vite as a file of our own origin, so the editor works offline and under the
 * CSP (`worker-src 'self'`). Python needs only the generic editor worker: its
 * highlighting is a Monarch grammar that runs on the main thread.
 */
self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

monaco.editor.defineTheme('workbench-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#181a20', 'editorGutter.background': '#181a20' },
});
monaco.editor.defineTheme('workbench-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff' },
});

export { monaco };
