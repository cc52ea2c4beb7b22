import { describe, expect, it } from 'vitest';
import { describeDifference, outputsMatch } from './compare-output';

describe('outputsMatch', () => {
  it('ignores trailing whitespace and trailing blank lines, nothing else', () => {
    expect(outputsMatch('1 2\n3\n', '1 2   \n3\n\n\n', undefined)).toBe(true);
    expect(outputsMatch('1 2\n3', '1 2\r\n3\r\n', undefined)).toBe(true);
    expect(outputsMatch('1 2\n3', '1  2\n3', undefined)).toBe(false);
    expect(outputsMatch('1\n\n2', '1\n2', undefined)).toBe(false);
    expect(outputsMatch('YES', 'yes', undefined)).toBe(false);
  });

  it('compares floats with an absolute or relative tolerance when the problem asks', () => {
    expect(outputsMatch('0.333333', '0.3333331', { floatTolerance: 1e-6 })).toBe(true);
    expect(outputsMatch('0.333333', '0.334', { floatTolerance: 1e-6 })).toBe(false);
    expect(outputsMatch('1000000', '1000000.5', { floatTolerance: 1e-6, toleranceMode: 'relative' })).toBe(true);
    expect(outputsMatch('1000000', '1000000.5', { floatTolerance: 1e-6, toleranceMode: 'absolute' })).toBe(false);
    expect(outputsMatch('1.5 abc', '1.5000001 abc', { floatTolerance: 1e-6 })).toBe(true);
    expect(outputsMatch('1.5 abc', '1.5 abd', { floatTolerance: 1e-6 })).toBe(false);
  });
});

describe('describeDifference', () => {
  it('points at the first differing line with context', () => {
    const { summary, diff } = describeDifference('1\n2\n3\n4\n', '1\n2\n5\n4\n');
    expect(summary).toBe('Line 3 differs: expected "3", got "5"');
    expect(diff).toContain('-    3 | 3');
    expect(diff).toContain('+    3 | 5');
  });

  it('names missing and extra output', () => {
    expect(describeDifference('1\n2', '1').summary).toBe('Output ends early: line 2 is missing');
    expect(describeDifference('1', '1\n2').summary).toBe('Extra output from line 2');
  });
});
