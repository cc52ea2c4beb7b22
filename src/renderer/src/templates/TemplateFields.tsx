import { maxTokensLimit } from '../../../shared/generation';
import type { Template } from '../../../shared/templates';
import { useT } from '../i18n/use-t';
import { NumberField } from '../ui/NumberField';
import { Select } from '../ui/Select';

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
        <NumberField label={t('sampling.temperature')} ariaLabel={t('templateField.temperatureLabel')} step={0.05} min={0} max={2} value={draft.sampling.temperature} disabled={readOnly} onChange={(temperature) => edit({ sampling: { ...draft.sampling, temperature } })} />
        <NumberField label={t('templateField.topP')} ariaLabel={t('templateField.topPLabel')} step={0.01} min={0} max={1} value={draft.sampling.topP} disabled={readOnly} onChange={(topP) => edit({ sampling: { ...draft.sampling, topP } })} />
        <NumberField label={t('templateField.topK')} ariaLabel={t('templateField.topKLabel')} min={0} integer value={draft.sampling.topK} disabled={readOnly} onChange={(topK) => edit({ sampling: { ...draft.sampling, topK } })} />
        <NumberField label={t('sampling.maxTokens')} ariaLabel={t('templateField.maxTokensLabel')} min={1} max={maxTokensLimit} integer value={draft.sampling.maxTokens} disabled={readOnly} onChange={(maxTokens) => edit({ sampling: { ...draft.sampling, maxTokens } })} />
        <NumberField label={t('templateField.budget')} ariaLabel={t('templateField.budgetLabel')} title={t('templateField.budgetTitle')} min={0} max={maxTokensLimit} step={1024} integer value={draft.sampling.reasoningBudget ?? 0} disabled={readOnly} onChange={(reasoningBudget) => edit({ sampling: { ...draft.sampling, reasoningBudget } })} />
        <label>
          {t('templateField.toEditor')}
          <Select
            label={t('templateField.toEditorLabel')}
            value={draft.sendToEditor}
            disabled={readOnly}
            options={[
              { value: 'lastPython', label: t('templateField.lastPython') },
              { value: 'lastCpp', label: t('templateField.lastCpp') },
              { value: 'lastCode', label: t('templateField.lastCode') },
              { value: 'none', label: t('templateField.nothing') },
            ]}
            onChange={(sendToEditor) => edit({ sendToEditor })}
          />
        </label>
        <label title={t('templateField.targetTitle')}>
          {t('templateField.target')}
          <Select
            label={t('templateField.targetLabel')}
            value={draft.target}
            disabled={readOnly || draft.sendToEditor === 'none'}
            options={[
              { value: 'solution', label: t('templateField.targetSolution') },
              { value: 'brute', label: t('templateField.targetBrute') },
              { value: 'generator', label: t('templateField.targetGenerator') },
            ]}
            onChange={(target) => edit({ target })}
          />
        </label>
      </div>
    </>
  );
}
