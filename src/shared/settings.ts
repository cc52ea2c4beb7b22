import { z } from 'zod';
import { backendChoices } from './models';

export const themeChoices = ['system', 'light', 'dark', 'high-contrast'] as const;

/** The interface's language: `auto` follows the OS or browser (Simplified Chinese for zh, else English). */
export const languageChoices = ['auto', 'en', 'zh-CN'] as const;

/** Ways an OpenAI-compatible server can be asked to continue a reply it began (see `remote.continuation`). */
export const remoteContinuations = ['none', 'prefill', 'continue_final_message'] as const;

/**
 * User settings, persisted as settings.json in the data directory. Every field
 * has a default so that an older or partly broken file still yields a
 * complete object; later issues add fields here and nowhere else.
 */
export const settingsShape = {
  /** Colour theme; `system` follows the OS preference. Default: system. */
  theme: z.enum(themeChoices).default('system'),
  /** Language of the interface (not of prompts or model output); `auto` follows the OS/browser. Default: auto. */
  language: z.enum(languageChoices).default('auto'),
  /** Monaco editor font size in px. Default: 14. */
  editorFontSize: z.number().int().min(8).max(40).default(14),
  /** Soft-wrap long lines in the editor. Default: false. */
  editorWordWrap: z.boolean().default(false),
  /** Font size of the reasoning pane in px. Default: 15. */
  reasoningFontSize: z.number().int().min(10).max(32).default(15),
  /** Compute backend for models; `auto` picks CUDA, Vulkan or Metal when present, else CPU. Default: auto. */
  backend: z.enum(backendChoices).default('auto'),
  /** Layers offloaded to the GPU; `auto` fits them to free VRAM. Default: auto. */
  gpuLayers: z.union([z.literal('auto'), z.number().int().min(0).max(1000)]).default('auto'),
  /** Context size in tokens; `auto` is as large as memory allows, up to the model's maximum. Default: auto. */
  contextSize: z.union([z.literal('auto'), z.number().int().min(256).max(1_048_576)]).default('auto'),
  /** CPU threads; `auto` uses the physical core count. Default: auto. */
  threads: z.union([z.literal('auto'), z.number().int().min(1).max(256)]).default('auto'),
  /** When the model loops: do nothing, warn and offer to stop, or stop it. Default: warn. */
  repetitionGuard: z.enum(['off', 'warn', 'stop']).default('warn'),
  /** Port Competitive Companion posts problems to (one of the extension's built-in ports). Default: 10043. */
  companionPort: z.number().int().min(1024).max(65535).default(10043),
  /** Python command for running solutions; null finds python3, python or py -3. Default: null. */
  python: z.string().min(1).max(500).nullable().default(null),
  /** C++ compiler command for C++ solutions; null finds g++, then clang++. Default: null. */
  cppCompiler: z.string().min(1).max(500).nullable().default(null),
  /** OpenAI-compatible API (web mode): requests generated at once, batched in one context; the rest queue. Default: 4. */
  apiParallel: z.number().int().min(1).max(32).default(4),
  /** Tokens per API request (prompt + answer); each parallel request holds this much. Default: 16384. */
  apiContextSize: z.number().int().min(256).max(1_048_576).default(16384),
  /** Answer repeated identical temperature-0 API requests from a cache. Default: true. */
  apiCache: z.boolean().default(true),
  /** API requests allowed to wait for a free sequence; more are answered 429 (retry later). Default: 64. */
  apiMaxQueue: z.number().int().min(0).max(10_000).default(64),
  /**
   * Generate on an OpenAI-compatible server (vLLM, SGLang, llama.cpp's server, Ollama, another
   * workbench) instead of the embedded model; null uses the embedded one. Default: null.
   */
  remote: z
    .object({
      baseUrl: z.string().url().max(2000).refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL'),
      apiKey: z.string().max(2000).nullable(),
      model: z.string().max(500).nullable(),
      /**
       * How the server continues a reply, which Answer now and reasoning budgets need there:
       * `prefill` (a final assistant message is continued: llama.cpp's server, another
       * workbench), `continue_final_message` (vLLM's flag), or `none`. Absent: none.
       */
      continuation: z.enum(remoteContinuations).optional(),
    })
    .nullable()
    .default(null),
};

export const SettingsSchema = z.object(settingsShape);
export type Settings = z.output<typeof SettingsSchema>;

/** A change to some settings; unknown keys are rejected, not silently dropped. */
export const SettingsPatchSchema = z
  .object({
    theme: settingsShape.theme.unwrap().optional(),
    language: settingsShape.language.unwrap().optional(),
    editorFontSize: settingsShape.editorFontSize.unwrap().optional(),
    editorWordWrap: settingsShape.editorWordWrap.unwrap().optional(),
    reasoningFontSize: settingsShape.reasoningFontSize.unwrap().optional(),
    backend: settingsShape.backend.unwrap().optional(),
    gpuLayers: settingsShape.gpuLayers.unwrap().optional(),
    contextSize: settingsShape.contextSize.unwrap().optional(),
    threads: settingsShape.threads.unwrap().optional(),
    repetitionGuard: settingsShape.repetitionGuard.unwrap().optional(),
    companionPort: settingsShape.companionPort.unwrap().optional(),
    python: settingsShape.python.unwrap().optional(),
    cppCompiler: settingsShape.cppCompiler.unwrap().optional(),
    apiParallel: settingsShape.apiParallel.unwrap().optional(),
    apiContextSize: settingsShape.apiContextSize.unwrap().optional(),
    apiCache: settingsShape.apiCache.unwrap().optional(),
    apiMaxQueue: settingsShape.apiMaxQueue.unwrap().optional(),
    remote: settingsShape.remote.unwrap().optional(),
  })
  .strict();
export type SettingsPatch = z.input<typeof SettingsPatchSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}
