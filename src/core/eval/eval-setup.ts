import type { EvalItem } from '../../shared/eval';
import { samplingPresets, type Sampling } from '../../shared/generation';
import type { Template } from '../../shared/templates';
import type { TemplateStore } from '../templates/template-store';

/**
 * The template and sampling of a run: the named template, or `math` for a
 * math-only set and `cp-python` otherwise; its sampling, with the given
 * temperature and max tokens over it.
 */
export async function evalSetup(
  items: readonly EvalItem[],
  templates: Pick<TemplateStore, 'get'>,
  overrides: { templateId?: string; temperature?: number; maxTokens?: number },
): Promise<{ template: Template; sampling: Sampling }> {
  const template = await templates.get(overrides.templateId ?? (items.every((i) => i.kind === 'math') ? 'math' : 'cp-python'));
  // An evaluation runs as the model was evaluated: no reasoning budget (and runs started before
  // templates had one still resume), whatever the template's.
  const { reasoningBudget: _budget, ...templateSampling } = template.sampling;
  const sampling: Sampling = {
    ...samplingPresets.code,
    ...templateSampling,
    ...(overrides.temperature !== undefined ? { temperature: overrides.temperature } : {}),
    ...(overrides.maxTokens !== undefined ? { maxTokens: overrides.maxTokens } : {}),
  };
  return { template, sampling };
}
