import { createHash } from 'node:crypto';
import type { CompletionResult } from './completion-pool';

/**
 * Answers to repeated identical requests at temperature 0 (deterministic, so
 * the same answer): keyed by the model file, the full message list and every
 * sampling field; least recently used entries go first when the entry count
 * or the byte bound is exceeded.
 */
export class ResponseCache {
  readonly #entries = new Map<string, { result: CompletionResult; bytes: number }>();
  readonly #limits: { maxEntries: number; maxBytes: number };
  #bytes = 0;
  hits = 0;

  constructor(limits: { maxEntries: number; maxBytes: number }) {
    this.#limits = limits;
  }

  static key(modelPath: string, request: { messages: unknown; maxTokens: number; topP: number; seed?: number; stop: string[]; reasoningBudget?: number }): string {
    const material = JSON.stringify([modelPath, request.messages, request.maxTokens, request.topP, request.seed ?? null, request.stop, request.reasoningBudget ?? 0]);
    return createHash('sha256').update(material).digest('hex');
  }

  get(key: string): CompletionResult | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Re-insert: Map order is the recency order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.hits++;
    return entry.result;
  }

  set(key: string, result: CompletionResult): void {
    const bytes = (result.reasoning.length + result.answer.length) * 2 + 200;
    if (bytes > this.#limits.maxBytes) return;
    const old = this.#entries.get(key);
    if (old) {
      this.#bytes -= old.bytes;
      this.#entries.delete(key);
    }
    this.#entries.set(key, { result, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.#limits.maxEntries && this.#bytes <= this.#limits.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
