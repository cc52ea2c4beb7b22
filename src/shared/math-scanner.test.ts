import { describe, expect, it } from 'vitest';
import { scanMath, type Segment } from './math-scanner';

const maths = (text: string, streaming = false) =>
  scanMath(text, { streaming })
    .filter((s): s is Extract<Segment, { kind: 'math' }> => s.kind === 'math')
    .map((s) => [s.tex, s.display]);

describe('scanMath', () => {
  it.each([
    ['inline $x^2$ here', [['x^2', false]]],
    ['display $$\\sum_{i=1}^n i$$ end', [['\\sum_{i=1}^n i', true]]],
    ['brackets \\(a_b\\) and \\[c*d\\]', [['a_b', false], ['c*d', true]]],
    ['it costs $5 and $10 in total', []],
    ['costs $3', []],
    ['escaped \\$5 and $x$', [['x', false]]],
    ['price $5, formula $y$', [['y', false]]],
    ['$a$$b$', [['a', false], ['b', false]]],
    ['$ x$ is not math, nor $x $', []],
    ['`$x$` in code, then $y$', [['y', false]]],
    ['```\n$x$ in a fence\n```\n$z$', [['z', false]]],
    ['\\boxed{\\frac{1}{2}} as $\\boxed{\\{a\\}}$', [['\\boxed{\\{a\\}}', false]]],
    ['| $a|b$ | c |', [['a|b', false]]],
    ['\\begin{aligned} x &= 1 \\\\ y &= 2 \\end{aligned}', [['\\begin{aligned} x &= 1 \\\\ y &= 2 \\end{aligned}', true]]],
    ['$$\\begin{pmatrix} 1 & 0 \\end{pmatrix}$$', [['\\begin{pmatrix} 1 & 0 \\end{pmatrix}', true]]],
  ] as const)('%s', (text, expected) => {
    expect(maths(text)).toEqual(expected);
  });

  it('while streaming, an unclosed formula is kept as source at the end', () => {
    expect(scanMath('so $$x^', { streaming: true }).at(-1)).toEqual({ kind: 'open', source: '$$x^' });
    expect(scanMath('let \\(a', { streaming: true }).at(-1)).toEqual({ kind: 'open', source: '\\(a' });
    expect(scanMath('value $x_', { streaming: true }).at(-1)).toEqual({ kind: 'open', source: '$x_' });
    // A price is not an open formula.
    expect(scanMath('costs $3', { streaming: true })).toEqual([{ kind: 'text', text: 'costs $3' }]);
  });
});
