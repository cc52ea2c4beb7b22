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

describe('comparing untrusted output', () => {
  it('takes linear time on hostile output: runs of spaces or digits that do not end as expected', () => {
    const hostile = `${' '.repeat(400_000)}x\n`;
    const started = performance.now();
    expect(outputsMatch('x', hostile, undefined)).toBe(false);
    expect(describeDifference('x', hostile).summary).toMatch(/^Line 1 differs/);
    expect(outputsMatch('1.5', `${' '.repeat(400_000)}1.5`, { floatTolerance: 1e-6 })).toBe(true);
    // Nor on long runs of digits that are not a number in the end (5 s for 60,000 digits with a backtracking pattern).
    expect(outputsMatch('1', `${'1'.repeat(200_000)}x`, { floatTolerance: 1e-6 })).toBe(false);
    expect(outputsMatch(`${'1'.repeat(200_000)}x`, '1', { floatTolerance: 1e-6 })).toBe(false);
    // Quadratic backtracking took ~25 s for 100,000 spaces; linear work is milliseconds.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('stops at the first difference: 16 MB of blank lines against "3" costs no split into lines', () => {
    const flood = '\n'.repeat(16 * 1024 * 1024);
    const started = performance.now();
    expect(outputsMatch('3', `x${flood}`, undefined)).toBe(false);
    expect(describeDifference('3', `x${flood}`).summary).toBe('Line 1 differs: expected "3", got "x"');
    expect(outputsMatch('3', `${flood}3`, undefined)).toBe(false);
    // Splitting into 16 million lines took ~1.4 s here (and 285 MB); a forward scan is tens of milliseconds.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads only decimal numbers as numbers: 0x10, 0b1, Infinity are compared as text', () => {
    expect(outputsMatch('16', '0x10', { floatTolerance: 1e-6 })).toBe(false);
    expect(outputsMatch('5', '0b101', { floatTolerance: 1e-6 })).toBe(false);
    expect(outputsMatch('1e400', 'Infinity', { floatTolerance: 1e-6 })).toBe(false);
    expect(outputsMatch('-.5', '-0.5000001', { floatTolerance: 1e-6 })).toBe(true);
  });

  it('strips only ASCII whitespace at line ends: a no-break space is output', () => {
    expect(outputsMatch('a', 'a\u00a0', undefined)).toBe(false);
    expect(outputsMatch('a', 'a \t\r', undefined)).toBe(true);
  });
});
