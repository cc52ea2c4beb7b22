import { z } from 'zod';
import { SamplingSchema } from '../generation';
import { ComparisonSchema, judgingFields, LanguageSchema, ProgramSchema, TestCaseSchema } from '../judging';
import { turnKinds } from '../sessions';
import { maxStressRounds, maxStressSeconds, StressProgressSchema, StressReportSchema } from '../stress';

const sessionId = z.string().regex(/^[\w-]{1,80}$/);

/** A new session: empty, with a statement typed, or with a copy of a library problem (Competitive Companion, a file). */
export const CreateSessionInputSchema = z
  .object({
    statement: z.string().max(200_000).optional(),
    problemId: z.string().max(100).optional(),
    code: z.string().max(1_000_000).optional(),
  })
  .strict()
  .optional();

/**
 * What the user edits in a session. Core applies the rules: the title follows
 * the statement until the session is named, code the app puts in the editor
 * keeps the text it replaces as a version, and changed code or tests make the
 * last verdicts stale.
 */
export const SessionChangesSchema = z
  .object({
    title: z.string().max(300),
    statement: z.string().max(200_000),
    name: z.string().max(500),
    tests: z.array(TestCaseSchema).max(500),
    timeLimit: z.number().int().positive().max(60_000),
    memoryLimit: z.number().int().positive().max(8192),
    comparison: ComparisonSchema.nullable(),
    /** The judging fields beyond tests and limits (null removes one). */
    checker: judgingFields.checker.unwrap().nullable(),
    interactor: judgingFields.interactor.unwrap().nullable(),
    interactive: z.boolean(),
    brute: ProgramSchema.nullable(),
    generator: ProgramSchema.nullable(),
    /** Which file the solution reads its input from and writes its answer to (null: stdin, stdout). */
    inputFile: z.string().max(64).nullable(),
    outputFile: z.string().max(64).nullable(),
    /** The editor's language. */
    language: LanguageSchema,
    code: z.string().max(1_000_000),
    /** Who wrote `code`: the user typing (default), the model's answer, an opened file. */
    codeSource: z.enum(['user', 'model', 'file']),
    /**
     * The code this edit was made on (what the window last had from core). When the session's code is
     * no longer that (another window saved first), core keeps the code it replaces as a version.
     */
    codeBase: z.string().max(1_000_000),
    templateId: z.string().max(64).nullable(),
    sampling: SamplingSchema.partial().nullable(),
  })
  .partial()
  .strict();
export type SessionChanges = z.output<typeof SessionChangesSchema>;

export const UpdateSessionInputSchema = z.object({ id: sessionId, changes: SessionChangesSchema }).strict();

/** A copy of a session, with its thread up to and including `throughTurn` (default: all of it). */
export const ForkSessionInputSchema = z.object({ id: sessionId, throughTurn: z.string().max(80).optional() }).strict();

/**
 * A turn in a session's conversation. `ask`: the question on the problem,
 * through the template (a new conversation); `followUp`: `text` sent as it
 * is, after the earlier turns; `fix`: the failing test's feedback (core
 * writes it from the last verdicts, or `testIndex`'s), after the earlier turns.
 */
export const AskSessionInputSchema = z
  .object({
    id: sessionId,
    kind: z.enum(turnKinds),
    text: z.string().max(1_000_000).optional(),
    templateId: z.string().max(64).optional(),
    sampling: SamplingSchema.partial().optional(),
    testIndex: z.number().int().min(0).max(499).optional(),
    /** Chosen by the caller so it can match the stream's events to this turn before the call returns. */
    generationId: z.string().regex(/^[\w-]{1,100}$/).optional(),
  })
  .strict();
/** Which code block of an answer a template takes, and where it goes. */
export const codePicks = ['lastPython', 'lastCpp', 'lastCode', 'none'] as const;
export const codeTargets = ['solution', 'brute', 'generator'] as const;

/** `pick`: which code block of the answer becomes the turn's code (the template's choice), so a window can offer it the moment the answer ends. */
export const AskSessionOutputSchema = z.object({ turnId: z.string(), generationId: z.string(), pick: z.enum(codePicks), target: z.enum(codeTargets).default('solution') });

export const JudgeSessionInputSchema = z.object({ id: sessionId, only: z.array(z.number().int().min(0).max(499)).max(500).optional() }).strict();

/** Which session changed (clients fetch it); absent when many did (a list to reload). */
export const SessionsChangedSchema = z.object({ id: z.string().optional() });

/**
 * The answer being written now for a session, as far as it got: a window opened
 * (or reloaded) mid-answer shows it and goes on streaming. `completionTokens`
 * counts what the text holds: later `generationDelta` events with a count up to
 * it are already in it.
 */
export const AnswerInProgressSchema = z.object({
  turnId: z.string(),
  generationId: z.string(),
  kind: z.enum(turnKinds),
  text: z.string(),
  pick: z.enum(codePicks),
  /** Where the code goes: the solution, or the brute force or generator tab (their templates). */
  target: z.enum(codeTargets).default('solution'),
  reasoning: z.string(),
  answer: z.string(),
  completionTokens: z.number().int().nonnegative(),
});
export type AnswerInProgress = z.output<typeof AnswerInProgressSchema>;

/** Stress testing the session's code: against its brute force, on its generator's tests. */
export const StressSessionInputSchema = z
  .object({ id: sessionId, rounds: z.number().int().min(1).max(maxStressRounds).optional(), seconds: z.number().int().min(1).max(maxStressSeconds).optional() })
  .strict();

/** A stress test as it goes (`progress`) and when it has ended (`report`, or `error`). */
export const StressUpdateSchema = z.object({
  sessionId: z.string(),
  stressId: z.string(),
  progress: StressProgressSchema.nullable(),
  report: StressReportSchema.nullable(),
  error: z.string().nullable(),
});
export type StressUpdate = z.output<typeof StressUpdateSchema>;
