import { useState, type ReactNode } from 'react';
import { samplingPresets, type Sampling } from '../../../shared/generation';
import type { Template } from '../../../shared/templates';
import { looksNonEnglish, suggestTemplate } from '../templates/suggest-template';

interface ProblemPaneProps {
  /** Why asking is not possible right now, or null when it is. */
  blockedReason: string | null;
  running: boolean;
  templates: Template[];
  onAsk: (statement: string, template: Template, sampling: Sampling, followUp: boolean) => void;
  onStop: () => void;
  /** The problem's tests and the judge, below the statement. */
  tests: ReactNode;
  statement: string;
  onStatementChange: (statement: string) => void;
}

/** The problem statement, the template, and Ask / Stop. */
export function ProblemPane({ blockedReason, running, templates, onAsk, onStop, tests, statement, onStatementChange: setStatement }: ProblemPaneProps) {
  const [templateId, setTemplateId] = useState('cp-python');
  const template = templates.find((t) => t.id === templateId) ?? templates[0];
  const [sampling, setSampling] = useState<Sampling>(template?.sampling ?? samplingPresets.code);
  const [followUp, setFollowUp] = useState(false);
  const choose = (id: string) => {
    setTemplateId(id);
    const next = templates.find((t) => t.id === id);
    if (next) setSampling(next.sampling);
  };
  // Typing "/" in an empty box opens the templates by name: "/ma" then Enter picks "Math".
  const command = /^\/([^\n]*)$/.exec(statement)?.[1]?.toLowerCase() ?? null;
  const commandMatches = command === null ? [] : templates.filter((t) => t.name.toLowerCase().includes(command) || t.id.includes(command));
  const pick = (id: string) => {
    choose(id);
    setStatement('');
  };
  const suggestion = suggestTemplate(statement);
  const suggested = suggestion && suggestion !== templateId ? templates.find((t) => t.id === suggestion) : undefined;
  const ask = () => {
    const text = statement.trim();
    if (!text || !template) return;
    onAsk(text, template, sampling, followUp);
  };
  return (
    <section className="pane problem-pane" aria-label="Problem">
      <header className="pane-header">
        <h2>Problem</h2>
        <select className="preset" aria-label="Template" value={template?.id ?? ''} onChange={(e) => choose(e.target.value)}>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </header>
      <div className="pane-body">
        <textarea
          className="statement"
          aria-label="Problem statement"
          placeholder={'Paste a competitive-programming problem or a math question here.\n\nMarkdown and LaTeX ($x^2$) are fine.'}
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
          onKeyDown={(e) => {
            if (command !== null && e.key === 'Enter' && commandMatches[0]) {
              e.preventDefault();
              pick(commandMatches[0].id);
              return;
            }
            if (command !== null && e.key === 'Escape') setStatement('');
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !running && !blockedReason) ask();
          }}
          spellCheck={false}
        />
        {command !== null && (
          <ul className="template-command" role="listbox" aria-label="Templates matching" data-testid="template-command">
            {commandMatches.map((t) => (
              <li key={t.id} role="option" aria-selected={t === commandMatches[0]}>
                <button type="button" onClick={() => pick(t.id)}>
                  {t.name}
                </button>
              </li>
            ))}
            {commandMatches.length === 0 && <li className="hint">No template matches.</li>}
          </ul>
        )}
        {suggested && (
          <p className="hint suggestion" data-testid="template-suggestion">
            Looks like {suggested.tags.includes('math') ? 'a math question' : 'a contest problem'}: try “{suggested.name}”.
            <button type="button" className="link-button" onClick={() => choose(suggested.id)}>
              Use it
            </button>
          </p>
        )}
        {looksNonEnglish(statement) && (
          <p className="hint" data-testid="english-hint">
            VibeThinker does best with prompts in English.
          </p>
        )}
        <div className="sampling-row">
          <label>
            Temperature
            <input
              type="number"
              step={0.05}
              min={0}
              max={2}
              aria-label="Temperature"
              value={sampling.temperature}
              onChange={(e) => Number.isFinite(e.target.valueAsNumber) && setSampling({ ...sampling, temperature: Math.min(2, Math.max(0, e.target.valueAsNumber)) })}
            />
          </label>
          <label>
            Max tokens
            <input
              type="number"
              step={1024}
              min={1}
              max={131072}
              aria-label="Max tokens"
              value={sampling.maxTokens}
              onChange={(e) => Number.isInteger(e.target.valueAsNumber) && e.target.valueAsNumber > 0 && setSampling({ ...sampling, maxTokens: e.target.valueAsNumber })}
            />
          </label>
          <label className="follow-up" title="Keep the conversation: the model sees its last answer">
            <input type="checkbox" checked={followUp} onChange={(e) => setFollowUp(e.target.checked)} />
            Follow-up
          </label>
        </div>
        <div className="pane-actions">
          {running ? (
            <button type="button" className="danger" onClick={onStop}>
              Stop
            </button>
          ) : (
            <button type="button" className="primary" disabled={blockedReason !== null || statement.trim() === ''} title={blockedReason ?? 'Ctrl+Enter'} onClick={ask}>
              Ask VibeThinker
            </button>
          )}
          <span className="hint">{running ? 'Thinking…' : (blockedReason ?? 'Ctrl+Enter to ask')}</span>
        </div>
        {tests}
      </div>
    </section>
  );
}
