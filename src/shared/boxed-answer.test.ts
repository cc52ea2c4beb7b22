import { describe, expect, it } from 'vitest';
import { lastBoxed } from './boxed-answer';

describe('lastBoxed', () => {
  it.each([
    ['so \\boxed{42}.', '42'],
    ['first \\boxed{1} then \\boxed{\\frac{1}{2}}', '\\frac{1}{2}'],
    ['\\boxed{\\{a, b\\}}', '\\{a, b\\}'],
    ['\\boxed{x^{2^{3}}} done', 'x^{2^{3}}'],
    ['no box here', null],
    ['\\boxed{unclosed', null],
  ])('%s → %s', (text, expected) => {
    expect(lastBoxed(text)).toBe(expected);
  });
});
