import type { Template } from '../../../shared/templates';

interface TemplateFieldsProps {
  draft: Template;
  readOnly: boolean;
  onEdit: (change: Partial<Template>) => void;
}

/** A template's editable fields: description, tags, system prompt, body, sampling and what goes to the editor. */
export function TemplateFields({ draft, readOnly, onEdit: edit }: TemplateFieldsProps) {
  return (
    <>
      <label className="template-field">
        Description
        <input aria-label="Description" value={draft.description} disabled={readOnly} onChange={(e) => edit({ description: e.target.value })} />
      </label>
      <label className="template-field">
        Tags (comma-separated)
        <input aria-label="Tags" value={draft.tags.join(', ')} disabled={readOnly} onChange={(e) => edit({ tags: e.target.value.split(',').map((t) => t.trim()).filter(Boolean) })} />
      </label>
      <label className="template-field">
        System prompt (leave empty for none, as the model's official usage)
        <textarea aria-label="System prompt" value={draft.system ?? ''} disabled={readOnly} onChange={(e) => edit({ system: e.target.value === '' ? null : e.target.value })} />
      </label>
      <label className="template-field">
        Prompt — variables: {'{{problem}} {{language}} {{tests}} {{feedback}} {{code}}'}
        <textarea aria-label="Prompt body" className="template-body" value={draft.body} disabled={readOnly} onChange={(e) => edit({ body: e.target.value })} />
      </label>
      <div className="sampling-row">
        <label>
          Temperature
          <input type="number" step={0.05} min={0} max={2} aria-label="Template temperature" value={draft.sampling.temperature} disabled={readOnly} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && edit({ sampling: { ...draft.sampling, temperature: e.target.valueAsNumber } })} />
        </label>
        <label>
          top_p
          <input type="number" step={0.01} min={0} max={1} aria-label="Template top_p" value={draft.sampling.topP} disabled={readOnly} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && edit({ sampling: { ...draft.sampling, topP: e.target.valueAsNumber } })} />
        </label>
        <label>
          top_k (0 = off)
          <input type="number" min={0} aria-label="Template top_k" value={draft.sampling.topK} disabled={readOnly} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && edit({ sampling: { ...draft.sampling, topK: e.target.valueAsNumber } })} />
        </label>
        <label>
          Max tokens
          <input type="number" min={1} aria-label="Template max tokens" value={draft.sampling.maxTokens} disabled={readOnly} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && edit({ sampling: { ...draft.sampling, maxTokens: e.target.valueAsNumber } })} />
        </label>
        <label title="Reasoning tokens after which the workbench closes the reasoning and the model answers">
          Reasoning budget (0 = none)
          <input type="number" min={0} step={1024} aria-label="Template reasoning budget" value={draft.sampling.reasoningBudget ?? 0} disabled={readOnly} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && e.target.valueAsNumber >= 0 && edit({ sampling: { ...draft.sampling, reasoningBudget: e.target.valueAsNumber } })} />
        </label>
        <label>
          To the editor
          <select aria-label="Send to the editor" value={draft.sendToEditor} disabled={readOnly} onChange={(e) => edit({ sendToEditor: e.target.value as Template['sendToEditor'] })}>
            <option value="lastPython">last Python block</option>
            <option value="lastCpp">last C++ block</option>
            <option value="lastCode">last code block</option>
            <option value="none">nothing</option>
          </select>
        </label>
        <label title="Where the code goes: the solution, or the stress test's brute force or generator tab (filled only when empty)">
          Code is
          <select aria-label="Where the code goes" value={draft.target} disabled={readOnly || draft.sendToEditor === 'none'} onChange={(e) => edit({ target: e.target.value as Template['target'] })}>
            <option value="solution">the solution</option>
            <option value="brute">the brute force</option>
            <option value="generator">the generator</option>
          </select>
        </label>
      </div>
    </>
  );
}
