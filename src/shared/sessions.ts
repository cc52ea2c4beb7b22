import { z } from 'zod';
import { GenerationStatsSchema, ReasoningCutSchema, SamplingSchema } from './generation';
import { judgingFields, JudgeReportSchema, LanguageSchema, TestCaseSchema } from './judging';
import { SolveRecordSchema } from './solve';

/** The session file format's version; `migrateSession` upgrades older files. */
export const sessionVersion = 2;

/**
 * The problem a session is about: the session's own copy. Editing its tests
 * or statement never changes another session, nor the problem library it
 * may have come from (Competitive Companion, a problem file).
 */
export const SessionProblemSchema = z.object({
  name: z.string().max(500),
  statement: z.string().max(200_000),
  tests: z.array(TestCaseSchema).max(500),
  /** Milliseconds of CPU time per test. */
  timeLimit: z.number().int().positive().max(60_000),
  /** Megabytes. */
  memoryLimit: z.number().int().positive().max(8192),
  url: z.string().max(2000).optional(),
  ...judgingFields,
  /** The library problem this copy was made from, if any. */
  sourceId: z.string().max(100).nullable(),
});
export type SessionProblem = z.output<typeof SessionProblemSchema>;

export const emptyProblem: SessionProblem = { name: '', statement: '', tests: [], timeLimit: 2000, memoryLimit: 256, sourceId: null };

export const turnKinds = ['ask', 'followUp', 'fix'] as const;
export type TurnKind = (typeof turnKinds)[number];

/** One exchange of the thread: what was asked, exactly what the model received, and what it answered. */
export const TurnSchema = z.object({
  id: z.string().regex(/^[\w-]{1,80}$/),
  at: z.string(),
  /** A question on the problem, a follow-up in the conversation, or Fix with feedback. */
  kind: z.enum(turnKinds),
  /** What the user typed (the question, the follow-up) or the feedback that was sent. */
  text: z.string().max(2_000_000),
  /** The user message exactly as the model received it (the template applied). */
  prompt: z.string().max(2_000_000),
  system: z.string().max(100_000).nullable(),
  templateId: z.string().max(64).nullable(),
  sampling: SamplingSchema.partial().nullable(),
  reasoning: z.string().max(8_000_000),
  answer: z.string().max(2_000_000),
  stats: GenerationStatsSchema.nullable(),
  /** The model's name when the turn was generated. */
  model: z.string().max(500).nullable(),
  /** The code version this answer produced (its id in `codeHistory`), if it produced one. */
  codeVersion: z.string().max(80).nullable(),
  /** Why the answer is incomplete (an error mid-answer), or null. */
  error: z.string().max(10_000).nullable(),
  /** Earlier turns left out of the prompt so the conversation fit the model's context. */
  droppedTurns: z.number().int().min(0),
  /** The workbench closed the reasoning (budget or Answer now), at this many tokens. */
  reasoningCut: ReasoningCutSchema.optional(),
});
export type Turn = z.output<typeof TurnSchema>;

export const CodeVersionSchema = z.object({
  id: z.string().regex(/^[\w-]{1,80}$/),
  at: z.string(),
  code: z.string().max(1_000_000),
  /** Where this version came from: the model's answer, the user's typing, an opened file. */
  source: z.enum(['model', 'user', 'file']),
  /** The turn whose answer it is, for the model's versions. */
  turnId: z.string().max(80).nullable(),
  /** The verdicts of this exact code, when it was judged. */
  report: JudgeReportSchema.nullable(),
});
export type CodeVersion = z.output<typeof CodeVersionSchema>;

/** One problem's work: the problem, the whole conversation, and the code with its history. */
export const SessionSchema = z.object({
  version: z.literal(sessionVersion),
  id: z.string().regex(/^[\w-]{1,80}$/),
  title: z.string().max(300),
  /** The user named it: the title no longer follows the statement. */
  titleEdited: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  problem: SessionProblemSchema,
  /** Every turn, oldest first. */
  thread: z.array(TurnSchema).max(500),
  /** What the editor holds now. */
  code: z.string().max(1_000_000),
  /** The editor's language (absent in files from before C++: Python). */
  language: LanguageSchema.default('python'),
  /** Code versions worth keeping (the model's answers, the user's text before the app replaced it), oldest first, bounded. */
  codeHistory: z.array(CodeVersionSchema).max(100),
  /** The verdicts of the last judging of `code` (null once the code changed since). */
  lastReport: JudgeReportSchema.nullable(),
  /** The template and sampling chosen for the next question. */
  templateId: z.string().max(64).nullable(),
  sampling: SamplingSchema.partial().nullable(),
  model: z.string().max(500).nullable(),
  /** Solve ×N runs, oldest first, the last few kept (absent in files from before they existed). */
  solves: z.array(SolveRecordSchema).max(10).default([]),
});
export type Session = z.output<typeof SessionSchema>;

/** What the sidebar lists. */
export const SessionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  updatedAt: z.string(),
  turns: z.number(),
  /** A bit of text around the search match (or the statement's start). */
  snippet: z.string(),
});
export type SessionSummary = z.output<typeof SessionSummarySchema>;

export const untitled = 'Untitled session';

/** A title from the statement's first line (or the problem's name). */
export function titleFromStatement(statement: string, name = ''): string {
  const line = statement
    .split('\n')
    .map((l) => l.replace(/^[#>*\-\s]+/, '').trim())
    .find((l) => l.length > 0);
  const title = name.trim() || line;
  if (!title) return untitled;
  return title.length > 80 ? `${title.slice(0, 77)}…` : title;
}
