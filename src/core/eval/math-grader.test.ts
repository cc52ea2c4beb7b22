import { describe, expect, it } from 'vitest';
import { answersEqual, extractFinalAnswer, normalizeAnswer } from './math-grader';

describe('math grading', () => {
  it.each([
    ['385', '385'],
    [' 385 ', '385'],
    ['\\frac{1}{2}', '\\dfrac{1}{2}'],
    ['\\tfrac12', '1/2'],
    ['0.5', '\\frac{1}{2}'],
    ['-\\frac{3}{4}', '-0.75'],
    ['\\left(1, 2\\right)', '(1,2)'],
    ['90^\\circ', '90'],
    ['90^{\\circ}', '90'],
    ['12\\text{ cm}', '12'],
    ['\\text{(B)}', '(B)'],
    ['1,000', '1000'],
    ['x = 5', '5'],
    ['$42$', '42'],
    ['42.', '42'],
    ['10\\%', '10'],
    ['3.0', '3'],
    ['\\sqrt{2}', '\\sqrt{2}'],
    ['2\\sqrt{3}', '2 \\sqrt{3}'],
  ])('%s equals %s', (given, reference) => {
    expect(answersEqual(given, reference)).toBe(true);
  });

  it.each([
    ['384', '385'],
    ['\\frac{1}{3}', '0.33'],
    ['1,2', '12'],
    ['\\sqrt{2}', '\\sqrt{3}'],
    ['(1,2)', '(2,1)'],
    ['-5', '5'],
    ['', '0'],
    ['x=5', 'y=6'],
  ])('%s does not equal %s', (given, reference) => {
    expect(answersEqual(given, reference)).toBe(false);
  });

  it('reads the last boxed answer of the final answer, nested braces included', () => {
    expect(extractFinalAnswer('First \\boxed{1}, then \\boxed{\\frac{1}{2}}.')).toBe('\\frac{1}{2}');
    expect(extractFinalAnswer('No box here.')).toBeNull();
    expect(extractFinalAnswer('Unclosed \\boxed{12')).toBeNull();
  });

  it('normalises LaTeX decoration away', () => {
    expect(normalizeAnswer('\\left[ 0, \\dfrac{\\pi}{2} \\right]')).toBe('[0,(\\pi)/2]');
  });
});
