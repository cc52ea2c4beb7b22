import { useT } from '../i18n/use-t';

/** Shown in the editor's place while Monaco's code loads (a fraction of a second). */
export function EditorPlaceholder() {
  const t = useT();
  return (
    <section className="pane editor-pane" aria-label={t('editor.tab.solution')} aria-busy="true">
      <header className="pane-header">
        <h2>{t('editor.tab.solution')}</h2>
        <span className="file-name">{t('editor.placeholderFile')}</span>
      </header>
      <div className="pane-body">
        <p className="hint">{t('editor.loading')}</p>
      </div>
    </section>
  );
}
