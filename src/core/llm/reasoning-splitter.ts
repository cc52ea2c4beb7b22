import type { ReasoningState } from '../../shared/generation';

const open = '<think>';
const close = '</think>';

/**
 * How far into the output a tag may end and still decide that untagged text
 * before it is reasoning (a preamble before `<think>`, or reasoning before a
 * bare `</think>`). Output that reaches this length without a tag is an
 * answer written without reasoning: it streams as answer from then on, and
 * later tags in it are text. About 125 tokens: VibeThinker's preambles are a
 * sentence or two, and an answer without reasoning is shown after at most this much.
 */
export const preambleLimit = 500;

type Part = { reasoning: string; answer: string };

/**
 * Splits VibeThinker's streamed output into reasoning and answer, so that
 * what streams is exactly what the final result says: the deltas `push`,
 * `pushReasoning`, `pushAnswer` and `finish` return, concatenated, always
 * equal the final `reasoning` and `answer`, whatever the chunking. Nothing
 * streamed is ever taken back; text whose place is not yet known is held.
 *
 * The split is one function of the text:
 * - `<think>` … `</think>` is reasoning and what follows is the answer
 *   (leading blank lines dropped). Output that ends inside the block — cut
 *   by stop, max tokens, a full context, a repetition stop — is all
 *   reasoning with an empty answer, and `state` says `open`.
 * - A preamble before `<think>` goes to the reasoning, verbatim, at its start.
 *   It is the model talking to itself before it formally opens the block:
 *   not the answer (the official scorer reads only what follows `</think>`,
 *   and an answer that begins "Okay, let me think." reads wrong), and not to
 *   be dropped (it is text the model wrote and the reader may want). So it
 *   is held until `<think>` comes and then streams once, as reasoning.
 * - Text before a bare `</think>` is reasoning (a template that pre-filled `<think>`).
 * - Output with no tag at all is the answer, however it ended: it never
 *   opened a reasoning block, so there is no reasoning to cut. It is held
 *   while a tag could still make it a preamble (see `preambleLimit`).
 */
export class ReasoningSplitter {
  #reasoning = '';
  #answer = '';
  /** Text not yet placed: the untagged start of the output, or a tail that may become a tag. */
  #held = '';
  /** `plain`: no reasoning block at all (tags are text); `answering`: after `</think>`. */
  #phase: 'start' | 'thinking' | 'answering' | 'plain' = 'start';
  /** Some of the answer came before this stream (see `placed`): no leading blank is trimmed. */
  #answerBegun = false;

  /** Appends a chunk of raw model text; returns what it added to each part. */
  push(chunk: string): Part {
    return this.#delta(() => {
      let text = this.#held + chunk;
      this.#held = '';
      while (text !== '') text = this.#consume(text);
    });
  }

  /**
   * Text of the reply written before this stream (a reply being continued): it
   * sets where the stream stands (inside the reasoning, or after it) and is
   * not part of what this splitter reports.
   */
  placed(text: string): void {
    this.push(text);
    // A reply continued from untagged text is an answer written without reasoning.
    const plain = this.#phase === 'start' && text.trim() !== '';
    if (plain) this.#phase = 'plain';
    // The answer has begun when the placed text holds some of it: what follows keeps its leading space.
    this.#answerBegun = plain || this.#answer !== '';
    this.#reasoning = '';
    this.#answer = '';
    // A held tail (part of a tag, at the end of the placed text) stays: the continuation may complete it.
    if (this.#phase === 'plain' || this.#phase === 'answering') this.#held = '';
  }

  /** Adds text the chat wrapper or a server already marked as thought (no tags in it). */
  pushReasoning(text: string): Part {
    return this.#delta(() => {
      // Held text (a preamble, or a partial tag that stayed text) came before this thought.
      if (this.#phase === 'start' || this.#phase === 'thinking') {
        this.#reasoning += this.#held;
        this.#held = '';
        this.#phase = 'thinking';
      }
      this.#reasoning += text;
    });
  }

  /**
   * The chat wrapper ended its thought segment (it consumed `</think>` itself):
   * what comes next is the answer.
   */
  closeReasoning(): Part {
    return this.#delta(() => {
      if (this.#phase !== 'start' && this.#phase !== 'thinking') return;
      this.#reasoning += this.#held;
      this.#held = '';
      this.#phase = 'answering';
    });
  }

  /**
   * Adds text a server marked as the answer, having sent the reasoning in a
   * field of its own (OpenAI-compatible `reasoning_content`): no tags to look for.
   */
  pushAnswer(text: string): Part {
    return this.#delta(() => {
      this.#reasoning += this.#held;
      this.#held = '';
      this.#phase = 'answering';
      this.#appendAnswer(text);
    });
  }

  /** Ends the stream: held text goes where the rules put it (see the class comment). */
  finish(): Part {
    return this.#delta(() => {
      const rest = this.#held;
      this.#held = '';
      if (this.#phase === 'thinking') this.#reasoning += rest;
      else {
        if (this.#phase === 'start') this.#phase = 'plain';
        this.#appendAnswer(rest);
      }
    });
  }

  get reasoning(): string {
    return this.#reasoning;
  }

  get answer(): string {
    return this.#answer;
  }

  /** Where the reasoning block stands: `none` (none yet, or none at all), `open`, `closed`. */
  get state(): ReasoningState {
    return this.#phase === 'thinking' ? 'open' : this.#phase === 'answering' ? 'closed' : 'none';
  }

  /** Places the start of `text`; returns what is left for the next step. */
  #consume(text: string): string {
    if (this.#phase === 'answering' || this.#phase === 'plain') {
      this.#appendAnswer(text);
      return '';
    }
    if (this.#phase === 'thinking') {
      const end = text.indexOf(close);
      if (end !== -1) {
        this.#reasoning += text.slice(0, end);
        this.#phase = 'answering';
        return text.slice(end + close.length);
      }
      // A tail that could still become `</think>` waits for the next chunk.
      const keep = partialTagSuffix(text, close);
      this.#reasoning += text.slice(0, text.length - keep);
      this.#held = text.slice(text.length - keep);
      return '';
    }
    // Start: `text` is the whole output so far, so positions in it are positions in the output.
    const head = text.slice(0, preambleLimit);
    const opening = head.indexOf(open);
    const closing = head.indexOf(close);
    if (opening !== -1 && (closing === -1 || opening < closing)) {
      this.#reasoning += text.slice(0, opening);
      this.#phase = 'thinking';
      return text.slice(opening + open.length);
    }
    if (closing !== -1) {
      this.#reasoning += text.slice(0, closing);
      this.#phase = 'answering';
      return text.slice(closing + close.length);
    }
    if (text.length >= preambleLimit) {
      this.#phase = 'plain';
      return text;
    }
    this.#held = text;
    return '';
  }

  #appendAnswer(text: string): void {
    // Blank lines between </think> and the answer are layout, not answer.
    this.#answer += this.#answer === '' && !this.#answerBegun ? text.replace(/^\s+/, '') : text;
  }

  #delta(change: () => void): Part {
    const before = { reasoning: this.#reasoning.length, answer: this.#answer.length };
    change();
    return { reasoning: this.#reasoning.slice(before.reasoning), answer: this.#answer.slice(before.answer) };
  }
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialTagSuffix(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    if (text.endsWith(tag.slice(0, n))) return n;
  }
  return 0;
}
