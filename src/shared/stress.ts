import { z } from 'zod';
import { CompileDiagnosticSchema, verdicts } from './judging';

/** Rounds a stress test may run at most, and its time budget's bounds (seconds). */
export const maxStressRounds = 100_000;
export const maxStressSeconds = 600;

/** Where a stress test is: searching for a failing test, then shrinking the one it found. */
export const StressProgressSchema = z.object({
  phase: z.enum(['compiling', 'searching', 'shrinking']),
  rounds: z.number(),
  elapsedMs: z.number(),
  roundsPerSecond: z.number(),
  /** Shrinking: the size of the smallest failing input so far, in bytes. */
  smallestBytes: z.number().nullable(),
});
export type StressProgress = z.output<typeof StressProgressSchema>;

/** A test on which the solution and the brute force disagree (or the solution fails). */
export const CounterexampleSchema = z.object({
  seed: z.number(),
  /** The size hint the generator was given (its second argument), or null when it had none. */
  size: z.number().nullable(),
  input: z.string(),
  expected: z.string(),
  got: z.string(),
  verdict: z.enum(verdicts),
  detail: z.string().nullable(),
  diff: z.string().nullable(),
  stderr: z.string(),
});
export type Counterexample = z.output<typeof CounterexampleSchema>;

export const StressReportSchema = z.object({
  /**
   * `found`: a counterexample; `passed`: none in every round; `stopped`: asked to stop; `brute` /
   * `generator`: that program failed (its message says how); `compile`: a program did not compile.
   */
  outcome: z.enum(['found', 'passed', 'stopped', 'brute', 'generator', 'compile']),
  rounds: z.number(),
  elapsedMs: z.number(),
  roundsPerSecond: z.number(),
  counterexample: CounterexampleSchema.nullable(),
  /** Shrinking: generator runs tried, and the first and final counterexample's input size in bytes. */
  shrink: z.object({ tries: z.number(), fromBytes: z.number(), toBytes: z.number() }).nullable(),
  /** What went wrong, for `brute`, `generator` and `compile`. */
  message: z.string().nullable(),
  /** For `compile`: which program, and the compiler's messages by line. */
  program: z.enum(['solution', 'brute', 'generator']).nullable(),
  diagnostics: z.array(CompileDiagnosticSchema),
});
export type StressReport = z.output<typeof StressReportSchema>;
