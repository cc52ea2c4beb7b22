import { z } from 'zod';

/** What the catalog shows for one GGUF file, read from its metadata without loading weights. */
export const ModelFileInfoSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  /** `general.name`, or the file name without extension. */
  name: z.string(),
  architecture: z.string().nullable(),
  parameterCount: z.number().nullable(),
  /** e.g. Q4_K_M, from `general.file_type`. */
  quantization: z.string().nullable(),
  contextLength: z.number().nullable(),
  /** The chat template's family (ChatML, …) or null when the file has none. */
  chatTemplate: z.string().nullable(),
  /** Why the file cannot be used, or null when it can. */
  problem: z.string().nullable(),
});
export type ModelFileInfo = z.output<typeof ModelFileInfoSchema>;

export const DownloadStateSchema = z.object({
  id: z.string(),
  state: z.enum(['downloading', 'verifying', 'done', 'failed', 'cancelled']),
  receivedBytes: z.number(),
  totalBytes: z.number().nullable(),
  bytesPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  /** Where the finished file is, once `done`. */
  path: z.string().nullable(),
  error: z.string().nullable(),
});
export type DownloadState = z.output<typeof DownloadStateSchema>;

/** A built-in model the app knows how to fetch. */
export const DownloadEntrySchema = z.object({
  id: z.string(),
  label: z.string(),
  quantization: z.string(),
  /** `hf:<owner>/<repo>/<file>` */
  uri: z.string(),
  fileName: z.string(),
  approxBytes: z.number(),
  recommended: z.boolean(),
  installedPath: z.string().nullable(),
  download: DownloadStateSchema.nullable(),
});
export type DownloadEntry = z.output<typeof DownloadEntrySchema>;

export const CatalogSchema = z.object({
  modelsDir: z.string(),
  models: z.array(ModelFileInfoSchema),
  downloads: z.array(DownloadEntrySchema),
});
export type Catalog = z.output<typeof CatalogSchema>;

export const backendChoices = ['auto', 'cuda', 'vulkan', 'metal', 'cpu'] as const;

export const ModelStatusSchema = z.object({
  state: z.enum(['empty', 'loading', 'ready', 'failed']),
  /** 0…1 while loading. */
  loadProgress: z.number(),
  model: ModelFileInfoSchema.nullable(),
  /** The compute backend in use: cuda, vulkan, metal or cpu. */
  backend: z.string().nullable(),
  devices: z.array(z.string()),
  gpuLayers: z.number(),
  totalLayers: z.number(),
  vramUsedBytes: z.number(),
  vramTotalBytes: z.number(),
  ramUsedBytes: z.number(),
  contextSize: z.number(),
  /** Tokens the conversation currently occupies in the context. */
  contextUsed: z.number(),
  threads: z.number(),
  /** Something the user should know (a fallback taken), or null. */
  notice: z.string().nullable(),
  /** Why the last load failed, or null. */
  error: z.string().nullable(),
  /** Set when generation goes to an OpenAI-compatible server instead of the embedded model. */
  remote: z.object({ baseUrl: z.string(), model: z.string().nullable() }).nullable().optional(),
});
export type ModelStatus = z.output<typeof ModelStatusSchema>;

export const LoadModelInputSchema = z
  .object({
    path: z.string().min(1).max(4096),
    /** Overrides the settings for this load. */
    backend: z.enum(backendChoices).optional(),
    gpuLayers: z.union([z.literal('auto'), z.number().int().min(0).max(1000)]).optional(),
    contextSize: z.union([z.literal('auto'), z.number().int().min(256).max(1_048_576)]).optional(),
  })
  .strict();
export type LoadModelInput = z.output<typeof LoadModelInputSchema>;
