import { useState, type ReactNode } from 'react';
import { maxTokensLimit, samplingPresets, type Sampling } from '../../../shared/generation';
import type { Template } from '../../../shared/templates';
import { looksNonEnglish, suggestTemplate } from '../templates/suggest-template';
import { useWorkspace, useWorkspaceStore } from '../workspace/use-workspace';
import { shown } from '../workspace/workspace-store';
import { MaxTokensWarning } from './MaxTokensWarning';
import { errorMessage } from '../../../shared/api/errors';
import { useT } from '../i18n/use-t';
import { NumberField } from '../ui/NumberField';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';
import { Select } from '../ui/Select';

interface ProblemPaneProps {
  /** Why asking is not possible right now, or null when it is. */
  blockedReason: string | null;
  templates: Template[];
  /** The loaded model's context, for the max-tokens check (null when none is loaded, or a remote server answers: its context is not known here). */
  contextSize: number | null;
  /** The problem's tests and the judge, below the statement. */
  tests: ReactNode;
  /** Why Answer now cannot be used (a remote server answers), or null. */
  answerNowBlocked: string | null;
}

/** The session's problem statement, the template and its sampling, and Ask / Stop. */
export function ProblemPane({ blockedReason, templates, contextSize, tests, answerNowBlocked }: ProblemPaneProps) {
  const store = useWorkspaceStore();
  const t = useT();
  const session = useWorkspace('session');
  const pending = useWorkspace('pending');
  const saveState = useWorkspace('saveState');
  const live = useWorkspace('live');
  const solving = useWorkspace('solving');
  const solvingNow = solving !== null && solving.sessionId === session?.id && solving.record === null && solving.error === null;
  const [samples, setSamples] = useState(4);
  const [stopWhenAccepted, setStopWhenAccepted] = useState(false);
  const { statement } = shown({ session, pending });
  const running = live?.view.running === true;
  // The model is still reasoning: nothing of the answer yet, and the reasoning has begun.
  const reasoningNow = running && live.view.answer.length === 0 && live.view.completionTokens > 0 && !live.answerNowAsked;
  const [templateId, setTemplateId] = useState(session?.templateId ?? 'cp-python');
  const template = templates.find((t) => t.id === templateId) ?? templates[0];
  const [sampling, setSampling] = useState<Sampling>(template?.sampling ?? samplingPresets.code);
  // The templates arrive after the first render: the sampling then comes from the chosen one.
  const [samplingFromTemplate, setSamplingFromTemplate] = useState(template !== undefined);
  if (template && !samplingFromTemplate) {
    setSamplingFromTemplate(true);
    setSampling({ ...template.sampling, ...(session?.templateId === template.id ? session.sampling : {}) });
  }
  // Another session opened: its own template choice comes with it.
  const [shownFor, setShownFor] = useState(session?.id ?? null);
  // Only once the templates are there: a session opened before they arrive keeps its own choice.
  if ((session?.id ?? null) !== shownFor && templates.length > 0) {
    setShownFor(session?.id ?? null);
    const chosen = templates.find((t) => t.id === session?.templateId);
    if (chosen) {
      setTemplateId(chosen.id);
      setSampling({ ...chosen.sampling, ...session?.sampling });
    }
  }
  const setStatement = (text: string) => store.edit({ statement: text });
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
    if (!statement.trim() || !template) return;
    void store.ask('ask', { templateId: template.id, sampling }).catch(() => undefined);
  };
  return (
    // data-save-state: whether the session's edits have reached core (tests wait on it rather than on a debounce).
    <section className="pane problem-pane" aria-label={t('common.problem')} data-save-state={saveState}>
      <header className="pane-header">
        <h2>{t('common.problem')}</h2>
        <Select className="preset" label={t('common.template')} title={template?.name} value={template?.id ?? ''} options={templates.map((t) => ({ value: t.id, label: t.name }))} onChange={choose} />
      </header>
      <div className="pane-body">
        <textarea
          className="statement"
          aria-label={t('problem.statement')}
          placeholder={t('problem.placeholder')}
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
          <ul className="template-command" role="listbox" aria-label={t('problem.templatesMatching')} data-testid="template-command">
            {commandMatches.map((t) => (
              <li key={t.id} role="option" aria-selected={t === commandMatches[0]}>
                <Button onClick={() => pick(t.id)}>
                  {t.name}
                </Button>
              </li>
            ))}
            {commandMatches.length === 0 && <li className="hint">{t('problem.noTemplateMatches')}</li>}
          </ul>
        )}
        {suggested && (
          <p className="hint suggestion" data-testid="template-suggestion">
            {t(suggested.tags.includes('math') ? 'problem.suggestMath' : 'problem.suggestContest', { name: suggested.name })}
            <Button variant="link" onClick={() => choose(suggested.id)}>
              {t('problem.useIt')}
            </Button>
          </p>
        )}
        {looksNonEnglish(statement) && (
          <p className="hint" data-testid="english-hint">
            {t('problem.englishHint')}
          </p>
        )}
        <div className="sampling-row">
          <NumberField label={t('sampling.temperature')} step={0.05} min={0} max={2} value={sampling.temperature} onChange={(temperature) => setSampling({ ...sampling, temperature })} />
          <NumberField label={t('sampling.maxTokens')} step={1024} min={1} max={maxTokensLimit} integer value={sampling.maxTokens} onChange={(maxTokens) => setSampling({ ...sampling, maxTokens })} />
          <NumberField label={t('sampling.reasoningBudget')} title={t('sampling.reasoningBudgetTitle')} step={1024} min={0} max={maxTokensLimit} integer value={sampling.reasoningBudget ?? 0} onChange={(reasoningBudget) => setSampling({ ...sampling, reasoningBudget })} />
        </div>
        <div className="pane-actions">
          {running && (
            <Button
              disabled={!reasoningNow || answerNowBlocked !== null}
              title={answerNowBlocked ?? t(reasoningNow ? 'common.answerNowTitle' : 'problem.answerBeingWritten')}
              onClick={() => void store.answerNow()}
            >
              {t('common.answerNow')}
            </Button>
          )}
          {running ? (
            <Button variant="danger" onClick={() => store.stop()}>
              {t('common.stop')}
            </Button>
          ) : (
            <Button variant="primary" disabled={blockedReason !== null || statement.trim() === ''} title={blockedReason ?? t('common.ctrlEnter')} onClick={ask}>
              {t('problem.ask')}
            </Button>
          )}
          <span className="solve-controls">
            <Button
              // Until the templates are listed there is no prompt to send: disabled, not a click that does nothing.
              disabled={blockedReason !== null || statement.trim() === '' || solvingNow || !template}
              title={blockedReason ?? t('solve.buttonTitle')}
              onClick={() => template && void store.solve(samples, { templateId: template.id, sampling, stopWhenAccepted }).catch((err: unknown) => store.setNotice({ message: errorMessage(err) }))}
            >
              {t('solve.title', { count: samples })}
            </Button>
            <Select label={t('solve.answersLabel')} value={samples} options={[2, 3, 4, 6, 8, 12, 16].map((n) => ({ value: n, label: `×${n}` }))} onChange={setSamples} />
            {session && session.problem.tests.length > 0 && (
              <Checkbox className="check" title={t('solve.stopAtPassTitle')} label={t('solve.stopAtPass')} checked={stopWhenAccepted} onChange={setStopWhenAccepted} />
            )}
          </span>
          <span className="hint">{running ? t('problem.thinking') : (blockedReason ?? t(statement.trim() === '' ? 'problem.writeFirst' : 'problem.ctrlEnterToAsk'))}</span>
        </div>
        {/* Below the actions: it appears once a model is loaded, and must not move the buttons under the pointer. */}
        <MaxTokensWarning maxTokens={sampling.maxTokens} contextSize={contextSize} onFix={(maxTokens) => setSampling({ ...sampling, maxTokens })} />
        {tests}
      </div>
    </section>
  );
}
