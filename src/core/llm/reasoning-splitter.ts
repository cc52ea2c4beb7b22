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
 * Text before any tag streams as reasoning at once (VibeThinker always
 * thinks, and a preamble belongs to the reasoning), so nothing is held back.
 * If the output ends without ever using a tag, `finish()` moves it all to the
 * answer: the final `reasoning`/`answer` are authoritative, deltas are not.
 */
export class ReasoningSplitter {
  #reasoning = '';
  #answer = '';
  #pending = '';
  #phase: 'start' | 'thinking' | 'answering' = 'start';

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
      const keep = partialTagSuffix(text, this.#phase === 'start' ? ['<think>', '</think>'] : ['</think>']);
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
   * Adds text a server marked as the answer, having sent the reasoning in a
   * field of its own (OpenAI-compatible `reasoning_content`): no tags to look for.
   */
  pushAnswer(text: string): { reasoning: string; answer: string } {
    // A held-back tail (a possible tag that never completed) was reasoning after all.
    const heldBack = this.#pending;
    this.#pending = '';
    this.#reasoning += heldBack;
    this.#phase = 'answering';
    const added = this.#answer === '' ? text.replace(/^\s+/, '') : text;
    this.#answer += added;
    return { reasoning: heldBack, answer: added };
  }

  /**
   * Ends the stream. Text that never met `</think>` stays reasoning if a
   * `<think>` opened it. Output with no tags at all was an answer: it moves
   * there, and `moved` says the streamed parts no longer match.
   */
  finish(): { reasoning: string; answer: string; moved: boolean } {
    const rest = this.#pending;
    this.#pending = '';
    if (this.#phase === 'start') {
      this.#phase = 'answering';
      this.#answer = (this.#reasoning + rest).replace(/^\s+/, '');
      this.#reasoning = '';
      return { reasoning: '', answer: '', moved: true };
    }
    if (this.#phase === 'thinking') {
      this.#reasoning += rest;
      return { reasoning: rest, answer: '', moved: false };
    }
    this.#answer += rest;
    return { reasoning: '', answer: rest, moved: false };
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
