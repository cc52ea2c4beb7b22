import type { WorkspaceState } from '../workspace/workspace-store';

/**
 * What a screen reader is told when the work changes state without the user's focus moving: an answer starts or
 * ends, a test run ends. Derived from two successive workspace states, so it needs no hooks in the store.
 */
export type Announcement =
  | { kind: 'answerStarted' }
  | { kind: 'answerFinished'; tokens: number }
  | { kind: 'answerStopped'; tokens: number }
  | { kind: 'answerFailed' }
  | { kind: 'testsJudged'; passed: number; total: number; verdict: string };

export function announcementFor(before: WorkspaceState, after: WorkspaceState): Announcement | null {
  const was = before.live?.view;
  const now = after.live?.view;
  if (now?.running && !(was?.running && was.id === now.id)) return { kind: 'answerStarted' };
  if (was?.running && now && now.id === was.id && !now.running) {
    if (now.error) return { kind: 'answerFailed' };
    const tokens = now.result?.stats.completionTokens ?? now.completionTokens;
    return now.result?.stats.stopReason === 'stopped' ? { kind: 'answerStopped', tokens } : { kind: 'answerFinished', tokens };
  }
  const report = after.session?.lastReport;
  if (before.judging && !after.judging && report) return { kind: 'testsJudged', passed: report.passed, total: report.total, verdict: report.verdict };
  return null;
}
