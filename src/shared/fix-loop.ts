import { z } from 'zod';

/** Fix until accepted: generate → judge → feedback, up to `rounds` times, on the session's own tests. */
export const FixLoopInputSchema = z
  .object({
    id: z.string().regex(/^[\w-]{1,80}$/),
    rounds: z.number().int().min(1).max(10).default(3),
    /** The fix template (one that takes `{{feedback}}`); default: the built-in "Fix with feedback". */
    templateId: z.string().max(64).optional(),
  })
  .strict();

export const fixLoopEnds = ['accepted', 'out_of_rounds', 'stopped', 'no_code', 'failed'] as const;

/** Where a loop is: each round's answer, then its judging; and how it ended. */
export const FixProgressSchema = z.object({
  sessionId: z.string(),
  loopId: z.string(),
  /** 0 while the code as it is is judged first; then 1…rounds. */
  round: z.number().int(),
  rounds: z.number().int(),
  phase: z.enum(['judging', 'answering', 'ended']),
  /** The last judging: tests passed of total. */
  passed: z.number().int().optional(),
  total: z.number().int().optional(),
  end: z.enum(fixLoopEnds).optional(),
  /** Why it ended, in words, when it did not end accepted. */
  message: z.string().optional(),
});
export type FixProgress = z.output<typeof FixProgressSchema>;
