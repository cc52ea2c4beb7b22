import { errorMessage, WorkbenchError } from '../../shared/api/errors';
import { lastBoxed } from '../../shared/boxed-answer';
import { samplingPresets, type GenerateInput, type GenerationResult, type GenerationStats, type ReasoningCut } from '../../shared/generation';
import type { Settings } from '../../shared/settings';
import { reasoningCutTransition } from './budgeted-prompt';
import { DeltaBatcher, generationStats, type ChatBackend, type ConversationTurn, type GenerationCallbacks } from './chat-backend';
import { ReasoningSplitter } from './reasoning-splitter';
import { readServerSentEvents } from './server-sent-events';

export type RemoteBackend = NonNullable<Settings['remote']>;


/** A failure of the remote server, said for a person, and whether retrying as is can help. */
class RemoteError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/**
 * Generation on an OpenAI-compatible server (vLLM, SGLang, llama.cpp's
 * server, Ollama, another workbench) with the same contract as the embedded
 * ChatRunner: the conversation kept here (earlier turns without their
 * reasoning), streamed deltas split into reasoning and answer — whether the
 * server sends `reasoning_content` (or `reasoning`) or `<think>` tags inside
 * the content — stop, stats, and every failure as a readable error that keeps
 * what had already streamed.
 */
export class RemoteChatRunner implements ChatBackend {
  #turns: ConversationTurn[] = [];
  #system: string | undefined;
  #active: { id: string; controller: AbortController; answerNow: () => boolean } | null = null;

  /** `deltaIntervalMs`: how often deltas are flushed (default 50 ms, as for the embedded model). */
  constructor(
    private readonly backend: () => RemoteBackend | null,
    private readonly deltaIntervalMs = 50,
  ) {}

  get busy(): boolean {
    return this.#active !== null;
  }

  reset(): void {
    this.#turns = [];
  }

  stop(id?: string): boolean {
    if (!this.#active || (id !== undefined && this.#active.id !== id)) return false;
    this.#active.controller.abort();
    return true;
  }

  /**
   * Closes the reasoning now and has the server write the answer (Answer now),
   * where the server can continue a reply (`continuation` in the settings).
   * False when it cannot, or nothing is reasoning.
   */
  answerNow(id?: string): boolean {
    if (!this.#active || (id !== undefined && this.#active.id !== id)) return false;
    return this.#active.answerNow();
  }

  async generate(input: GenerateInput, callbacks: GenerationCallbacks = {}): Promise<GenerationResult> {
    const backend = this.backend();
    if (!backend) throw new WorkbenchError('UnavailableError', 'no_remote', 'No remote server is configured.');
    if (this.#active) throw new WorkbenchError('UnavailableError', 'busy', 'A generation is already running; stop it first.');
    const controller = new AbortController();
    const active = { id: input.id, controller, answerNow: () => false };
    this.#active = active;
    try {
      return await this.#run(backend, input, active, callbacks);
    } finally {
      this.#active = null;
    }
  }

  async #run(backend: RemoteBackend, input: GenerateInput, active: { controller: AbortController; answerNow: () => boolean }, callbacks: GenerationCallbacks): Promise<GenerationResult> {
    const { controller } = active;
    if (input.newConversation) this.reset();
    // A conversation kept by the caller (a session's thread) replaces the one this runner remembers.
    if (input.history) this.#turns = input.history.map((t) => ({ user: t.user, reasoning: t.reasoning, answer: t.answer }));
    if (input.system !== undefined) this.#system = input.system || undefined;
    const sampling = { ...samplingPresets.code, ...input.sampling };
    const messages = [
      ...(this.#system ? [{ role: 'system', content: this.#system }] : []),
      ...this.#turns.flatMap((t) => [
        { role: 'user', content: t.user },
        { role: 'assistant', content: t.answer },
      ]),
      { role: 'user', content: input.prompt },
    ];
    const started = performance.now();
    const splitter = new ReasoningSplitter();
    let firstTokenAt: number | null = null;
    let chunks = 0;
    // Typed by assertion: it is set inside callbacks, which control-flow narrowing does not follow.
    let usage = null as { prompt: number; completion: number } | null;
    let finish = null as string | null;
    let error: RemoteError | null = null;
    let stopped = false;
    let separateReasoning = false;
    callbacks.onStart?.();
    // Batched as the embedded model's are: a server streaming a chunk per token would otherwise send an event per token.
    const deltas = new DeltaBatcher(input.id, () => usage?.completion ?? chunks, callbacks.onDelta, this.deltaIntervalMs);
    const emit = (part: { reasoning: string; answer: string }) => deltas.add(part);
    const continuation = backend.continuation ?? 'none';
    const budget = sampling.reasoningBudget && sampling.reasoningBudget < sampling.maxTokens ? sampling.reasoningBudget : null;
    // The reasoning phase stops on the caller's stop, and on a cut (budget or Answer now).
    let phase = new AbortController();
    controller.signal.addEventListener('abort', () => phase.abort(), { once: true });
    let cut = null as ReasoningCut | null;
    const requestCut = (by: ReasoningCut['by']): boolean => {
      if (continuation === 'none' || cut || splitter.state !== 'open' || controller.signal.aborted) return false;
      cut = { by, atTokens: usage?.completion ?? chunks };
      phase.abort();
      return true;
    };
    active.answerNow = () => requestCut('answerNow');
    // Tokens of the phases before this one (a cut starts a second request).
    let before = 0;
    const streamFrom = async (body: Record<string, unknown>, answerOnly: boolean) => {
      const response = await this.#post(backend, body, phase.signal);
      const signal = phase.signal;
      let texts = 0;
      for await (const data of readServerSentEvents(response, signal)) {
        // Cut: events already read from the network are not this answer's any more.
        if (signal.aborted) return false;
        if (data === '[DONE]') return true;
        const chunk = parseChunk(data);
        if (!chunk) continue;
        if (chunk.error) throw new RemoteError(`The server reported an error mid-answer: ${chunk.error}`, true);
        // After a cut: the second request's prompt (it carries the reasoning back), and both requests' completions.
        if (chunk.usage) usage = { prompt: chunk.usage.prompt, completion: before + chunk.usage.completion };
        if (chunk.reasoning || chunk.content) firstTokenAt ??= performance.now();
        if (answerOnly && (chunk.reasoning || (texts === 0 && chunk.content.trimStart().startsWith('<think>')))) {
          // It reasons again instead of going on from the closed reasoning: it did not continue the reply.
          throw new RemoteError(`${hostOf(backend.baseUrl)} started a new reply instead of continuing the one it was given, so it cannot do Answer now or reasoning budgets: set Settings ▸ Model ▸ Continuing a reply to "Cannot continue a reply".`, false);
        }
        if (answerOnly && chunk.content) {
          chunks++;
          texts++;
          // The reasoning is closed: what comes now is the answer.
          emit(splitter.pushAnswer(chunk.content));
        }
        if (!answerOnly && chunk.reasoning) {
          chunks++;
          separateReasoning = true;
          emit(splitter.pushReasoning(chunk.reasoning));
        }
        if (!answerOnly && chunk.content) {
          chunks++;
          // Reasoning in its own field means the content is all answer; otherwise look for <think> tags.
          emit(separateReasoning ? splitter.pushAnswer(chunk.content) : splitter.push(chunk.content));
        }
        if (budget !== null && (usage?.completion ?? chunks) >= budget) requestCut('budget');
        if (chunk.finish) finish = chunk.finish;
      }
      return false;
    };
    const body = { model: backend.model ?? 'default', messages, stream: true, stream_options: { include_usage: true }, max_tokens: sampling.maxTokens, temperature: sampling.temperature, top_p: sampling.topP };
    try {
      let done = false;
      try {
        done = await streamFrom(body, false);
      } catch (err) {
        // A cut ends the first request on purpose; anything else is the caller's or a failure.
        if (!cut || controller.signal.aborted) throw err;
      }
      // The reasoning may have closed by itself in what arrived before the cut took effect: no cut then.
      if (cut && splitter.state !== 'open') cut = null;
      const closedAt: ReasoningCut | null = cut;
      if (closedAt && !controller.signal.aborted) {
        // The reasoning so far, closed by the workbench, sent back as the reply for the server to continue.
        // As a template renders it back: `<think>\n` and the reasoning without the line breaks it began with.
        const reasoningSoFar = splitter.reasoning.replace(/^\n+/, '');
        const closing = `${reasoningCutTransition}</think>`;
        before = usage?.completion ?? chunks;
        const left = sampling.maxTokens - before - Math.ceil(closing.length / 3);
        if (left <= 0) {
          // No room for an answer: a max-tokens end with the reasoning open, as on the embedded model.
          cut = null;
          finish = 'length';
        } else {
          emit(splitter.push(closing));
          phase = new AbortController();
          if (controller.signal.aborted) phase.abort();
          finish = null;
          done = await streamFrom(
            {
              ...body,
              messages: [...messages, { role: 'assistant', content: `<think>\n${reasoningSoFar}${closing}` }],
              max_tokens: left,
              ...(continuation === 'continue_final_message' ? { continue_final_message: true, add_generation_prompt: false } : {}),
              // llama.cpp's server refuses a prefill while a template's thinking switch is on; the reasoning is closed anyway.
              chat_template_kwargs: { enable_thinking: false },
            },
            true,
          );
        }
      }
      if (!done && finish === null && !controller.signal.aborted) {
        throw new RemoteError(`The connection to ${hostOf(backend.baseUrl)} was cut in the middle of the answer; what had arrived is kept.`, true);
      }
    } catch (err) {
      if (controller.signal.aborted) stopped = true;
      else error = err instanceof RemoteError ? err : new RemoteError(`The connection to ${hostOf(backend.baseUrl)} failed: ${describeNetworkError(err)}; what had arrived is kept.`, true);
    }
    emit(splitter.finish());
    deltas.flush();
    const ended = performance.now();
    // A failed turn stays out of the conversation, so a retry asks the same question again cleanly.
    if (!error) this.#turns = [...this.#turns, { user: input.prompt, reasoning: splitter.reasoning, answer: splitter.answer }];
    const completionTokens = usage?.completion ?? chunks;
    const stopReason: GenerationStats['stopReason'] = stopped ? 'stopped' : error ? 'error' : finish === 'length' ? 'maxTokens' : 'end';
    return {
      id: input.id,
      reasoning: splitter.reasoning,
      answer: splitter.answer,
      boxed: lastBoxed(splitter.answer),
      reasoningState: splitter.state,
      ...(cut ? { reasoningCut: cut } : {}),
      droppedTurns: 0,
      error: error?.message ?? null,
      ...(error ? { retryable: error.retryable } : {}),
      stats: generationStats({ promptTokens: usage?.prompt ?? 0, completionTokens, started, firstTokenAt, ended, stopReason }),
    };
  }

  /** POSTs to `<baseUrl>/chat/completions`, turning every HTTP failure into a RemoteError. */
  async #post(backend: RemoteBackend, body: unknown, signal: AbortSignal): Promise<Response> {
    const url = `${backend.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', ...(backend.apiKey ? { Authorization: `Bearer ${backend.apiKey}` } : {}) },
        body: JSON.stringify(body),
        signal,
      });
    } catch (err) {
      if (signal.aborted) throw err;
      throw new RemoteError(`Cannot reach ${hostOf(backend.baseUrl)} (${describeNetworkError(err)}). Is the server running, and is the address in Settings right?`, true);
    }
    if (response.ok) return response;
    const detail = await responseDetail(response);
    const status = response.status;
    if (status === 401 || status === 403) throw new RemoteError(`${hostOf(backend.baseUrl)} refused the API key (${status}${detail ? `: ${detail}` : ''}). Check the key in Settings.`, false);
    if (status === 404) throw new RemoteError(`${hostOf(backend.baseUrl)} has no model "${backend.model ?? 'default'}" (404${detail ? `: ${detail}` : ''}). Check the model name in Settings.`, false);
    if (status === 429) {
      const after = response.headers.get('retry-after');
      throw new RemoteError(`${hostOf(backend.baseUrl)} is busy (429: too many requests${after ? `, retry after ${after} s` : ''}).`, true);
    }
    if (status >= 500) throw new RemoteError(`${hostOf(backend.baseUrl)} failed (${status}${detail ? `: ${detail}` : ''}).`, true);
    throw new RemoteError(`${hostOf(backend.baseUrl)} rejected the request (${status}${detail ? `: ${detail}` : ''}).`, false);
  }
}

interface ParsedChunk {
  content: string;
  reasoning: string;
  finish: string | null;
  usage: { prompt: number; completion: number } | null;
  error: string | null;
}

/** One streamed chunk, read defensively: servers differ in what they include. */
function parseChunk(data: string): ParsedChunk | null {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const chunk = raw as {
    choices?: { delta?: { content?: unknown; reasoning_content?: unknown; reasoning?: unknown }; finish_reason?: unknown }[];
    usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
    error?: { message?: unknown } | string;
  };
  const choice = chunk.choices?.[0];
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    content: text(choice?.delta?.content),
    reasoning: text(choice?.delta?.reasoning_content) || text(choice?.delta?.reasoning),
    finish: typeof choice?.finish_reason === 'string' ? choice.finish_reason : null,
    usage:
      chunk.usage && typeof chunk.usage.completion_tokens === 'number'
        ? { prompt: typeof chunk.usage.prompt_tokens === 'number' ? chunk.usage.prompt_tokens : 0, completion: chunk.usage.completion_tokens }
        : null,
    error: chunk.error ? (typeof chunk.error === 'string' ? chunk.error : text(chunk.error.message) || 'unknown error') : null,
  };
}

async function responseDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string } | string; message?: string; detail?: string };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message ?? parsed.detail);
    return (message ?? '').slice(0, 300);
  } catch {
    return text.trim().slice(0, 200);
  }
}

/** The host:port of a base URL, for messages (the URL itself when it does not parse). */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

function describeNetworkError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ENOTFOUND') return 'no such host';
  if (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET') return 'connection reset';
  if (cause?.code === 'ETIMEDOUT' || cause?.code === 'UND_ERR_CONNECT_TIMEOUT') return 'timed out';
  return cause?.message ?? errorMessage(err);
}
