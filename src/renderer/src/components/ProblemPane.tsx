import { useState } from 'react';

/** The problem statement; later issues add templates, tests and Competitive Companion import. */
export function ProblemPane() {
  const [statement, setStatement] = useState('');
  return (
    <section className="pane problem-pane" aria-label="Problem">
      <header className="pane-header">
        <h2>Problem</h2>
      </header>
      <div className="pane-body">
        <textarea
          className="statement"
          aria-label="Problem statement"
          placeholder={'Paste a competitive-programming problem or a math question here.\n\nMarkdown and LaTeX ($x^2$) are fine.'}
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
          spellCheck={false}
        />
        <div className="pane-actions">
          <button type="button" className="primary" disabled title="Load a model first">
            Ask VibeThinker
          </button>
          <span className="hint">No model loaded</span>
        </div>
      </div>
    </section>
  );
}
