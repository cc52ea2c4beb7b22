import { z } from 'zod';
import { TestCaseSchema } from './judging';

/** A math item: graded by its final boxed answer. */
export const MathItemSchema = z
  .object({
    id: z.union([z.string().min(1).max(200), z.number()]).transform(String),
    problem: z.string().min(1).max(200_000),
    answer: z.union([z.string().max(10_000), z.number()]).transform(String),
  })
  .strict();

/** A code item: graded by the Python judge on its tests (Competitive Companion's fields also accepted). */
export const CodeItemSchema = z
  .object({
    id: z.union([z.string().min(1).max(200), z.number()]).transform(String),
    problem: z.string().min(1).max(200_000),
    tests: z.array(TestCaseSchema).min(1).max(500),
    timeLimit: z.number().int().positive().max(60_000).optional(),
    memoryLimit: z.number().int().positive().max(8192).optional(),
  })
  .strict();

export type EvalItem = ({ kind: 'math' } & z.output<typeof MathItemSchema>) | ({ kind: 'code'; timeLimit: number; memoryLimit: number } & Omit<z.output<typeof CodeItemSchema>, 'timeLimit' | 'memoryLimit'>);

/** One generated sample and its grade; a line of samples.jsonl. */
export const EvalSampleSchema = z.object({
  itemId: z.string(),
  sample: z.number().int().nonnegative(),
  prompt: z.string(),
  reasoning: z.string(),
  answer: z.string(),
  /** The extracted final answer (math) or null. */
  extracted: z.string().nullable(),
  correct: z.boolean(),
  /** Generation hit max tokens before finishing. */
  truncated: z.boolean(),
  completionTokens: z.number(),
  durationMs: z.number(),
  /** Code items: the judge's verdict, or why nothing could be judged. */
  verdict: z.string().nullable(),
  error: z.string().nullable(),
});
export type EvalSample = z.output<typeof EvalSampleSchema>;

export const EvalProgressSchema = z.object({
  problemsDone: z.number(),
  problems: z.number(),
  samplesDone: z.number(),
  samples: z.number(),
  tokensPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
});

const ProblemResultSchema = z.object({
  id: z.string(),
  kind: z.enum(['math', 'code']),
  samples: z.number(),
  correct: z.number(),
  passAt1: z.number(),
  passAtK: z.number(),
  majorityCorrect: z.boolean(),
  majorityAnswer: z.string().nullable(),
  truncated: z.number(),
  meanTokens: z.number(),
});

export const EvalSummarySchema = z.object({
  problems: z.number(),
  samplesPerProblem: z.number(),
  samples: z.number(),
  passAt1: z.number(),
  passAtK: z.number(),
  majority: z.number(),
  truncationRate: z.number(),
  meanAnswerTokens: z.number(),
  tokensPerSecond: z.number(),
  perProblem: z.array(ProblemResultSchema),
});

/** A run of the Evaluate view, live or finished. */
export const EvalRunSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(['running', 'done', 'failed', 'stopped']),
  progress: EvalProgressSchema.nullable(),
  summary: EvalSummarySchema.nullable(),
  error: z.string().nullable(),
});
export type EvalRun = z.output<typeof EvalRunSchema>;
