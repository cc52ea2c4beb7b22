import { z } from 'zod';

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Which front door serves this UI. */
  mode: z.enum(['desktop', 'web']),
  platform: z.string(),
  arch: z.string(),
  /** Absolute path of the user data directory (settings, templates, sessions). */
  dataDir: z.string(),
  /** Absolute path where GGUF models are looked for. */
  modelsDir: z.string(),
  nodeVersion: z.string(),
  electronVersion: z.string().nullable(),
  /** The llama.cpp binding's version (node-llama-cpp), for the About box and bug reports. */
  nodeLlamaCppVersion: z.string().nullable(),
});
export type AppInfo = z.output<typeof AppInfoSchema>;
