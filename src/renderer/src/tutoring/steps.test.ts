import { describe, expect, it } from 'vitest';
import { splitSteps } from './steps';

describe('splitSteps', () => {
  it('makes paragraphs and display formulas separate steps', () => {
    const text = 'First we note $a+b$.\n\nThe sum is\n$$\\sum_{k=1}^n k = \\frac{n(n+1)}{2}$$\nso it grows quadratically.\n\n\\[ x = 1 \\]';
    expect(splitSteps(text)).toEqual([
      'First we note $a+b$.',
      'The sum is',
      '$$\\sum_{k=1}^n k = \\frac{n(n+1)}{2}$$',
      'so it grows quadratically.',
      '\\[ x = 1 \\]',
    ]);
  });

  it('keeps code fences and multi-line display math whole, even with blank lines inside', () => {
    const text = 'Code:\n\n```python\nx = 1\n\ny = 2\n```\n\n$$\n\\begin{aligned}\na &= 1 \\\\\n\nb &= 2\n\\end{aligned}\n$$\n\nDone.';
    const steps = splitSteps(text);
    expect(steps[0]).toBe('Code:');
    expect(steps[1]).toBe('```python\nx = 1\n\ny = 2\n```');
    expect(steps[2]).toMatch(/^\$\$\n\\begin\{aligned\}[\s\S]*\$\$$/);
    expect(steps[3]).toBe('Done.');
    expect(steps).toHaveLength(4);
  });

  it('has no empty steps', () => {
    expect(splitSteps('\n\n  \n')).toEqual([]);
  });
});
