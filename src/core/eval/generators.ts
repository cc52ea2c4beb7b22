import { randomUUID } from 'node:crypto';
import { CompletionPool } from '../llm/completion-pool';
import type { ModelHost } from '../llm/model-host';
import { RemoteChatRunner, type RemoteBackend } from '../llm/remote-chat-runner';
import type { Generate } from './eval-runner';

/**
 * The embedded model, `concurrency` samples at once in one batched context
 * (the same pool the OpenAI API uses, with its own sequences and no cache:
 * k samples of one problem must be k independent draws).
 */
export function embeddedGenerator(host: ModelHost, concurrency: number, contextSize: number): { generate: Generate; dispose: () => Promise<void> } {
  const pool = new CompletionPool({ host, parallel: () => concurrency, contextSize: () => contextSize, cache: () => false, maxQueue: () => Number.MAX_SAFE_INTEGER });
  return {
    generate: async ({ system, user, sampling, signal }) => {
      const result = await pool.complete({
        messages: [...(system ? [{ role: 'system' as const, content: system }] : []), { role: 'user', content: user }],
        maxTokens: sampling.maxTokens,
        temperature: sampling.temperature,
        topP: sampling.topP,
        stop: [],
        signal,
      });
      return { reasoning: result.reasoning, answer: result.answer, reasoningState: result.reasoningState, completionTokens: result.completionTokens, truncated: result.finishReason === 'length', error: result.finishReason === 'aborted' ? 'aborted' : null };
    },
    dispose: () => pool.dispose(),
  };
}

/** A remote OpenAI-compatible server; every sample is its own one-turn conversation. */
export function remoteGenerator(backend: RemoteBackend): Generate {
  return async ({ system, user, sampling, signal }) => {
    const runner = new RemoteChatRunner(() => backend);
    const id = randomUUID();
    const stop = () => runner.stop(id);
    signal.addEventListener('abort', stop, { once: true });
    try {
      const result = await runner.generate({ id, prompt: user, system: system ?? '', sampling, newConversation: true });
      const aborted = result.stats.stopReason === 'stopped';
      return { reasoning: result.reasoning, answer: result.answer, reasoningState: result.reasoningState, completionTokens: result.stats.completionTokens, truncated: result.stats.stopReason === 'maxTokens', error: aborted ? 'aborted' : result.error };
    } finally {
      signal.removeEventListener('abort', stop);
    }
  };
}

/**
 * The generator an evaluation runs on, for the app's Evaluate view and `vibe
 * eval` alike: the remote server when one is given, else the loaded model in
 * a pool of `concurrency` sequences, each with room for the prompt (4,096
 * tokens) on top of max tokens.
 */
export function evalGenerator(options: { host: ModelHost; remote: RemoteBackend | null; concurrency: number; maxTokens: number }): { generate: Generate; dispose: () => Promise<void> } {
  if (options.remote) return { generate: remoteGenerator(options.remote), dispose: async () => undefined };
  return embeddedGenerator(options.host, options.concurrency, options.maxTokens + promptRoom);
}

/** Tokens of each evaluation sequence's context kept for the prompt. */
const promptRoom = 4096;
