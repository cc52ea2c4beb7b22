import { z } from 'zod';

export const TestCaseSchema = z.object({ input: z.string().max(64 * 1024 * 1024), output: z.string().max(64 * 1024 * 1024) });
export type TestCase = z.output<typeof TestCaseSchema>;

/** How outputs are compared: exact tokens (default) or floats with a tolerance. */
export const ComparisonSchema = z
  .object({
    floatTolerance: z.number().positive().max(1).optional(),
    /** Absolute or relative tolerance; a value passes if either is within it when `either`. Default: either. */
    toleranceMode: z.enum(['absolute', 'relative', 'either']).optional(),
  })
  .strict();

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
  interactive: z.boolean().optional(),
  comparison: ComparisonSchema.optional(),
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
});

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
});

/** One line saying exactly which protections are in force, and how the limits are counted, never more. */
export function describeContainment(c: Containment, separator = ', '): string {
  const how: Record<LimitCounting, string> = { tree: ' (all processes)', process: ' (per process)', user: ' (per user)', none: '' };
  const flag = (on: boolean, name: string, counting?: LimitCounting) => `${name} ${on ? 'on' : 'OFF'}${on && counting ? how[counting] : ''}`;
  const isolation = c.filesystem && c.isolation && c.isolation !== 'none' ? ` (${c.isolation})` : '';
  return [
    flag(c.time, 'time', c.counting?.cpu),
    flag(c.memory, 'memory', c.counting?.memory),
    flag(c.processes, 'processes', c.counting?.processes),
    ...(c.counting ? [c.counting.disk === 'total' ? 'disk capped in total' : 'disk capped per file'] : []),
    flag(c.network, 'network isolation'),
    `${flag(c.filesystem, 'file isolation')}${isolation}`,
  ].join(separator);
}
