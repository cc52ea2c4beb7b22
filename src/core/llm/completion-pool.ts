import type { ChatHistoryItem, ChatWrapper, LlamaContext, LlamaContextSequence } from 'node-llama-cpp';
import { llamaModule } from './llama-module';
import { WorkbenchError } from '../../shared/api/errors';
import type { ReasoningCut, ReasoningState } from '../../shared/generation';
import { promptWithBudget } from './budgeted-prompt';
import type { LoadedModel, ModelHost } from './model-host';
import { ReasoningSplitter } from './reasoning-splitter';
import { ResponseCache } from './response-cache';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface CompletionRequest {
  messages: ChatMessage[];
  maxTokens: number;
  temperature: number;
  topP: number;
  seed?: number;
  stop: string[];
  /** Reasoning tokens after which the workbench closes the reasoning and asks for the answer (see budgeted-prompt.ts). */
  reasoningBudget?: number;
  signal: AbortSignal;
  /** Text as it is generated, split into reasoning (inside <think>) and answer. */
  onDelta?: (delta: { reasoning: string; answer: string }) => void;
  /** Tokens generated so far, as they grow. */
  onTokens?: (completionTokens: number) => void;
  /** While waiting for a free sequence: the position in the queue (1 = next). */
  onQueued?: (position: number) => void;
  /** The request was accepted: a sequence is generating it (or the cache answers). Not called when refused. */
  onStart?: () => void;
}

export interface CompletionResult {
  model: string;
  reasoning: string;
  answer: string;
  /** Where the reasoning block stood at the end (see `reasoningStates`): `open` means cut inside it, no answer. */
  reasoningState: ReasoningState;
  /** Present when the reasoning budget closed the reasoning. */
  reasoningCut?: ReasoningCut;
  finishReason: 'stop' | 'length' | 'aborted';
  /**
   * What limited the answer's length, if anything: `maxTokens` when it was cut
   * there; `context` when it filled the pool's per-sequence context
   * (`apiContextSize`): cut there, or (node-llama-cpp shifting the context)
   * going on with the start of the conversation dropped.
   */
  lengthLimit?: 'maxTokens' | 'context';
  promptTokens: number;
  completionTokens: number;
  /** Served from the response cache (temperature 0, same model, prompt and sampling). */
  cached: boolean;
}

export interface CompletionPoolOptions {
  host: ModelHost;
  /** Sequences generating at once; more requests wait in a first-come queue. */
  parallel: () => number;
  /** Tokens per sequence (each sequence holds one whole conversation). */
  contextSize: () => number;
  cache: () => boolean;
  /** Requests allowed to wait; beyond that a request is refused as busy (HTTP 429). */
  maxQueue: () => number;
}

interface Pool {
  loaded: LoadedModel;
  context: LlamaContext;
  free: LlamaContextSequence[];
  /**
   * The model's chat wrapper, resolved by the first session and shared by the rest: resolving it
   * from the GGUF's template (node-llama-cpp renders the template to compare it with its own
   * wrappers) took ~0.5 s, which every request paid before its first token.
   */
  chatWrapper: ChatWrapper | null;
}

interface Waiter {
  resolve: (sequence: LlamaContextSequence | null) => void;
  onQueued?: (position: number) => void;
}

/**
 * Stateless chat completions for other programs (the OpenAI-compatible API),
 * batched: one context with several sequences on the loaded model, so
 * requests that run together share each evaluation batch (node-llama-cpp
 * batches sequences of one context automatically). When every sequence is
 * busy, requests wait in order of arrival and are told their position.
 * Separate from the workbench's own conversation, which keeps its context.
 */
export class CompletionPool {
  readonly #options: CompletionPoolOptions;
  readonly cache = new ResponseCache({ maxEntries: 256, maxBytes: 32 * 1024 * 1024 });
  #pool: Pool | null = null;
  #creating: Promise<Pool> | null = null;
  #queue: Waiter[] = [];
  #active = 0;

  constructor(options: CompletionPoolOptions) {
    this.#options = options;
  }

  get status(): { active: number; queued: number; parallel: number } {
    return { active: this.#active, queued: this.#queue.length, parallel: this.#parallel };
  }

  /** Sequences generating at once: the batch context's, or the setting until it exists. */
  get #parallel(): number {
    return this.#pool?.context.totalSequences ?? this.#options.parallel();
  }

  /**
   * Room for requests now (free sequences plus free queue places), and at most
   * (every sequence plus the whole queue): a caller with several at once (the
   * API's `n`) asks before it starts any, so none is refused half-way.
   */
  get room(): { now: number; atMost: number } {
    const free = this.#pool ? this.#pool.free.length : this.#parallel;
    return { now: free + Math.max(0, this.#options.maxQueue() - this.#queue.length), atMost: this.#parallel + this.#options.maxQueue() };
  }

  async complete(request: CompletionRequest): Promise<CompletionResult> {
    const loaded = this.#options.host.loaded;
    if (!loaded) throw new WorkbenchError('UnavailableError', 'no_model', 'No model is loaded in the workbench.');
    const { prefill } = splitPrefill(request.messages);
    if (prefill === null && request.messages.at(-1)?.role !== 'user') throw new WorkbenchError('ValidationError', 'invalid_input', 'The last message must be from the user, or an assistant reply to continue after one.');

    const cacheKey = request.temperature === 0 && this.#options.cache() ? ResponseCache.key(loaded.info.path, request) : null;
    const hit = cacheKey ? this.cache.get(cacheKey) : undefined;
    if (hit) {
      request.onStart?.();
      request.onDelta?.({ reasoning: hit.reasoning, answer: hit.answer });
      return { ...hit, cached: true };
    }

    const pool = await this.#poolFor(loaded);
    const sequence = await this.#acquire(pool, request);
    if (!sequence) return { model: loaded.info.name, reasoning: '', answer: '', reasoningState: 'none', finishReason: 'aborted', promptTokens: 0, completionTokens: 0, cached: false };
    this.#active++;
    request.onStart?.();
    try {
      const result = await this.#run(pool, sequence, request);
      if (cacheKey && result.finishReason !== 'aborted') this.cache.set(cacheKey, result);
      return result;
    } finally {
      this.#active--;
      this.#release(pool, sequence);
    }
  }

  async #run(pool: Pool, sequence: LlamaContextSequence, request: CompletionRequest): Promise<CompletionResult> {
    const { loaded } = pool;
    await sequence.clearHistory();
    const { LlamaChatSession } = await llamaModule();
    const session = new LlamaChatSession({ contextSequence: sequence, autoDisposeSequence: false, ...(pool.chatWrapper ? { chatWrapper: pool.chatWrapper } : {}) });
    pool.chatWrapper ??= session.chatWrapper;
    try {
      const { messages, prefill } = splitPrefill(request.messages);
      const history: ChatHistoryItem[] = messages.slice(0, -1).map((m) =>
        m.role === 'system' ? { type: 'system', text: m.content } : m.role === 'user' ? { type: 'user', text: m.content } : { type: 'model', response: [m.content] },
      );
      session.setChatHistory(history);
      const inputBefore = sequence.tokenMeter.usedInputTokens;
      const outputBefore = sequence.tokenMeter.usedOutputTokens;
      const splitter = new ReasoningSplitter();
      const emit = (part: { reasoning: string; answer: string }) => {
        if (part.reasoning || part.answer) request.onDelta?.(part);
      };
      const maxTokens = Math.max(1, Math.min(request.maxTokens, sequence.contextSize - 16));
      const outputBase = sequence.tokenMeter.usedOutputTokens;
      const run = promptWithBudget({
        session,
        history,
        prompt: messages.at(-1)?.content ?? '',
        ...(prefill !== null ? { responsePrefix: prefill } : {}),
        maxTokens,
        sampling: { temperature: request.temperature, topP: request.topP, ...(request.seed !== undefined ? { seed: request.seed } : {}), stop: request.stop },
        signal: request.signal,
        reasoningBudget: request.reasoningBudget && request.reasoningBudget < maxTokens ? request.reasoningBudget : null,
        generated: () => sequence.tokenMeter.usedOutputTokens - outputBase,
        splitter,
        onPart: emit,
        onToken: () => request.onTokens?.(sequence.tokenMeter.usedOutputTokens - outputBase),
      });
      const { stopReason, cut } = await run.done;
      emit(splitter.finish());
      const finishReason = stopReason === 'abort' ? 'aborted' : stopReason === 'maxTokens' ? 'length' : 'stop';
      const promptTokens = sequence.tokenMeter.usedInputTokens - inputBefore;
      const completionTokens = sequence.tokenMeter.usedOutputTokens - outputBefore;
      const filled = promptTokens + completionTokens >= sequence.contextSize - 16 || (finishReason === 'length' && maxTokens < request.maxTokens);
      const lengthLimit = filled ? 'context' : finishReason === 'length' ? 'maxTokens' : null;
      return {
        model: loaded.info.name,
        reasoning: splitter.reasoning,
        answer: splitter.answer,
        reasoningState: splitter.state,
        ...(cut ? { reasoningCut: cut } : {}),
        finishReason,
        ...(lengthLimit ? { lengthLimit } : {}),
        promptTokens,
        completionTokens,
        cached: false,
      };
    } finally {
      session.dispose({ disposeSequence: false });
    }
  }

  /** The batch context for this model, made on first use (and again after a model switch). */
  async #poolFor(loaded: LoadedModel): Promise<Pool> {
    if (this.#pool?.loaded === loaded && !this.#pool.context.disposed) return this.#pool;
    this.#creating ??= (async () => {
      if (this.#pool && !this.#pool.context.disposed) await this.#pool.context.dispose();
      const parallel = Math.max(1, this.#options.parallel());
      const contextSize = Math.max(256, Math.min(this.#options.contextSize(), loaded.context.contextSize));
      const context = await loaded.model.createContext({ sequences: parallel, contextSize, threads: loaded.context.idealThreads });
      const free = Array.from({ length: parallel }, () => context.getSequence());
      this.#pool = { loaded, context, free, chatWrapper: null };
      return this.#pool;
    })().finally(() => {
      this.#creating = null;
    });
    return this.#creating;
  }

  #acquire(pool: Pool, request: CompletionRequest): Promise<LlamaContextSequence | null> {
    const sequence = pool.free.pop();
    if (sequence) return Promise.resolve(sequence);
    if (this.#queue.length >= this.#options.maxQueue()) {
      return Promise.reject(new WorkbenchError('UnavailableError', 'queue_full', `The server is busy: ${this.#queue.length} requests are already waiting. Retry in a few seconds.`));
    }
    return new Promise((resolve) => {
      const waiter: Waiter = { resolve, onQueued: request.onQueued };
      this.#queue.push(waiter);
      waiter.onQueued?.(this.#queue.length);
      request.signal.addEventListener(
        'abort',
        () => {
          const at = this.#queue.indexOf(waiter);
          if (at < 0) return;
          this.#queue.splice(at, 1);
          this.#announcePositions();
          resolve(null);
        },
        { once: true },
      );
    });
  }

  #release(pool: Pool, sequence: LlamaContextSequence): void {
    if (pool !== this.#pool || pool.context.disposed) return;
    const next = this.#queue.shift();
    if (next) {
      this.#announcePositions();
      next.resolve(sequence);
    } else pool.free.push(sequence);
  }

  #announcePositions(): void {
    this.#queue.forEach((waiter, i) => waiter.onQueued?.(i + 1));
  }

  async dispose(): Promise<void> {
    for (const waiter of this.#queue.splice(0)) waiter.resolve(null);
    if (this.#pool && !this.#pool.context.disposed) await this.#pool.context.dispose();
    this.#pool = null;
  }
}

/**
 * A conversation that ends with an assistant message after a user one asks
 * for that reply to be continued (llama.cpp server's "assistant prefill",
 * vLLM's `continue_final_message`): the reply so far, and the messages before it.
 */
export function splitPrefill(messages: ChatMessage[]): { messages: ChatMessage[]; prefill: string | null } {
  const last = messages.at(-1);
  if (last?.role === 'assistant' && messages.at(-2)?.role === 'user') return { messages: messages.slice(0, -1), prefill: last.content };
  return { messages, prefill: null };
}
