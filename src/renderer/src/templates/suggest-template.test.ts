import { describe, expect, it } from 'vitest';
import { looksNonEnglish, suggestTemplate } from './suggest-template';

describe('suggestTemplate', () => {
  it('suggests the coding template for a contest problem', () => {
    expect(suggestTemplate('You are given an array of n integers.\nInput\nThe first line contains n (1 ≤ n ≤ 2·10^5).\nOutput\nPrint the answer.\nSample Input\n3')).toBe('cp-python');
  });

  it('suggests the math template for a math question', () => {
    expect(suggestTemplate('Find all integers $n$ such that $n^2 + 1$ is divisible by $n + 1$.')).toBe('math');
    expect(suggestTemplate('Prove that $\\sqrt{2}$ is irrational.')).toBe('math');
  });

  it('stays quiet when unsure', () => {
    expect(suggestTemplate('hello there')).toBeNull();
  });
});

describe('looksNonEnglish', () => {
  it('notices a prompt mostly in another script, ignoring formulas', () => {
    expect(looksNonEnglish('求所有满足条件的整数 $n$，使得 $n^2+1$ 能被 $n+1$ 整除。请给出详细的推理过程和最终答案。')).toBe(true);
    expect(looksNonEnglish('Find all integers $n$ such that $n^2 + 1$ is divisible by $n + 1$.')).toBe(false);
  });
});
