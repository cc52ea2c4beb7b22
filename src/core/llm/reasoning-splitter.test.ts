import { describe, expect, it } from 'vitest';
import { preambleLimit, ReasoningSplitter } from './reasoning-splitter';

type Streamed = { reasoning: string; answer: string };

/** Feeds `pieces` in order, then finishes; returns what streamed and what the splitter ends with. */
function run(pieces: string[]) {
  const splitter = new ReasoningSplitter();
  const streamed: Streamed = { reasoning: '', answer: '' };
  const take = (d: Streamed) => {
    streamed.reasoning += d.reasoning;
    streamed.answer += d.answer;
  };
  for (const piece of pieces) take(splitter.push(piece));
  take(splitter.finish());
  return { streamed, final: { reasoning: splitter.reasoning, answer: splitter.answer }, state: splitter.state };
}

/** `text` cut into chunks of `size` characters. */
const chunks = (text: string, size: number) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

/** Deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `text` cut at random places (empty chunks included: streams deliver them too). */
function randomChunks(text: string, rand: () => number): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    const size = Math.floor(rand() * 12);
    out.push(text.slice(at, at + size));
    at += size;
  }
  return out;
}

/** Random model output built from pieces that make tags, partial tags and look-alikes likely. */
function randomOutput(rand: () => number): string {
  const pieces = ['<think>', '</think>', '<', '</', '<thi', '</thin', 'think>', '>', ' ', '\n\n', 'a < b', 'x', 'Okay, let me think.', '$\\boxed{4}$', 'step '];
  const long = rand() < 0.15 ? 'w'.repeat(preambleLimit - 5 + Math.floor(rand() * 10)) : '';
  const n = Math.floor(rand() * 14);
  const parts = Array.from({ length: n }, () => pieces[Math.floor(rand() * pieces.length)] ?? '');
  parts.splice(Math.floor(rand() * (parts.length + 1)), 0, long);
  return parts.join('');
}

describe('ReasoningSplitter', () => {
  const sample = '<think>Let x = 2.\nThen x^2 = 4.</think>\n\nThe answer is $\\boxed{4}$.';

  it.each([1, 2, 3, 7, 100])('splits the same way for chunks of %i characters', (size) => {
    const result = run(chunks(sample, size));
    expect(result.final).toEqual({ reasoning: 'Let x = 2.\nThen x^2 = 4.', answer: 'The answer is $\\boxed{4}$.' });
    expect(result.streamed).toEqual(result.final);
    expect(result.state).toBe('closed');
  });

  it('streams exactly the final split, for every chunking of many outputs (property)', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const rand = random(seed);
      const text = randomOutput(rand);
      const whole = run([text]);
      for (const pieces of [randomChunks(text, rand), randomChunks(text, rand), chunks(text, 1)]) {
        const result = run(pieces);
        const context = JSON.stringify({ seed, text, pieces });
        expect(result.streamed, context).toEqual(result.final);
        // One function of the text: the chunking changes nothing.
        expect(result.final, context).toEqual(whole.final);
        expect(result.state, context).toBe(whole.state);
      }
    }
  });

  it('streams exactly the final split for every two-chunk cut of a preamble output', () => {
    const text = 'Okay, I will work this out.\n\n<think>Let us add.</think>\n\nIt is $4$.';
    for (let cut = 0; cut <= text.length; cut++) {
      const result = run([text.slice(0, cut), text.slice(cut)]);
      expect(result.streamed).toEqual(result.final);
      expect(result.final).toEqual({ reasoning: 'Okay, I will work this out.\n\nLet us add.', answer: 'It is $4$.' });
    }
  });

  it('puts a preamble before <think> once, at the start of the reasoning, and holds it until <think> decides', () => {
    const splitter = new ReasoningSplitter();
    expect(splitter.push('Okay, I will ')).toEqual({ reasoning: '', answer: '' });
    expect(splitter.push('work this out. <th')).toEqual({ reasoning: '', answer: '' });
    expect(splitter.push('ink>Let us')).toEqual({ reasoning: 'Okay, I will work this out. Let us', answer: '' });
    expect(splitter.state).toBe('open');
  });

  it('keeps reasoning cut inside <think> as reasoning, with no answer (stopped, max tokens)', () => {
    const result = run(chunks('Okay. <think>still thinking <thi', 4));
    expect(result.final).toEqual({ reasoning: 'Okay. still thinking <thi', answer: '' });
    expect(result.streamed).toEqual(result.final);
    expect(result.state).toBe('open');
  });

  it('makes output without any tag the answer, streamed as answer once it is too long to be a preamble', () => {
    const short = run(['print(', '42)']);
    expect(short.final).toEqual({ reasoning: '', answer: 'print(42)' });
    expect(short.streamed).toEqual(short.final);
    expect(short.state).toBe('none');

    const splitter = new ReasoningSplitter();
    expect(splitter.push('w'.repeat(preambleLimit - 1))).toEqual({ reasoning: '', answer: '' });
    expect(splitter.push('ww')).toEqual({ reasoning: '', answer: 'w'.repeat(preambleLimit + 1) });
    // Past the limit, tags are text of the answer.
    expect(splitter.push('<think>x')).toEqual({ reasoning: '', answer: '<think>x' });
    expect(splitter.state).toBe('none');
  });

  it('handles a template that pre-fills <think> (only the closing tag appears)', () => {
    expect(run(chunks('reasoning here</think>answer', 5))).toMatchObject({ final: { reasoning: 'reasoning here', answer: 'answer' }, state: 'closed' });
  });

  it('leaves "<" characters that are not tags alone', () => {
    expect(run(chunks('<think>a < b and b <= c</think>so a < c', 2)).final).toEqual({ reasoning: 'a < b and b <= c', answer: 'so a < c' });
  });

  it('accepts thought segments already separated by the chat wrapper, after a held preamble', () => {
    const splitter = new ReasoningSplitter();
    expect(splitter.push('Okay. ')).toEqual({ reasoning: '', answer: '' });
    expect(splitter.pushReasoning('thinking')).toEqual({ reasoning: 'Okay. thinking', answer: '' });
    expect(splitter.push('</think>done')).toEqual({ reasoning: '', answer: 'done' });
    expect(splitter.finish()).toEqual({ reasoning: '', answer: '' });
    expect([splitter.reasoning, splitter.answer, splitter.state]).toEqual(['Okay. thinking', 'done', 'closed']);
  });

  it("takes a server's separate reasoning field and then plain answer content", () => {
    const splitter = new ReasoningSplitter();
    expect(splitter.pushReasoning('weigh ')).toEqual({ reasoning: 'weigh ', answer: '' });
    splitter.pushReasoning('it');
    expect(splitter.pushAnswer('\n\nFour, since </think> is just text here.')).toEqual({ reasoning: '', answer: 'Four, since </think> is just text here.' });
    splitter.finish();
    expect([splitter.reasoning, splitter.answer, splitter.state]).toEqual(['weigh it', 'Four, since </think> is just text here.', 'closed']);
  });

  it('a reply being continued: its written start sets the state and is not reported again', () => {
    const closed = new ReasoningSplitter();
    closed.placed('<think>\nadd two and two\n</think>');
    expect(closed.state).toBe('closed');
    expect(closed.push('\n\nFour.')).toEqual({ reasoning: '', answer: 'Four.' });
    const open = new ReasoningSplitter();
    open.placed('<think>\nadd two');
    expect(open.state).toBe('open');
    expect(open.push(' and two</think>Four.')).toEqual({ reasoning: ' and two', answer: 'Four.' });
    expect([open.reasoning, open.answer]).toEqual([' and two', 'Four.']);
    // An answer already begun keeps the space that follows it; untagged text is an answer, streamed at once.
    const begun = new ReasoningSplitter();
    begun.placed('<think>x</think>The answer is');
    expect(begun.push(' 42.')).toEqual({ reasoning: '', answer: ' 42.' });
    const plain = new ReasoningSplitter();
    plain.placed('Sure, the answer is');
    expect(plain.push(' 42.')).toEqual({ reasoning: '', answer: ' 42.' });
    // A tag split between the placed text and the continuation is still a tag (and 'abc ' was placed: not reported).
    const split = new ReasoningSplitter();
    split.placed('<think>abc </thi');
    expect(split.push('nk>Four.')).toEqual({ reasoning: '', answer: 'Four.' });
    expect(split.state).toBe('closed');
  });
});
