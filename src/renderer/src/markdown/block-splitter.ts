/**
 * Cuts a growing Markdown text into blocks at blank lines, incrementally:
 * a block is final once a later line shows it cannot grow any more, and is
 * then never looked at again. Only the open tail is rescanned as text
 * arrives, so the cost of an append does not grow with the length of the text.
 *
 * A blank line ends a block only outside code fences and display math, and
 * only when the next line starts at the margin (an indented line continues a
 * list item, so it stays with it).
 */
export class BlockSplitter {
  #text = '';
  #tailStart = 0;

  /** Appends text; returns the blocks that became final because of it. */
  append(chunk: string): string[] {
    this.#text += chunk;
    return this.#cut(false);
  }

  /** Ends the stream: the tail becomes final too. */
  finish(): string[] {
    return this.#cut(true);
  }

  /** The block still growing (may be empty). */
  get tail(): string {
    return this.#text.slice(this.#tailStart);
  }

  get text(): string {
    return this.#text;
  }

  #cut(final: boolean): string[] {
    const done: string[] = [];
    let lineStart = this.#tailStart;
    let fence: string | null = null;
    let displayMath = false;
    let sawBlank = false;
    let blockStart = this.#tailStart;
    while (true) {
      const newline = this.#text.indexOf('\n', lineStart);
      const complete = newline !== -1;
      const line = this.#text.slice(lineStart, complete ? newline : undefined);
      const blank = line.trim() === '';
      // The first character of a new line is enough to know a new block starts there.
      if (fence === null && !displayMath && sawBlank && line !== '' && !/^[ \t]/.test(line)) {
        // A new block starts here: everything before (minus the blank lines) is final.
        const block = this.#text.slice(blockStart, lineStart).replace(/\s+$/, '');
        if (block !== '') done.push(block);
        blockStart = lineStart;
        this.#tailStart = lineStart;
      }
      if (!complete && !final) break;
      sawBlank = blank && fence === null && !displayMath ? true : blank ? sawBlank : false;
      const fenceMatch = /^[ ]{0,3}(`{3,}|~{3,})/.exec(line);
      if (fenceMatch?.[1]) {
        if (fence === null) fence = fenceMatch[1];
        else if (fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && line.trim() === fenceMatch[1]) fence = null;
      } else if (fence === null) {
        // $$ and \[ \] toggle display math; an odd count leaves it open.
        const toggles = (line.match(/\$\$/g)?.length ?? 0) + (line.match(/\\\[|\\\]/g)?.length ?? 0);
        if (toggles % 2 === 1) displayMath = !displayMath;
      }
      if (!complete) break;
      lineStart = newline + 1;
    }
    if (final) {
      const block = this.#text.slice(blockStart).replace(/\s+$/, '');
      if (block !== '') done.push(block);
      this.#tailStart = this.#text.length;
    }
    return done;
  }
}
