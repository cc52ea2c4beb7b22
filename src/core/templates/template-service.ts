import type { WorkbenchHandlers } from '../../shared/api/contract';
import { announcer } from '../api/announce';
import type { EventHub } from '../api/event-hub';
import type { ChatRunner } from '../llm/chat-runner';
import { renderTemplate } from './render-template';
import { TemplateStore } from './template-store';

export type TemplateHandlers = Pick<
  WorkbenchHandlers,
  'listTemplates' | 'saveTemplate' | 'deleteTemplate' | 'undoDeleteTemplate' | 'templateHistory' | 'restoreTemplate' | 'exportTemplates' | 'importTemplates' | 'previewTemplate'
>;

/** ChatML, the format VibeThinker uses, for previews while no model is loaded. */
export function chatMl(system: string | null, user: string): string {
  return `${system ? `<|im_start|>system\n${system}<|im_end|>\n` : ''}<|im_start|>user\n${user}<|im_end|>\n<|im_start|>assistant\n`;
}

/** The prompt-template API: storage, history, import/export, and the exact-prompt preview. */
export class TemplateService {
  readonly store: TemplateStore;
  readonly handlers: TemplateHandlers;

  constructor(deps: { dataDir: string; events: EventHub; runner: ChatRunner }) {
    const store = new TemplateStore(deps.dataDir);
    this.store = store;
    const announce = announcer(deps.events, 'templatesChanged');
    const changed = <T>(value: T): T => announce(value, {});
    this.handlers = {
      listTemplates: () => store.list(),
      saveTemplate: async (template) => changed(await store.save(template)),
      deleteTemplate: async ({ id }) => {
        await store.delete(id);
        return changed({ ok: true as const });
      },
      undoDeleteTemplate: async ({ id }) => changed(await store.undoDelete(id)),
      templateHistory: ({ id }) => store.history(id),
      restoreTemplate: async ({ id, savedAt }) => changed(await store.restore(id, savedAt)),
      exportTemplates: async ({ ids }) => ({ json: await store.exportJson(ids) }),
      importTemplates: async ({ json }) => changed(await store.importJson(json)),
      previewTemplate: async ({ template, values }) => {
        const rendered = renderTemplate(template, values ?? {});
        const formatted = await deps.runner.formatPrompt(rendered.system, rendered.user);
        const prompt = formatted?.prompt ?? chatMl(rendered.system, rendered.user);
        return {
          ...rendered,
          prompt,
          // Without a tokenizer, ~3.5 characters a token is the usual estimate for English and code.
          tokens: formatted?.tokens ?? Math.ceil(prompt.length / 3.5),
          exactTokens: formatted !== null,
          contextSize: formatted?.contextSize ?? null,
        };
      },
    };
  }
}
