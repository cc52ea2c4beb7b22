import { useState, type ReactNode } from 'react';
import { samplingPresets, type Sampling } from '../../../shared/generation';

type Preset = keyof typeof samplingPresets;

interface ProblemPaneProps {
  /** Why asking is not possible right now, or null when it is. */
  blockedReason: string | null;
  running: boolean;
  onAsk: (prompt: string, sampling: Sampling, followUp: boolean) => void;
  onStop: () => void;
  /** The problem's tests and the judge, below the statement. */
  tests: ReactNode;
  statement: string;
  onStatementChange: (statement: string) => void;
}

const mathSuffix = "\n\nLet's think step by step and output the final answer within \\boxed{}.";

/** The problem statement, the preset, and Ask / Stop. */
export function ProblemPane({ blockedReason, running, onAsk, onStop, tests, statement, onStatementChange: setStatement }: ProblemPaneProps) {
  const [preset, setPreset] = useState<Preset>('code');
  const [sampling, setSampling] = useState<Sampling>(samplingPresets.code);
  const [followUp, setFollowUp] = useState(false);
  const ask = () => {
    const text = statement.trim();
    if (!text) return;
    // The model was evaluated on math with this exact instruction (MODEL.md).
    onAsk(preset === 'math' && !text.includes('\\boxed') ? text + mathSuffix : text, sampling, followUp);
  };
  return (
    <section className="pane problem-pane" aria-label="Problem">
      <header className="pane-header">
        <h2>Problem</h2>
        <select
          className="preset"
          aria-label="Sampling preset"
          value={preset}
          onChange={(e) => {
            const next = e.target.value as Preset;
            setPreset(next);
            setSampling(samplingPresets[next]);
          }}
        >
          <option value="code">Code · T 0.6</option>
          <option value="math">Math · T 1.0</option>
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
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !running && !blockedReason) ask();
          }}
          spellCheck={false}
        />
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
