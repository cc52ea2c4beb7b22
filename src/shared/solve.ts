import { z } from 'zod';
import { SamplingSchema } from './generation';
import { JudgeReportSchema, verdicts } from './judging';

/** One of Solve ×N's answers, graded: judged on the tests (code), or its final answer read (math). */
export const SolveCandidateSchema = z.object({
  index: z.number().int().min(0).max(15),
  reasoning: z.string().max(8_000_000),
  answer: z.string().max(2_000_000),
  completionTokens: z.number(),
  /** The answer's last Python block (code), or null. */
  code: z.string().max(1_000_000).nullable(),
  report: JudgeReportSchema.nullable(),
  verdict: z.enum(verdicts).nullable(),
  /** The final `\boxed{}` answer (math), or null. */
  final: z.string().max(10_000).nullable(),
  /** Ended before it finished: Stop, or another answer passed every test first. */
  stopped: z.boolean(),
  /**
   * Limited by a length: cut at max tokens, or it filled its context (Settings ▸
   * API context size), which can be smaller: cut there, or older text dropped to
   * go on. Absent in runs saved before this was recorded.
   */
  cut: z.enum(['maxTokens', 'context']).nullable().optional(),
  error: z.string().max(10_000).nullable(),
});
export type SolveCandidate = z.output<typeof SolveCandidateSchema>;

/** What cut a candidate short, in words (cards and `vibe solve`), or null when it ended by itself. */
export function cutNote(candidate: Pick<SolveCandidate, 'cut'>): string | null {
  if (candidate.cut === 'maxTokens') return 'cut at max tokens';
  if (candidate.cut === 'context') return 'its context filled up (raise Settings ▸ API context size)';
  return null;
}

/** Final answers the grader counts as equal, together (`\frac12` and `0.5`). */
export const SolveVoteSchema = z.object({ answer: z.string().max(10_000), count: z.number().int(), share: z.number(), candidates: z.array(z.number().int()) });
export type SolveVote = z.output<typeof SolveVoteSchema>;

/** A Solve ×N run as a session keeps it: every candidate, best first, and the vote for math. */
export const SolveRecordSchema = z.object({
  id: z.string().regex(/^[\w-]{1,80}$/),
  at: z.string(),
  kind: z.enum(['code', 'math']),
  samples: z.number().int().min(2).max(16),
  templateId: z.string().max(64),
  sampling: SamplingSchema.partial(),
  /** Answer i sampled with seed + i (absent in runs saved before seeds were recorded). */
  seed: z.number().int().min(0).max(2 ** 31).optional(),
  prompt: z.string().max(2_000_000),
  candidates: z.array(SolveCandidateSchema).max(16),
  votes: z.array(SolveVoteSchema).max(16),
  /** The candidate shown first (its code goes to the editor): the best code, or one of the majority. */
  best: z.number().int().nullable(),
});
export type SolveRecord = z.output<typeof SolveRecordSchema>;

export const SolveSessionInputSchema = z
  .object({
    id: z.string().regex(/^[\w-]{1,80}$/),
    samples: z.number().int().min(2).max(16).default(4),
    templateId: z.string().max(64).optional(),
    sampling: SamplingSchema.partial().optional(),
    /** Stop the other answers once one passes every test. */
    stopWhenAccepted: z.boolean().optional(),
    /** Answer i samples with seed + i: the same run again (as `vibe solve --seed`). Default: a random seed. */
    seed: z.number().int().min(0).max(2 ** 31).optional(),
    /** Chosen by the caller so it can match the events to this run before the call returns. */
    solveId: z.string().regex(/^[\w-]{1,80}$/).optional(),
  })
  .strict();

/** Where a running Solve ×N stands, for a window that opens its session mid-run (or comes back after a reconnect). */
export const SolveProgressSchema = z.object({
  solveId: z.string(),
  samples: z.number(),
  tokens: z.array(z.number()),
  /** Graded so far, without their reasoning (as `solveUpdate` sends them). */
  candidates: z.array(SolveCandidateSchema),
});
export type SolveProgress = z.output<typeof SolveProgressSchema>;

/** Progress of a Solve ×N run: tokens per answer while they stream, each answer as it is graded, then the end. */
export const SolveUpdateSchema = z.object({
  sessionId: z.string(),
  solveId: z.string(),
  samples: z.number(),
  tokens: z.array(z.number()).optional(),
  candidate: SolveCandidateSchema.optional(),
  /** Present once the run ended (and is saved in the session). */
  record: SolveRecordSchema.optional(),
  error: z.string().optional(),
});
export type SolveUpdate = z.output<typeof SolveUpdateSchema>;
