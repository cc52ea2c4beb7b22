/**
 * A growing text kept as its chunks, so consumers can take just what is new
 * (by chunk count) without copying or comparing the whole text each time.
 */
export class TextStream {
  readonly chunks: string[] = [];
  #length = 0;

  append(chunk: string): void {
    if (chunk === '') return;
    this.chunks.push(chunk);
    this.#length += chunk.length;
  }

  get length(): number {
    return this.#length;
  }

  /** The whole text; joins on demand (copy, final comparison), not per chunk. */
  toString(): string {
    return this.chunks.join('');
  }
}
