import { describe, expect, it } from 'vitest';
import { ReasoningSplitter } from './reasoning-splitter';

/** Feeds text in chunks of `size` characters and returns the parts. */
function split(text: string, size: number) {
  const splitter = new ReasoningSplitter();
  const streamed = { reasoning: '', answer: '' };
  for (let i = 0; i < text.length; i += size) {
    const d = splitter.push(text.slice(i, i + size));
    streamed.reasoning += d.reasoning;
    streamed.answer += d.answer;
  }
  const d = splitter.finish();
  streamed.reasoning += d.reasoning;
  streamed.answer += d.answer;
  return { streamed, reasoning: splitter.reasoning, answer: splitter.answer, closed: splitter.reasoningClosed };
}

describe('ReasoningSplitter', () => {
  const sample = 'Okay. <think>Let x = 2.\nThen x^2 = 4.</think>\n\nThe answer is $\\boxed{4}$.';

  it.each([1, 2, 3, 7, 100])('splits the same way for chunks of %i characters', (size) => {
    const result = split(sample, size);
    expect(result.reasoning).toBe('Okay. Let x = 2.\nThen x^2 = 4.');
    expect(result.answer).toBe('The answer is $\\boxed{4}$.');
    expect(result.streamed).toEqual({ reasoning: result.reasoning, answer: result.answer });
    expect(result.closed).toBe(true);
  });

  it('keeps unfinished reasoning as reasoning (truncated output)', () => {
    expect(split('<think>still thinking <thi', 4)).toMatchObject({ reasoning: 'still thinking <thi', answer: '', closed: false });
  });

  it('streams untagged text at once, and moves it to the answer if no tag ever came', () => {
    const splitter = new ReasoningSplitter();
    expect(splitter.push('print(')).toEqual({ reasoning: 'print(', answer: '' });
    splitter.push('42)');
    expect(splitter.finish()).toEqual({ reasoning: '', answer: '', moved: true });
    expect([splitter.reasoning, splitter.answer]).toEqual(['', 'print(42)']);
  });

  it('handles a template that pre-fills <think> (only the closing tag appears)', () => {
    expect(split('reasoning here</think>answer', 5)).toMatchObject({ reasoning: 'reasoning here', answer: 'answer' });
  });

  it('leaves "<" characters that are not tags alone', () => {
    expect(split('<think>a < b and b <= c</think>so a < c', 2)).toMatchObject({ reasoning: 'a < b and b <= c', answer: 'so a < c' });
  });

  it('accepts thought segments already separated by the chat wrapper', () => {
    const splitter = new ReasoningSplitter();
    splitter.pushReasoning('thinking');
    splitter.push('</think>done');
    splitter.finish();
    expect([splitter.reasoning, splitter.answer]).toEqual(['thinking', 'done']);
  });

  it('takes a server\'s separate reasoning field and then plain answer content', () => {
    const splitter = new ReasoningSplitter();
    expect(splitter.pushReasoning('weigh ')).toEqual({ reasoning: 'weigh ', answer: '' });
    splitter.pushReasoning('it');
    expect(splitter.pushAnswer('\n\nFour, since </think> is just text here.')).toEqual({ reasoning: '', answer: 'Four, since </think> is just text here.' });
    splitter.finish();
    expect([splitter.reasoning, splitter.answer]).toEqual(['weigh it', 'Four, since </think> is just text here.']);
  });
});
