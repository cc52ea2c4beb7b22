import { z } from 'zod';
import { GenerationStatsSchema, SamplingSchema } from './generation';
import { JudgeReportSchema, TestCaseSchema } from './judging';

/** The session file format's version; `migrateSession` upgrades older files. */
export const sessionVersion = 1;

export const TurnSchema = z.object({
  prompt: z.string().max(2_000_000),
  reasoning: z.string().max(8_000_000),
  answer: z.string().max(2_000_000),
  stats: GenerationStatsSchema.nullable(),
  /** The model's name when the turn was generated. */
  model: z.string().max(500).nullable(),
  at: z.string(),
});
export type Turn = z.output<typeof TurnSchema>;

export const CodeVersionSchema = z.object({
  at: z.string(),
  code: z.string().max(1_000_000),
  /** Where this version came from: the model's answer, the user's typing, an opened file. */
  source: z.enum(['model', 'user', 'file']),
});

/** One problem's work: everything needed to reopen it as it was. */
export const SessionSchema = z.object({
  version: z.literal(sessionVersion),
  id: z.string().regex(/^[\w-]{1,80}$/),
  title: z.string().max(300),
  createdAt: z.string(),
  updatedAt: z.string(),
  statement: z.string().max(200_000),
  /** The problem (and its tests) this session is about, when there is one. */
  problemId: z.string().max(100).nullable(),
  templateId: z.string().max(64).nullable(),
  sampling: SamplingSchema.partial().nullable(),
  turns: z.array(TurnSchema).max(500),
  code: z.string().max(1_000_000),
  /** Earlier editor contents, oldest first, bounded. */
  codeHistory: z.array(CodeVersionSchema).max(100),
  tests: z.array(TestCaseSchema).max(500),
  lastReport: JudgeReportSchema.nullable(),
  model: z.string().max(500).nullable(),
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

/** A title from the statement's first line, for a new session. */
export function titleFromStatement(statement: string): string {
  const line = statement
    .split('\n')
    .map((l) => l.replace(/^[#>*\-\s]+/, '').trim())
    .find((l) => l.length > 0);
  if (!line) return 'Untitled session';
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}
