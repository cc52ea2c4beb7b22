import { z } from 'zod';

/** The most tokens one answer (and one reasoning budget) may ask for: the model's 131,072-token context. */
export const maxTokensLimit = 131_072;

/** Sampling, as on the model card: code T 0.6, math T 1.0, top_p 0.95, top_k off, up to 40,960 tokens. */
export const SamplingSchema = z
  .object({
    temperature: z.number().min(0).max(2),
    topP: z.number().min(0).max(1),
    /** 0 = off. */
    topK: z.number().int().min(0).max(1000),
    maxTokens: z.number().int().min(1).max(maxTokensLimit),
    /**
     * Tokens of reasoning after which the workbench closes it (`</think>`) and lets the model
     * answer within what is left of max tokens. 0 or absent: no budget (the reasoning runs to max tokens).
     */
    reasoningBudget: z.number().int().min(0).max(maxTokensLimit).optional(),
  })
  .strict();
export type Sampling = z.output<typeof SamplingSchema>;

export const samplingPresets = {
  code: { temperature: 0.6, topP: 0.95, topK: 0, maxTokens: 40_960 },
  math: { temperature: 1.0, topP: 0.95, topK: 0, maxTokens: 40_960 },
} as const satisfies Record<string, Sampling>;

/** An earlier exchange, as the model is shown it again (only the latest keeps its reasoning). */
export const HistoryTurnSchema = z.object({ user: z.string().max(2_000_000), reasoning: z.string().max(8_000_000), answer: z.string().max(2_000_000) });
export type HistoryTurn = z.output<typeof HistoryTurnSchema>;

export const GenerateInputSchema = z
  .object({
    /** Chosen by the caller so it can match events to its request before the call returns. */
    id: z.string().min(1).max(100),
    prompt: z.string().min(1).max(1_000_000),
    system: z.string().max(100_000).optional(),
    sampling: SamplingSchema.partial().optional(),
    /** Continue the current conversation (default) or start a new one. */
    newConversation: z.boolean().optional(),
    /** The conversation before this prompt, oldest first, when the caller keeps it (a session's thread). */
    history: z.array(HistoryTurnSchema).max(500).optional(),
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

/**
 * Where the output's reasoning block stood when the generation ended: `closed` (`</think>`
 * came; the answer is what follows it), `open` (it never closed: cut by stop, max tokens, a full
 * context or a repetition stop, or the model ended inside it; all text is reasoning and there is
 * no answer), `none` (the model opened no reasoning block: all text is the answer).
 */
export const reasoningStates = ['none', 'open', 'closed'] as const;
export type ReasoningState = (typeof reasoningStates)[number];

/**
 * Why Answer now is not offered with a remote server: it needs the server to continue a final
 * assistant message (vLLM's continue_final_message, llama.cpp's prefill), and an OpenAI-compatible
 * server says nowhere whether it can.
 */
export const answerNowRemoteReason =
  'Answer now on a remote server needs it to continue a reply: say how in Settings ▸ Model (llama.cpp’s server and the workbench continue a final assistant message; vLLM takes continue_final_message).';

/** True when a remote server answers and cannot be asked to continue a reply (so Answer now and budgets cannot work there). */
export function answerNowBlockedBy(remote: { continuation?: string } | null): boolean {
  return remote !== null && (remote.continuation ?? 'none') === 'none';
}

/** The workbench closed the reasoning itself: at the budget, or when the user asked for the answer now. */
export const ReasoningCutSchema = z.object({ by: z.enum(['budget', 'answerNow']), atTokens: z.number() });
export type ReasoningCut = z.output<typeof ReasoningCutSchema>;

export const GenerationResultSchema = z.object({
  id: z.string(),
  reasoning: z.string(),
  answer: z.string(),
  /** Content of the last `\boxed{…}` in the answer, or null. */
  boxed: z.string().nullable(),
  /** Absent in results saved before it existed. */
  reasoningState: z.enum(reasoningStates).optional(),
  /** Present when the workbench closed the reasoning (see `ReasoningCutSchema`). */
  reasoningCut: ReasoningCutSchema.optional(),
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
 * deltas of a generation, concatenated, equal its `generationFinished`
 * reasoning and answer: text whose place is not known yet (a possible
 * preamble before `<think>`) is held, never sent and then moved. A delta may
 * carry no text, only the token count (the model is writing held text).
 */
export const GenerationDeltaSchema = z.object({
  id: z.string(),
  reasoning: z.string(),
  answer: z.string(),
  completionTokens: z.number(),
});
export type GenerationDelta = z.output<typeof GenerationDeltaSchema>;

export const RepetitionEventSchema = z.object({ id: z.string(), period: z.number(), stopped: z.boolean() });
