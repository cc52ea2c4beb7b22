import type { Readable } from 'node:stream';

export interface Frame {
  line: string;
  payload: Buffer;
}

/**
 * Reads "a JSON line, then N bytes" frames from the sandbox's stdout. The
 * other side is inside the sandbox, so nothing it sends is trusted: a line
 * longer than `maxLine`, or a payload size the caller refuses, ends the
 * stream (next() answers null), and so does silence past the deadline.
 * Memory held is at most one frame plus one chunk.
 */
export class FrameReader {
  #chunks: Buffer[] = [];
  #size = 0;
  #ended = false;
  #wake: (() => void) | null = null;
  readonly #onData = (chunk: Buffer) => {
    this.#chunks.push(chunk);
    this.#size += chunk.length;
    // Nothing honest sends more than one frame ahead: a flood ends the stream instead of filling memory.
    if (this.#size > this.maxBuffered) this.#refuse();
    else this.#wake?.();
  };
  readonly #onEnd = () => {
    this.#ended = true;
    this.#wake?.();
  };

  constructor(
    private readonly stream: Readable,
    private readonly maxLine: number,
    /** Bytes held at most (a line plus the largest payload). */
    private readonly maxBuffered: number,
  ) {
    stream.on('data', this.#onData);
    stream.on('end', this.#onEnd);
    stream.on('close', this.#onEnd);
    stream.on('error', this.#onEnd);
  }

  /**
   * The next frame. `payloadSize` reads the line and says how many bytes
   * follow it (-1: a line that cannot be right). Null on a timeout, the end
   * of the stream, or a frame that breaks the rules.
   */
  async next(timeoutMs: number, payloadSize: (line: string) => number): Promise<Frame | null> {
    const deadline = Date.now() + timeoutMs;
    let line: string | null = null;
    let need = -1;
    let lastLook = false;
    for (;;) {
      if (line === null) {
        // Lines are short (refused past maxLine), so joining chunks to look for the newline stays cheap.
        const buffer = this.#joined();
        const newline = buffer.indexOf(10);
        if (newline === -1 && buffer.length > this.maxLine) return this.#refuse();
        if (newline !== -1) {
          if (newline > this.maxLine) return this.#refuse();
          line = buffer.subarray(0, newline).toString('utf8');
          need = payloadSize(line);
          if (need < 0) return this.#refuse();
          this.#consume(newline + 1);
          continue;
        }
      } else if (this.#size >= need) {
        // Payloads are joined once, when complete: no copying per chunk.
        const payload = Buffer.from(this.#joined().subarray(0, need));
        this.#consume(need);
        return { line, payload };
      }
      if (this.#ended) return null;
      const left = deadline - Date.now();
      if (left <= 0) {
        // After a long stretch of work on the event loop, timers run before I/O: data that arrived in time
        // may still be waiting in the pipe. Let I/O run once before calling it a timeout.
        if (!lastLook) {
          lastLook = true;
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        return null;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          this.#wake = null;
          resolve();
        };
      });
    }
  }

  /** True once the other side closed its end (or broke the rules): no more frames will come. */
  get ended(): boolean {
    return this.#ended;
  }

  dispose(): void {
    this.stream.off('data', this.#onData);
    this.#chunks = [];
    this.#size = 0;
    this.#ended = true;
    this.#wake?.();
    this.stream.destroy();
  }

  #joined(): Buffer {
    if (this.#chunks.length > 1) this.#chunks = [Buffer.concat(this.#chunks, this.#size)];
    return this.#chunks[0] ?? Buffer.alloc(0);
  }

  #consume(bytes: number): void {
    const rest = this.#joined().subarray(bytes);
    this.#chunks = rest.length > 0 ? [rest] : [];
    this.#size = rest.length;
  }

  #refuse(): null {
    this.dispose();
    return null;
  }
}
