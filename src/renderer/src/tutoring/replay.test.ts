import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { savedView, type AnswerView } from '../workspace/live-answer';
import { Replay, type ReplayState } from './replay';

const reasoning = 'r'.repeat(400);
const answer = 'a'.repeat(400);
// 800 characters in 200 tokens: 4 a token.
const saved = savedView({ id: 't1', reasoning, answer, error: null, droppedTurns: 0, stats: { promptTokens: 5, completionTokens: 200, timeToFirstTokenMs: 10, tokensPerSecond: 50, durationMs: 4000, stopReason: 'end' } } as Parameters<typeof savedView>[0]);

function play(options = { tokensPerSecond: 100, skipReasoning: false }) {
  const seen: { view: AnswerView; state: ReplayState }[] = [];
  const replay = new Replay(saved, options, (view, state) => seen.push({ view, state }));
  replay.start();
  const last = () => seen.at(-1)!;
  return { replay, seen, last };
}

describe('Replay', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the saved answer at the speed asked, counting tokens as it goes, and ends at the saved count', () => {
    const { last } = play();
    expect(last().state).toBe('playing');
    expect(last().view.completionTokens).toBe(0);
    // 100 tokens a second = 400 characters a second.
    vi.advanceTimersByTime(1000);
    expect(last().view.reasoning.length).toBe(400);
    expect(last().view.completionTokens).toBe(100);
    expect(last().view.running).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(last().view.answer.toString()).toBe(answer);
    expect(last().state).toBe('ended');
    expect(last().view.running).toBe(false);
    expect(last().view.completionTokens).toBe(200);
    expect(last().view.result?.answer).toBe(answer);
  });

  it('pauses, resumes and changes speed while playing', () => {
    const { replay, last } = play();
    vi.advanceTimersByTime(500);
    replay.pause();
    const paused = last().view.reasoning.length;
    expect(last().state).toBe('paused');
    vi.advanceTimersByTime(5000);
    expect(last().view.reasoning.length).toBe(paused);
    replay.setSpeed(10);
    replay.resume();
    vi.advanceTimersByTime(1000);
    // 10 tokens a second = 40 characters.
    expect(last().view.reasoning.length).toBe(paused + 40);
    replay.stop();
    const stopped = last().view.reasoning.length;
    vi.advanceTimersByTime(5000);
    expect(last().view.reasoning.length).toBe(stopped);
    expect(replay.state).toBe('ended');
  });

  it('replays only the answer when the reasoning is folded: the reasoning is there at once', () => {
    const { last } = play({ tokensPerSecond: 100, skipReasoning: true });
    expect(last().view.reasoning.toString()).toBe(reasoning);
    expect(last().view.completionTokens).toBe(100);
    vi.advanceTimersByTime(500);
    expect(last().view.answer.length).toBe(200);
    expect(last().view.completionTokens).toBe(150);
  });
});
