/**
 * Splits VibeThinker's streamed output into reasoning and answer.
 *
 * The model writes `<think> … </think>` and then the answer; a short
 * preamble before `<think>` has been seen and belongs to the reasoning. Text
 * arrives in arbitrary chunks, so a tag may be split across chunks: a tail
 * that could still become a tag is held back until the next chunk decides.
 * Output without any `<think>` is all answer, except that text before a bare
 * `</think>` (a chat template that pre-fills `<think>`) is reasoning.
 *
 * Streamed parts are only ever appended to, never moved: text before any tag
 * is held back (up to `holdChars`) until a tag decides which part it is.
 */
export class ReasoningSplitter {
  #reasoning = '';
  #answer = '';
  #pending = '';
  #phase: 'start' | 'thinking' | 'answering' = 'start';
  readonly #holdChars: number;

  /** `holdChars`: how much untagged text may precede `<think>` before it counts as an answer. Default: 400. */
  constructor(holdChars = 400) {
    this.#holdChars = holdChars;
  }

  /** Appends a chunk; returns what was added to each part by it. */
  push(chunk: string): { reasoning: string; answer: string } {
    const before = { r: this.#reasoning.length, a: this.#answer.length };
    let text = this.#pending + chunk;
    this.#pending = '';
    while (text.length > 0) {
      if (this.#phase === 'answering') {
        // Blank lines between </think> and the answer are layout, not answer.
        this.#answer += this.#answer === '' ? text.replace(/^\s+/, '') : text;
        break;
      }
      const open = this.#phase === 'start' ? text.indexOf('<think>') : -1;
      const close = text.indexOf('</think>');
      if (open !== -1 && (close === -1 || open < close)) {
        // Preamble before <think> counts as reasoning.
        this.#reasoning += text.slice(0, open);
        this.#phase = 'thinking';
        text = text.slice(open + '<think>'.length);
        continue;
      }
      if (close !== -1) {
        this.#reasoning += text.slice(0, close);
        this.#phase = 'answering';
        text = text.slice(close + '</think>'.length);
        continue;
      }
      if (this.#phase === 'start') {
        if (text.length <= this.#holdChars) {
          this.#pending = text;
          break;
        }
        // No tag early on: this output has no reasoning block.
        this.#phase = 'answering';
        continue;
      }
      const keep = partialTagSuffix(text, ['</think>']);
      this.#pending = text.slice(text.length - keep);
      this.#reasoning += text.slice(0, text.length - keep);
      break;
    }
    return { reasoning: this.#reasoning.slice(before.r), answer: this.#answer.slice(before.a) };
  }

  /** Adds text the chat wrapper already marked as thought (no tags in it). */
  pushReasoning(text: string): { reasoning: string; answer: string } {
    if (this.#phase === 'start') this.#phase = 'thinking';
    this.#reasoning += text;
    return { reasoning: text, answer: '' };
  }

  /**
   * Ends the stream. Text that never met `</think>` stays reasoning if a
   * `<think>` opened it; output with no tags at all is an answer.
   */
  finish(): { reasoning: string; answer: string } {
    const rest = this.#pending;
    this.#pending = '';
    if (this.#phase === 'start') {
      // The stream ended before any tag: it was all answer.
      this.#phase = 'answering';
      const answer = this.#answer === '' ? rest.replace(/^\s+/, '') : rest;
      this.#answer += answer;
      return { reasoning: '', answer };
    }
    if (this.#phase === 'thinking') {
      this.#reasoning += rest;
      return { reasoning: rest, answer: '' };
    }
    this.#answer += rest;
    return { reasoning: '', answer: rest };
  }

  get reasoning(): string {
    return this.#reasoning;
  }

  get answer(): string {
    return this.#answer;
  }

  /** True once `</think>` was seen: the reasoning is complete. */
  get reasoningClosed(): boolean {
    return this.#phase === 'answering';
  }
}

/** Length of the longest suffix of `text` that is a proper prefix of one of `tags`. */
function partialTagSuffix(text: string, tags: string[]): number {
  let best = 0;
  for (const tag of tags) {
    for (let n = Math.min(tag.length - 1, text.length); n > best; n--) {
      if (text.endsWith(tag.slice(0, n))) {
        best = n;
        break;
      }
    }
  }
  return best;
}
