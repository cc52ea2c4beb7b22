import { describe, expect, it } from 'vitest';
import { RepetitionGuard } from './repetition-guard';

function feed(guard: RepetitionGuard, tokens: number[]) {
  for (const token of tokens) {
    const found = guard.push([token]);
    if (found) return found;
  }
  return null;
}

describe('RepetitionGuard', () => {
  it('finds a one-token loop ("@@@@")', () => {
    expect(feed(new RepetitionGuard(), [1, 2, 3, ...Array<number>(60).fill(64)])).toMatchObject({ period: 1 });
  });

  it('finds a phrase repeated back to back ("but but we we")', () => {
    const phrase = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
    expect(feed(new RepetitionGuard(), [5, 6, ...Array.from({ length: 6 }, () => phrase).flat()])).toMatchObject({ period: 12 });
  });

  it('finds a repeated paragraph of reasoning', () => {
    const paragraph = Array.from({ length: 90 }, (_, i) => 1000 + ((i * 7) % 50));
    expect(feed(new RepetitionGuard(), Array.from({ length: 5 }, () => paragraph).flat())).toMatchObject({ period: 90 });
  });

  it('does not flag ordinary varied text or short repeats', () => {
    let seed = 3;
    const varied = Array.from({ length: 5000 }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 5000);
    expect(feed(new RepetitionGuard(), varied)).toBeNull();
    expect(feed(new RepetitionGuard(), [...varied.slice(0, 100), 7, 7, 7, 7, 7, ...varied.slice(100, 200)])).toBeNull();
  });
});
