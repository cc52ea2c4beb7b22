import { describe, expect, it } from 'vitest';
import type { CompletionResult } from './completion-pool';
import { ResponseCache } from './response-cache';

const result = (answer: string): CompletionResult => ({ model: 'm', reasoning: '', answer, reasoningState: 'none', finishReason: 'stop', promptTokens: 1, completionTokens: 1, cached: false });
const request = (content: string, more: Partial<{ maxTokens: number; topP: number; seed: number; stop: string[] }> = {}) => ({
  messages: [{ role: 'user', content }],
  maxTokens: 100,
  topP: 1,
  stop: [],
  ...more,
});

describe('ResponseCache', () => {
  it('keys on the model, the messages and every sampling field', () => {
    const base = ResponseCache.key('/m.gguf', request('a'));
    expect(ResponseCache.key('/m.gguf', request('a'))).toBe(base);
    for (const other of [
      ResponseCache.key('/other.gguf', request('a')),
      ResponseCache.key('/m.gguf', request('b')),
      ResponseCache.key('/m.gguf', request('a', { maxTokens: 99 })),
      ResponseCache.key('/m.gguf', request('a', { topP: 0.9 })),
      ResponseCache.key('/m.gguf', request('a', { seed: 3 })),
      ResponseCache.key('/m.gguf', request('a', { stop: ['x'] })),
    ]) {
      expect(other).not.toBe(base);
    }
  });

  it('evicts the least recently used entry past the entry or byte bound', () => {
    const cache = new ResponseCache({ maxEntries: 2, maxBytes: 10_000 });
    cache.set('a', result('A'));
    cache.set('b', result('B'));
    expect(cache.get('a')?.answer).toBe('A');
    cache.set('c', result('C'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.answer).toBe('A');
    expect(cache.size).toBe(2);

    const small = new ResponseCache({ maxEntries: 100, maxBytes: 1000 });
    small.set('x', result('x'.repeat(300)));
    small.set('y', result('y'.repeat(300)));
    expect(small.get('x')).toBeUndefined();
    expect(small.get('y')).toBeDefined();
    small.set('huge', result('z'.repeat(5000)));
    expect(small.get('huge')).toBeUndefined();
  });
});
