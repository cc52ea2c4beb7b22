import { describe, expect, it } from 'vitest';
import type { EvalItem, EvalSample } from '../../shared/eval';
import { passAtK, summarize } from './metrics';

const sample = (itemId: string, i: number, extracted: string | null, correct: boolean, tokens = 100, truncated = false): EvalSample => ({
  itemId,
  sample: i,
  prompt: '',
  reasoning: '',
  answer: '',
  extracted,
  correct,
  truncated,
  completionTokens: tokens,
  durationMs: 1000,
  verdict: null,
  error: null,
});

describe('eval metrics', () => {
  it('estimates pass@k without bias', () => {
    expect(passAtK(10, 0, 1)).toBe(0);
    expect(passAtK(10, 10, 5)).toBe(1);
    expect(passAtK(4, 1, 1)).toBeCloseTo(0.25);
    expect(passAtK(4, 1, 2)).toBeCloseTo(0.5); // 1 - C(3,2)/C(4,2) = 1 - 3/6
    expect(passAtK(5, 2, 3)).toBeCloseTo(0.9); // 1 - C(3,3)/C(5,3) = 1 - 1/10
  });

  it('summarises pass@1 (mean over samples), pass@k, majority vote, truncation and lengths', () => {
    const items: EvalItem[] = [
      { kind: 'math', id: 'a', problem: 'p', answer: '\\frac12' },
      { kind: 'math', id: 'b', problem: 'q', answer: '7' },
      { kind: 'code', id: 'c', problem: 'r', tests: [{ input: '', output: '1' }], timeLimit: 1000, memoryLimit: 64 },
    ];
    const samples = [
      sample('a', 0, '0.5', true),
      sample('a', 1, '1/2', true),
      sample('a', 2, '3', false),
      sample('a', 3, null, false, 400, true),
      sample('b', 0, '6', false),
      sample('b', 1, '6', false),
      sample('b', 2, '7', true),
      sample('b', 3, '5', false),
      sample('c', 0, null, true),
      sample('c', 1, null, false),
      sample('c', 2, null, true),
      sample('c', 3, null, true),
    ];
    const summary = summarize(items, samples, 4, 10);
    expect(summary.perProblem.map((p) => p.passAt1)).toEqual([0.5, 0.25, 0.75]);
    expect(summary.passAt1).toBeCloseTo(0.5);
    expect(summary.passAtK).toBe(1);
    // a: "0.5" and "1/2" are the same answer (2 votes) and right; b: "6" wins and is wrong; c: 3 of 4 pass.
    expect(summary.perProblem.map((p) => p.majorityCorrect)).toEqual([true, false, true]);
    expect(summary.majority).toBeCloseTo(2 / 3);
    expect(summary.truncationRate).toBeCloseTo(1 / 12);
    expect(summary.meanAnswerTokens).toBe(125);
    expect(summary.tokensPerSecond).toBe(150);
  });
});
