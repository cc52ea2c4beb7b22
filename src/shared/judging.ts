import { z } from 'zod';

export const TestCaseSchema = z.object({ input: z.string().max(64 * 1024 * 1024), output: z.string().max(64 * 1024 * 1024) });
export type TestCase = z.output<typeof TestCaseSchema>;

/** The languages the judge runs: Python 3, and C++ (GNU dialects, as contest judges compile it). */
export const languages = ['python', 'cpp17', 'cpp20'] as const;
export type Language = (typeof languages)[number];
export const LanguageSchema = z.enum(languages);
export const languageLabels: Record<Language, string> = { python: 'Python 3', cpp17: 'C++17', cpp20: 'C++20' };
/** The language a file's name says (`.py`, `.cpp`/`.cc`/`.cxx`/`.c++` as C++17), or null. */
export function languageOfFile(name: string): Language | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return ext === 'py' ? 'python' : ['cpp', 'cc', 'cxx', 'c++'].includes(ext) ? 'cpp17' : null;
}
export const isCpp = (language: Language) => language !== 'python';

/** A program kept with a problem: the brute force, the test generator. */
export const ProgramSchema = z.object({ language: LanguageSchema.default('python'), code: z.string().max(200_000) });
export type Program = z.output<typeof ProgramSchema>;

/**
 * How outputs are compared: `lines` (the default: trailing spaces and blank
 * lines ignored), `tokens` (any whitespace), `exact` (byte for byte), `float`
 * (tokens, numbers within a tolerance) or `custom` (the problem's checker).
 */
export const comparisonModes = ['lines', 'tokens', 'exact', 'float', 'custom'] as const;
export type ComparisonMode = (typeof comparisonModes)[number];
export const ComparisonSchema = z
  .object({
    mode: z.enum(comparisonModes).optional(),
    floatTolerance: z.number().positive().max(1).optional(),
    /** Absolute or relative tolerance; a value passes if either is within it when `either`. Default: either. */
    toleranceMode: z.enum(['absolute', 'relative', 'either']).optional(),
  })
  .strict();

/**
 * What a problem says about judging beyond tests and limits; a library
 * problem and a session's copy hold the same fields.
 */
export const judgingFields = {
  interactive: z.boolean().optional(),
  comparison: ComparisonSchema.optional(),
  /** Competitive Companion: `multiNumber` when the input starts with the number of cases. */
  testType: z.enum(['single', 'multiNumber']).optional().catch(undefined),
  /** Competitive Companion: stdin, a named file, or a file name pattern (then stdin). */
  input: z.union([z.object({ type: z.literal('stdin') }), z.object({ type: z.literal('file'), fileName: z.string().max(200) }), z.object({ type: z.literal('regex'), pattern: z.string().max(500) })]).optional().catch(undefined),
  output: z.union([z.object({ type: z.literal('stdout') }), z.object({ type: z.literal('file'), fileName: z.string().max(200) })]).optional().catch(undefined),
  /** A custom checker (Python): `checker.py input expected output`, exit 0 accepts, 1 rejects, its first line says why. */
  checker: z.string().max(200_000).optional(),
  /** The interactor of an interactive problem (Python): reads the test from argv[1], talks over stdin/stdout, exit 0 accepts. */
  interactor: z.string().max(200_000).optional(),
  /** Stress testing: a slow, surely right solution, and a generator of random tests (`gen SEED [SIZE]` prints one). */
  brute: ProgramSchema.optional(),
  generator: ProgramSchema.optional(),
};

/** The judging fields a problem has set, copied (for a session's own copy of a library problem). */
export function judgingOf(problem: Partial<Record<keyof typeof judgingFields, unknown>>): Partial<Pick<Problem, keyof typeof judgingFields>> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(judgingFields) as (keyof typeof judgingFields)[]) if (problem[key] !== undefined) out[key] = problem[key];
  return out as Partial<Pick<Problem, keyof typeof judgingFields>>;
}

/** A problem in Competitive Companion's shape (the fields the judge uses). */
export const ProblemSchema = z.object({
  name: z.string().max(500).default('Untitled problem'),
  group: z.string().max(500).optional(),
  url: z.string().max(2000).optional(),
  /** Milliseconds of CPU time per test. Default: 2000. */
  timeLimit: z.number().int().positive().max(60_000).default(2000),
  /** Megabytes. Default: 256. */
  memoryLimit: z.number().int().positive().max(8192).default(256),
  tests: z.array(TestCaseSchema).max(500).default([]),
  ...judgingFields,
});
export type Problem = z.output<typeof ProblemSchema>;

export const verdicts = ['AC', 'WA', 'TLE', 'MLE', 'RE', 'OLE', 'CE'] as const;
export type Verdict = (typeof verdicts)[number];

export interface TestResult {
  index: number;
  verdict: Verdict;
  /** One line: the exception's last line, the signal, the limit hit, or the first difference. */
  detail: string | null;
  cpuMs: number;
  wallMs: number;
  peakMemoryMb: number;
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** For WA: a readable diff of expected vs got. */
  diff: string | null;
  /** Interactive tests: what the solution and the interactor said, in order. */
  transcript?: { from: 'solution' | 'interactor'; text: string }[];
}

/** A compiler's message, placed on the editor's line. */
export interface CompileDiagnostic {
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'note';
  message: string;
}

/** How a limit is counted: over every process of a test, per process (rlimits), per user, or not at all. */
export const limitCountings = ['tree', 'process', 'user', 'none'] as const;
export type LimitCounting = (typeof limitCountings)[number];
/** What builds the sandbox. */
export const isolations = ['bubblewrap', 'unshare', 'sandbox-exec', 'none'] as const;
export type Isolation = (typeof isolations)[number];

/** What this machine actually enforces; the report never claims more. */
export interface Containment {
  time: boolean;
  memory: boolean;
  processes: boolean;
  network: boolean;
  filesystem: boolean;
  /** Runs as an unprivileged user (the app itself runs as root). */
  unprivilegedUser: boolean;
  /** What builds the sandbox. Absent in reports saved by older versions. */
  isolation?: Isolation;
  /** How each limit is counted. Absent in reports saved by older versions. */
  counting?: { cpu: LimitCounting; memory: LimitCounting; processes: LimitCounting; disk: 'total' | 'per-file' };
  notes: string[];
}

export interface JudgeReport {
  verdict: Verdict;
  passed: number;
  total: number;
  compileError: string | null;
  tests: TestResult[];
  containment: Containment;
  python: string;
  /** The language judged (absent in reports saved by older versions: Python). */
  language?: Language;
  /** C++: the compiler's messages by line, and how long compiling took (not counted as run time). */
  diagnostics?: CompileDiagnostic[];
  compileMs?: number;
  /** The compiler used (C++), e.g. "g++ 12.2.0". */
  compiler?: string;
}

/** A problem as the workbench keeps it: Competitive Companion's fields plus an id and a statement. */
export const ProblemRecordSchema = ProblemSchema.extend({
  id: z.string().regex(/^[\w-]{1,80}$/),
  statement: z.string().max(200_000).default(''),
  importedAt: z.string(),
});
export type ProblemRecord = z.output<typeof ProblemRecordSchema>;

export const CompanionStatusSchema = z.object({
  port: z.number(),
  listening: z.boolean(),
  /** Why import is off (port busy…), or null. */
  error: z.string().nullable(),
});
export type CompanionStatus = z.output<typeof CompanionStatusSchema>;

export const TestResultSchema = z.object({
  index: z.number(),
  verdict: z.enum(verdicts),
  detail: z.string().nullable(),
  cpuMs: z.number(),
  wallMs: z.number(),
  peakMemoryMb: z.number(),
  exitCode: z.number().nullable(),
  signal: z.string().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  diff: z.string().nullable(),
  transcript: z.array(z.object({ from: z.enum(['solution', 'interactor']), text: z.string() })).optional(),
});

export const CompileDiagnosticSchema = z.object({ line: z.number(), column: z.number(), severity: z.enum(['error', 'warning', 'note']), message: z.string() });

export const JudgeReportSchema = z.object({
  verdict: z.enum(verdicts),
  passed: z.number(),
  total: z.number(),
  compileError: z.string().nullable(),
  tests: z.array(TestResultSchema),
  containment: z.object({
    time: z.boolean(),
    memory: z.boolean(),
    processes: z.boolean(),
    network: z.boolean(),
    filesystem: z.boolean(),
    unprivilegedUser: z.boolean(),
    isolation: z.enum(isolations).optional(),
    counting: z.object({ cpu: z.enum(limitCountings), memory: z.enum(limitCountings), processes: z.enum(limitCountings), disk: z.enum(['total', 'per-file']) }).optional(),
    notes: z.array(z.string()),
  }),
  python: z.string(),
  language: LanguageSchema.optional(),
  diagnostics: z.array(CompileDiagnosticSchema).optional(),
  compileMs: z.number().optional(),
  compiler: z.string().optional(),
});

/** One line saying exactly which protections are in force, and how the limits are counted, never more. */
export function describeContainment(c: Containment, separator = ', ', words: ContainmentWords = containmentWordsEn): string {
  const how: Record<LimitCounting, string> = { tree: words.tree, process: words.process, user: words.user, none: '' };
  const flag = (on: boolean, name: string, counting?: LimitCounting) => `${name} ${on ? words.on : words.off}${on && counting ? how[counting] : ''}`;
  const isolation = c.filesystem && c.isolation && c.isolation !== 'none' ? ` (${c.isolation})` : '';
  return [
    flag(c.time, words.time, c.counting?.cpu),
    flag(c.memory, words.memory, c.counting?.memory),
    flag(c.processes, words.processes, c.counting?.processes),
    ...(c.counting ? [c.counting.disk === 'total' ? words.diskTotal : words.diskPerFile] : []),
    flag(c.network, words.network),
    `${flag(c.filesystem, words.files)}${isolation}`,
  ].join(separator);
}

/** The words of `describeContainment`, so that the interface can say it in its own language. */
export interface ContainmentWords {
  on: string;
  off: string;
  tree: string;
  process: string;
  user: string;
  time: string;
  memory: string;
  processes: string;
  diskTotal: string;
  diskPerFile: string;
  network: string;
  files: string;
}

export const containmentWordsEn: ContainmentWords = {
  on: 'on',
  off: 'OFF',
  tree: ' (all processes)',
  process: ' (per process)',
  user: ' (per user)',
  time: 'time',
  memory: 'memory',
  processes: 'processes',
  diskTotal: 'disk capped in total',
  diskPerFile: 'disk capped per file',
  network: 'network isolation',
  files: 'file isolation',
};
