import { describe, expect, it } from 'vitest';
import type { WorkspaceState } from '../workspace/workspace-store';
import { runningView } from '../workspace/live-answer';
import { announcementFor } from './announcements';

const base = { session: null, pending: {}, saveState: 'saved', live: null, judging: null, custom: null, notice: null, error: null, busyElsewhere: null, solving: null, fixing: null } as unknown as WorkspaceState;
const withView = (view: ReturnType<typeof runningView>): WorkspaceState => ({ ...base, live: { view } as WorkspaceState['live'] });
const stats = (stopReason: string, completionTokens: number) => ({ stats: { completionTokens, stopReason } }) as never;

describe('announcementFor', () => {
  it('tells when an answer starts, once, and how it ended', () => {
    const running = runningView('g1');
    expect(announcementFor(base, withView(running))).toEqual({ kind: 'answerStarted' });
    // Deltas of the same answer say nothing.
    expect(announcementFor(withView(running), withView({ ...running, version: 3, completionTokens: 40 }))).toBeNull();
    expect(announcementFor(withView(running), withView({ ...running, running: false, result: stats('end', 1234) }))).toEqual({ kind: 'answerFinished', tokens: 1234 });
    expect(announcementFor(withView(running), withView({ ...running, running: false, result: stats('stopped', 12) }))).toEqual({ kind: 'answerStopped', tokens: 12 });
    expect(announcementFor(withView(running), withView({ ...running, running: false, error: 'the model host crashed' }))).toEqual({ kind: 'answerFailed' });
    // Another answer replacing a running one is a new start.
    expect(announcementFor(withView(running), withView(runningView('g2')))).toEqual({ kind: 'answerStarted' });
  });

  it('tells the verdicts when a test run ends', () => {
    const judging = { ...base, judging: { progress: [] } } as WorkspaceState;
    const judged = { ...base, session: { lastReport: { passed: 2, total: 3, verdict: 'WA' } } } as unknown as WorkspaceState;
    expect(announcementFor(judging, judged)).toEqual({ kind: 'testsJudged', passed: 2, total: 3, verdict: 'WA' });
    // Opening a session with a saved report is not a test run.
    expect(announcementFor(base, judged)).toBeNull();
  });
});
