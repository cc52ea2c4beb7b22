import { describe, expect, it } from 'vitest';
import type { GenerationDelta } from '../../shared/generation';
import { DeltaBatcher, generationStats } from './chat-backend';

describe('DeltaBatcher', () => {
  it('sends the first text at once, then at most one delta per interval, and all of it by the end', async () => {
    const sent: GenerationDelta[] = [];
    let tokens = 0;
    const batcher = new DeltaBatcher('g', () => tokens, (d) => sent.push(d), 40);
    tokens = 1;
    batcher.add({ reasoning: 'a', answer: '' });
    expect(sent).toEqual([{ id: 'g', reasoning: 'a', answer: '', completionTokens: 1 }]);
    for (let i = 0; i < 100; i++) {
      tokens++;
      batcher.add({ reasoning: 'b', answer: i > 50 ? 'c' : '' });
    }
    expect(sent).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ reasoning: 'b'.repeat(100), answer: 'c'.repeat(49), completionTokens: 101 });
    // Nothing new: nothing sent; only the count grew (text held back elsewhere): a count-only delta.
    batcher.flush();
    expect(sent).toHaveLength(2);
    tokens = 105;
    batcher.flush();
    expect(sent[2]).toEqual({ id: 'g', reasoning: '', answer: '', completionTokens: 105 });
  });

  it('stats: the rate leaves out the first token, which starts its clock', () => {
    expect(generationStats({ promptTokens: 5, completionTokens: 11, started: 0, firstTokenAt: 100, ended: 1100, stopReason: 'end' })).toEqual({
      promptTokens: 5,
      completionTokens: 11,
      timeToFirstTokenMs: 100,
      tokensPerSecond: 10,
      durationMs: 1100,
      stopReason: 'end',
    });
    expect(generationStats({ promptTokens: 0, completionTokens: 0, started: 0, firstTokenAt: null, ended: 5, stopReason: 'stopped' })).toMatchObject({ timeToFirstTokenMs: null, tokensPerSecond: 0 });
  });
});
