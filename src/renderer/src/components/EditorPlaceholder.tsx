/** Shown in the editor's place while Monaco's code loads (a fraction of a second). */
export function EditorPlaceholder() {
  return (
    <section className="pane editor-pane" aria-label="Solution" aria-busy="true">
      <header className="pane-header">
        <h2>Solution</h2>
        <span className="file-name">solution.py</span>
      </header>
      <div className="pane-body">
        <p className="hint">Loading the editor…</p>
      </div>
    </section>
  );
}
