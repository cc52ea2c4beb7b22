import { z } from 'zod';

/** Sampling, as on the model card: code T 0.6, math T 1.0, top_p 0.95, top_k off, up to 40,960 tokens. */
export const SamplingSchema = z
  .object({
    temperature: z.number().min(0).max(2),
    topP: z.number().min(0).max(1),
    /** 0 = off. */
    topK: z.number().int().min(0).max(1000),
    maxTokens: z.number().int().min(1).max(131_072),
  })
  .strict();
export type Sampling = z.output<typeof SamplingSchema>;

export const samplingPresets = {
  code: { temperature: 0.6, topP: 0.95, topK: 0, maxTokens: 40_960 },
  math: { temperature: 1.0, topP: 0.95, topK: 0, maxTokens: 40_960 },
} as const satisfies Record<string, Sampling>;

export const GenerateInputSchema = z
  .object({
    /** Chosen by the caller so it can match events to its request before the call returns. */
    id: z.string().min(1).max(100),
    prompt: z.string().min(1).max(1_000_000),
    system: z.string().max(100_000).optional(),
    sampling: SamplingSchema.partial().optional(),
    /** Continue the current conversation (default) or start a new one. */
    newConversation: z.boolean().optional(),
  })
  .strict();
export type GenerateInput = z.output<typeof GenerateInputSchema>;

export const stopReasons = ['end', 'maxTokens', 'stopped', 'contextFull', 'repetition', 'error'] as const;

export const GenerationStatsSchema = z.object({
  promptTokens: z.number(),
  completionTokens: z.number(),
  /** Milliseconds from the request to the first generated token. */
  timeToFirstTokenMs: z.number().nullable(),
  tokensPerSecond: z.number(),
  durationMs: z.number(),
  stopReason: z.enum(stopReasons),
});
export type GenerationStats = z.output<typeof GenerationStatsSchema>;

export const GenerationResultSchema = z.object({
  id: z.string(),
  reasoning: z.string(),
  answer: z.string(),
  /** Content of the last `\boxed{…}` in the answer, or null. */
  boxed: z.string().nullable(),
  stats: GenerationStatsSchema,
  /** Older turns dropped so the conversation fits the context. */
  droppedTurns: z.number(),
  error: z.string().nullable(),
  /** The error is worth retrying as it is (a busy or failing remote server, a cut connection). */
  retryable: z.boolean().optional(),
});
export type GenerationResult = z.output<typeof GenerationResultSchema>;

/**
 * Batched text added since the previous delta (never the whole text). The
 * `generationFinished` result is authoritative: output that never opens a
 * reasoning block streams as reasoning and ends up as the answer.
 */
export const GenerationDeltaSchema = z.object({
  id: z.string(),
  reasoning: z.string(),
  answer: z.string(),
  completionTokens: z.number(),
});
export type GenerationDelta = z.output<typeof GenerationDeltaSchema>;

export const RepetitionEventSchema = z.object({ id: z.string(), period: z.number(), stopped: z.boolean() });
