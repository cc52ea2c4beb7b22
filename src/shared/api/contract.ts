import { SolveProgressSchema, SolveSessionInputSchema, SolveUpdateSchema } from '../solve';
import { FixLoopInputSchema, FixProgressSchema } from '../fix-loop';
import { z } from 'zod';
import { AppInfoSchema } from '../app-info';
import { SettingsPatchSchema, SettingsSchema } from '../settings';
import { CatalogSchema, DownloadStateSchema, LoadModelInputSchema, ModelFileInfoSchema, ModelStatusSchema } from '../models';
import { CompanionStatusSchema, JudgeReportSchema, LanguageSchema, ProblemRecordSchema, TestResultSchema } from '../judging';
import { TemplateSchema } from '../templates';
import { DesktopCommandSchema } from '../desktop-commands';
import { SessionSchema, SessionSummarySchema } from '../sessions';
import { DamagedFileSchema, damagedFileKinds } from '../damaged-files';
import { EvalRunSchema } from '../eval';
import { GenerateInputSchema, GenerationDeltaSchema, GenerationResultSchema, maxTokensLimit, RepetitionEventSchema } from '../generation';
import type { EventName, MethodName } from './names';
import { AnswerInProgressSchema, AskSessionInputSchema, AskSessionOutputSchema, CreateSessionInputSchema, ForkSessionInputSchema, JudgeSessionInputSchema, SessionsChangedSchema, StressSessionInputSchema, StressUpdateSchema, UpdateSessionInputSchema } from './workspace-schemas';

/** A method takes one input value and resolves to one output value. */
interface MethodSchema {
  input: z.ZodType;
  output: z.ZodType;
}

const noInput = z.void();
const idInput = z.object({ id: z.string().max(64) }).strict();
const TemplateEntrySchema = z.object({ id: z.string(), template: TemplateSchema.nullable(), builtIn: z.boolean(), broken: z.string().nullable() });

export const PingInputSchema = z
  .object({ message: z.string().max(200).optional() })
  .strict()
  .optional();

export const PingEventSchema = z.object({
  seq: z.number().int().nonnegative(),
  message: z.string(),
  at: z.string(),
});

/**
 * The WorkbenchApi: request/response methods. The single source of truth for
 * both transports (Electron IPC, HTTP) and for the types of core and client.
 */
export const methodSchemas = {
  /** Version, platform, mode and where data lives. */
  getAppInfo: { input: noInput, output: AppInfoSchema },
  /** The current settings, defaults filled in. */
  getSettings: { input: noInput, output: SettingsSchema },
  /** Applies a partial change, persists it atomically, returns the result. */
  updateSettings: { input: SettingsPatchSchema, output: SettingsSchema },
  /** Health check: answers and also emits a `pinged` event to every listener. */
  ping: { input: PingInputSchema, output: PingEventSchema },
  /** GGUF files in the models folder(s) and opened by the user, plus built-in downloads. */
  listModels: { input: noInput, output: CatalogSchema },
  /** Adds a GGUF file from anywhere to the catalog (checked first). */
  openModelFile: { input: z.object({ path: z.string().min(1).max(4096) }).strict(), output: ModelFileInfoSchema },
  /** Starts (or resumes) a built-in download; progress arrives as `downloadState` events. */
  startDownload: { input: z.object({ id: z.string().max(100) }).strict(), output: DownloadStateSchema },
  cancelDownload: { input: z.object({ id: z.string().max(100) }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** Loads a model (unloading the current one); resolves when ready. Progress: `modelStatus` events. */
  loadModel: { input: LoadModelInputSchema, output: ModelStatusSchema },
  cancelLoad: { input: noInput, output: ModelStatusSchema },
  unloadModel: { input: noInput, output: ModelStatusSchema },
  getModelStatus: { input: noInput, output: ModelStatusSchema },
  /**
   * Starts a generation and returns at once; text arrives as `generationDelta` events and the
   * result as `generationFinished` (minutes-long answers must not hold an HTTP request open).
   */
  generate: { input: GenerateInputSchema, output: z.object({ id: z.string() }) },
  stopGeneration: { input: z.object({ id: z.string().max(100).optional() }).strict().optional(), output: z.object({ stopped: z.boolean() }) },
  /**
   * Closes the running answer's reasoning now and lets the model write its answer (the turn records
   * the cut). `done: false` with the reason when it cannot: nothing is reasoning, or a remote server answers.
   */
  answerNow: { input: z.object({ id: z.string().max(100).optional() }).strict().optional(), output: z.object({ done: z.boolean(), reason: z.string().nullable() }) },
  resetConversation: { input: noInput, output: z.object({ ok: z.literal(true) }) },
  /** Problems, newest first (imported from Competitive Companion or made in the UI). */
  listProblems: { input: noInput, output: z.array(ProblemRecordSchema) },
  getProblem: { input: z.object({ id: z.string().max(100) }).strict(), output: ProblemRecordSchema },
  /** Creates or updates a problem (statement, limits, tests). */
  saveProblem: { input: ProblemRecordSchema, output: ProblemRecordSchema },
  /**
   * Adds a problem from a file's text: Competitive Companion's JSON (as its "export" writes it) or a
   * problem the workbench saved. Anything else is refused with the reason; nothing is stored then.
   */
  importProblem: { input: z.object({ text: z.string().max(16 * 1024 * 1024), fileName: z.string().max(255).optional() }).strict(), output: ProblemRecordSchema },
  deleteProblem: { input: z.object({ id: z.string().max(100) }).strict(), output: z.object({ ok: z.literal(true) }) },
  /** Judges code on a problem's tests (all, or `only` these indexes); per-test results also arrive as `judgeProgress`. */
  judgeCode: {
    input: z.object({ code: z.string().max(1_000_000), problemId: z.string().max(100), only: z.array(z.number().int().min(0)).max(500).optional() }).strict(),
    output: JudgeReportSchema,
  },
  /** Runs code on custom input under the problem's limits (or the defaults). */
  /** Runs the code on one input; limits from `problemId`'s problem, or given (a session's own problem), else the defaults. */
  runCustom: {
    input: z
      .object({
        code: z.string().max(1_000_000),
        input: z.string().max(16_000_000),
        problemId: z.string().max(100).optional(),
        timeLimit: z.number().int().positive().max(60_000).optional(),
        memoryLimit: z.number().int().positive().max(8192).optional(),
        language: LanguageSchema.optional(),
      })
      .strict(),
    output: JudgeReportSchema,
  },
  getCompanionStatus: { input: noInput, output: CompanionStatusSchema },
  /** Built-in and saved templates; a file that cannot be read is listed as broken, with the reason. */
  listTemplates: { input: noInput, output: z.array(TemplateEntrySchema) },
  saveTemplate: { input: TemplateSchema, output: TemplateSchema },
  deleteTemplate: { input: idInput, output: z.object({ ok: z.literal(true) }) },
  undoDeleteTemplate: { input: idInput, output: TemplateSchema },
  /** The last 20 saves, newest first. */
  templateHistory: { input: idInput, output: z.array(z.object({ savedAt: z.string(), template: TemplateSchema })) },
  restoreTemplate: { input: z.object({ id: z.string().max(64), savedAt: z.string().max(100) }).strict(), output: TemplateSchema },
  exportTemplates: { input: z.object({ ids: z.array(z.string().max(64)).max(500) }).strict(), output: z.object({ json: z.string() }) },
  /** All or nothing: on any problem nothing is imported and the error lists every problem. */
  importTemplates: { input: z.object({ json: z.string().max(2 * 1024 * 1024) }).strict(), output: z.array(TemplateSchema) },
  /**
   * The exact text the model will receive for a template and values: rendered, then formatted with the
   * loaded model's chat template (ChatML when none is loaded), with its token count.
   */
  previewTemplate: {
    input: z.object({ template: TemplateSchema, values: z.record(z.string(), z.string().max(1_000_000)).optional() }).strict(),
    output: z.object({
      system: z.string().nullable(),
      user: z.string(),
      prompt: z.string(),
      tokens: z.number(),
      /** True when counted with the loaded model's tokenizer; false for an estimate. */
      exactTokens: z.boolean(),
      contextSize: z.number().nullable(),
      unknown: z.array(z.string()),
      unused: z.array(z.string()),
    }),
  },
  /**
   * Desktop commands (menu, files opened from the system) that arrived before the renderer was
   * listening; calling it also marks the renderer as listening. Always empty in web mode.
   */
  takeDesktopCommands: { input: noInput, output: z.array(DesktopCommandSchema) },
  /** Sessions newest first; with a query, only those whose title or text contains it (with a snippet). */
  listSessions: { input: z.object({ query: z.string().max(200).optional() }).strict().optional(), output: z.array(SessionSummarySchema) },
  getSession: { input: idInput, output: SessionSchema },
  /** Creates or updates a session (autosaved by the UI as it changes); atomic on disk. */
  saveSession: { input: SessionSchema, output: SessionSchema },
  renameSession: { input: z.object({ id: z.string().max(80), title: z.string().max(300) }).strict(), output: SessionSchema },
  duplicateSession: { input: idInput, output: SessionSchema },
  /** Moves to the trash; `undoDeleteSession` restores. */
  deleteSession: { input: idInput, output: z.object({ ok: z.literal(true) }) },
  undoDeleteSession: { input: idInput, output: SessionSchema },
  /** The session as Markdown, a self-contained HTML handout, or JSON (for import elsewhere). */
  exportSession: {
    input: z.object({ id: z.string().max(80), format: z.enum(['markdown', 'html', 'json']), includeReasoning: z.boolean().optional() }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
  },
  /** Adds an exported session (JSON) under a new id; malformed or foreign files are refused, nothing changes. */
  /** A new session (core makes its id and title); empty, with a statement, or with a copy of a library problem. */
  createSession: { input: CreateSessionInputSchema, output: SessionSchema },
  /** Edits (statement, tests, limits, code, template…) under core's rules; the session as saved. */
  updateSession: { input: UpdateSessionInputSchema, output: SessionSchema },
  /** A copy of a session, its thread up to a turn. */
  forkSession: { input: ForkSessionInputSchema, output: SessionSchema },
  /** Starts a turn (question, follow-up, fix); the turn is saved with the session when the answer ends, client or not. */
  askSession: { input: AskSessionInputSchema, output: AskSessionOutputSchema },
  /** The session's answer being written now (null when none): what a window opened mid-answer shows. */
  answerInProgress: { input: z.object({ id: z.string().max(80) }).strict(), output: AnswerInProgressSchema.nullable() },
  /** Judges the session's code on its tests; the verdicts are saved with it. */
  judgeSession: { input: JudgeSessionInputSchema, output: JudgeReportSchema },
  /**
   * Solve ×N: N answers to the session's problem at once (parallel sequences), each judged on its tests
   * (code) or voted on (math); returns at once, progress comes as `solveUpdate`, and the run is saved with the session.
   */
  solveSession: { input: SolveSessionInputSchema, output: z.object({ solveId: z.string() }) },
  stopSolve: { input: z.object({ solveId: z.string().max(80) }).strict(), output: z.object({ stopped: z.boolean() }) },
  /** The session's running Solve ×N (tokens so far, answers graded so far), or null: for a window that opens it mid-run or reconnects. */
  solveInProgress: { input: z.object({ id: z.string().max(80) }).strict(), output: SolveProgressSchema.nullable() },
  /**
   * Fix until accepted: judges the session's code, then up to `rounds` times sends the first failure to the
   * model (a fix turn), puts its code in the session and judges it; returns at once, progress comes as `fixProgress`.
   */
  fixUntilAccepted: { input: FixLoopInputSchema, output: z.object({ loopId: z.string() }) },
  stopFix: { input: z.object({ loopId: z.string().max(80) }).strict(), output: z.object({ stopped: z.boolean() }) },
  /** The session's running loop, as its last `fixProgress` said (null when none): what a window opened mid-loop shows. */
  fixInProgress: { input: z.object({ id: z.string().max(80) }).strict(), output: FixProgressSchema.nullable() },
  /** Stress tests the session's code against its brute force on its generator's tests; returns at once, progress comes as `stressUpdate`. */
  stressSession: { input: StressSessionInputSchema, output: z.object({ stressId: z.string() }) },
  stopStress: { input: z.object({ stressId: z.string().max(80) }).strict(), output: z.object({ stopped: z.boolean() }) },
  /** The session's running stress test, as its last `stressUpdate` said (null when none). */
  stressInProgress: { input: z.object({ id: z.string().max(80) }).strict(), output: StressUpdateSchema.nullable() },
  importSession: { input: z.object({ text: z.string().max(64 * 1024 * 1024), fileName: z.string().max(255).optional() }).strict(), output: SessionSchema },
  /**
   * Sessions and problems whose files are damaged or cannot be read (left out of `listSessions` and
   * `listProblems`), with the reason and where the bytes are kept, and those restored from their backup
   * (listed there too, and here with `restoredFromBackup`). Nothing is ever deleted.
   */
  listDamagedFiles: { input: z.object({ kind: z.enum(damagedFileKinds).optional() }).strict().optional(), output: z.array(DamagedFileSchema) },
  /** Starts a batch evaluation of a JSONL problem set (checked whole first); progress arrives as `evalProgress`. */
  startEval: {
    input: z
      .object({
        setText: z.string().min(1).max(32 * 1024 * 1024),
        fileName: z.string().max(255).optional(),
        templateId: z.string().max(64).optional(),
        samples: z.number().int().min(1).max(1024),
        concurrency: z.number().int().min(1).max(64),
        temperature: z.number().min(0).max(2).optional(),
        maxTokens: z.number().int().min(1).max(maxTokensLimit).optional(),
      })
      .strict(),
    output: z.object({ id: z.string() }),
  },
  stopEval: { input: z.object({ id: z.string().max(100) }).strict(), output: z.object({ stopped: z.boolean() }) },
  listEvals: { input: noInput, output: z.array(EvalRunSchema) },
  /** The run's self-contained HTML report. */
  getEvalReport: { input: z.object({ id: z.string().max(100) }).strict(), output: z.object({ fileName: z.string(), html: z.string() }) },
} satisfies Record<MethodName, MethodSchema>;

/** Event streams pushed from core to every connected UI. */
export const eventSchemas = {
  pinged: PingEventSchema,
  settingsChanged: SettingsSchema,
  modelStatus: ModelStatusSchema,
  downloadState: DownloadStateSchema,
  generationDelta: GenerationDeltaSchema,
  generationFinished: GenerationResultSchema,
  repetitionDetected: RepetitionEventSchema,
  /** These problems were saved, imported or deleted (none named: any may have); windows fetch what they show. */
  problemsChanged: z.object({ ids: z.array(z.string()) }),
  /** A test's verdict as judging goes; `sessionId` when a session's code is judged. */
  judgeProgress: z.object({ problemId: z.string(), sessionId: z.string().optional(), result: TestResultSchema }),
  templatesChanged: z.object({}),
  /** From the desktop shell only (menu, opened files); web mode never sends it. */
  desktopCommand: DesktopCommandSchema,
  sessionsChanged: SessionsChangedSchema,
  /** Problems arrived from Competitive Companion, each opened as a new session. */
  problemImported: z.object({ problemIds: z.array(z.string()), sessionIds: z.array(z.string()) }),
  evalProgress: EvalRunSchema,
  solveUpdate: SolveUpdateSchema,
  fixProgress: FixProgressSchema,
  stressUpdate: StressUpdateSchema,
} satisfies Record<EventName, z.ZodType>;

// Compile-time guard: the plain name lists in names.ts and the schema keys are
// the same sets. If one side gains a name the other lacks, this fails to build.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodListMatches: Same<MethodName, keyof typeof methodSchemas> = true;
const eventListMatches: Same<EventName, keyof typeof eventSchemas> = true;
void methodListMatches;
void eventListMatches;

type Methods = typeof methodSchemas;
type Events = typeof eventSchemas;

export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** What a UI calls: every method, async. */
export type WorkbenchApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
};

/** What core implements: the same methods, receiving already-validated input. */
export type WorkbenchHandlers = {
  [M in MethodName]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>>;
};

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
