export interface RepetitionGuardOptions {
  /** Longest repeating unit looked for, in tokens. Default: 200. */
  maxPeriod?: number;
  /** How often a unit must repeat back to back. Default: 4. */
  minRepeats?: number;
  /** Fewest tokens the repeated run must cover, so "a a a" in prose is not a loop. Default: 48. */
  minSpan?: number;
  /** Check every this many tokens (the check is O(maxPeriod × span)). Default: 8. */
  checkEvery?: number;
}

export interface RepetitionFinding {
  /** Length of the repeating unit in tokens. */
  period: number;
  /** Tokens covered by the repetition at the moment it was found. */
  span: number;
}

/**
 * Detects the failure where a small model loops: the same phrase, line or
 * paragraph over and over ("but but we we", "@@@@", a paragraph of reasoning
 * repeated). Watches token ids, so it needs no text and costs little per token.
 */
export class RepetitionGuard {
  readonly #maxPeriod: number;
  readonly #minRepeats: number;
  readonly #minSpan: number;
  readonly #checkEvery: number;
  #tokens: number[] = [];
  #sinceCheck = 0;

  constructor(options: RepetitionGuardOptions = {}) {
    this.#maxPeriod = options.maxPeriod ?? 200;
    this.#minRepeats = options.minRepeats ?? 4;
    this.#minSpan = options.minSpan ?? 48;
    this.#checkEvery = options.checkEvery ?? 8;
  }

  /** Adds tokens; returns a finding once the tail of the stream is a loop. */
  push(tokens: readonly number[]): RepetitionFinding | null {
    this.#tokens.push(...tokens);
    const keep = this.#maxPeriod * this.#minRepeats + this.#minSpan;
    if (this.#tokens.length > keep * 2) this.#tokens = this.#tokens.slice(-keep);
    this.#sinceCheck += tokens.length;
    if (this.#sinceCheck < this.#checkEvery) return null;
    this.#sinceCheck = 0;
    return this.check();
  }

  check(): RepetitionFinding | null {
    const t = this.#tokens;
    const n = t.length;
    for (let period = 1; period <= this.#maxPeriod; period++) {
      const span = Math.max(this.#minSpan, period * this.#minRepeats);
      if (span > n) break;
      let periodic = true;
      for (let i = n - 1; i >= n - span + period; i--) {
        if (t[i] !== t[i - period]) {
          periodic = false;
          break;
        }
      }
      if (periodic) return { period, span };
    }
    return null;
  }
}
