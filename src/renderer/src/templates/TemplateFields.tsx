import type { Template } from '../../../shared/templates';
import { useT } from '../i18n/use-t';

/** The variables a prompt may use, as they are typed in it (the same in every language). */
const templateVariables = '{{problem}} {{language}} {{tests}} {{feedback}} {{code}}';

interface TemplateFieldsProps {
  draft: Template;
  readOnly: boolean;
  onEdit: (change: Partial<Template>) => void;
}

/** A template's editable fields: description, tags, system prompt, body, sampling and what goes to the editor. */
export function TemplateFields({ draft, readOnly, onEdit: edit }: TemplateFieldsProps) {
  const t = useT();
  return (
    <>
      <label className="template-field">
        {t('templateField.description')}
        <input aria-label={t('templateField.description')} value={draft.description} disabled={readOnly} onChange={(e) => edit({ description: e.target.value })} />
      </label>
      <label className="template-field">
        {t('templateField.tags')}
        <input aria-label={t('templateField.tagsLabel')} value={draft.tags.join(', ')} disabled={readOnly} onChange={(e) => edit({ tags: e.target.value.split(',').map((tag) => tag.trim()).filter(Boolean) })} />
      </label>
      <label className="template-field">
        {t('templateField.system')}
        <textarea aria-label={t('templateField.systemLabel')} value={draft.system ?? ''} disabled={readOnly} onChange={(e) => edit({ system: e.target.value === '' ? null : e.target.value })} />
      </label>
      <label className="template-field">
        {t('templateField.body', { variables: templateVariables })}
        <textarea aria-label={t('templateField.bodyLabel')} className="template-body" value={draft.body} disabled={readOnly} onChange={(e) => edit({ body: e.target.value })} />
      </label>
      <div className="sampling-row">
        <label>
          {t('sampling.temperature')}
          <input type="number" step={0.05} min={0} max={2} aria-label={t('templateField.temperatureLabel')} value={draft.sampling.temperature} disabled={readOnly} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && edit({ sampling: { ...draft.sampling, temperature: e.target.valueAsNumber } })} />
        </label>
        <label>
          {t('templateField.topP')}
          <input type="number" step={0.01} min={0} max={1} aria-label={t('templateField.topPLabel')} value={draft.sampling.topP} disabled={readOnly} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && edit({ sampling: { ...draft.sampling, topP: e.target.valueAsNumber } })} />
        </label>
        <label>
          {t('templateField.topK')}
          <input type="number" min={0} aria-label={t('templateField.topKLabel')} value={draft.sampling.topK} disabled={readOnly} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && edit({ sampling: { ...draft.sampling, topK: e.target.valueAsNumber } })} />
        </label>
        <label>
          {t('sampling.maxTokens')}
          <input type="number" min={1} aria-label={t('templateField.maxTokensLabel')} value={draft.sampling.maxTokens} disabled={readOnly} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && edit({ sampling: { ...draft.sampling, maxTokens: e.target.valueAsNumber } })} />
        </label>
        <label title={t('templateField.budgetTitle')}>
          {t('templateField.budget')}
          <input type="number" min={0} step={1024} aria-label={t('templateField.budgetLabel')} value={draft.sampling.reasoningBudget ?? 0} disabled={readOnly} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && e.target.valueAsNumber >= 0 && edit({ sampling: { ...draft.sampling, reasoningBudget: e.target.valueAsNumber } })} />
        </label>
        <label>
          {t('templateField.toEditor')}
          <select aria-label={t('templateField.toEditorLabel')} value={draft.sendToEditor} disabled={readOnly} onChange={(e) => edit({ sendToEditor: e.target.value as Template['sendToEditor'] })}>
            <option value="lastPython">{t('templateField.lastPython')}</option>
            <option value="lastCpp">{t('templateField.lastCpp')}</option>
            <option value="lastCode">{t('templateField.lastCode')}</option>
            <option value="none">{t('templateField.nothing')}</option>
          </select>
        </label>
        <label title={t('templateField.targetTitle')}>
          {t('templateField.target')}
          <select aria-label={t('templateField.targetLabel')} value={draft.target} disabled={readOnly || draft.sendToEditor === 'none'} onChange={(e) => edit({ target: e.target.value as Template['target'] })}>
            <option value="solution">{t('templateField.targetSolution')}</option>
            <option value="brute">{t('templateField.targetBrute')}</option>
            <option value="generator">{t('templateField.targetGenerator')}</option>
          </select>
        </label>
      </div>
    </>
  );
}
