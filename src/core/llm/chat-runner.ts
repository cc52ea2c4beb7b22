import type { ChatHistoryItem, LlamaChatSession, LlamaContextSequence } from 'node-llama-cpp';
import { llamaModule } from './llama-module';
import { promptWithBudget } from './budgeted-prompt';
import { errorMessage, WorkbenchError } from '../../shared/api/errors';
import { samplingPresets, type GenerateInput, type GenerationResult, type GenerationStats } from '../../shared/generation';
import { lastBoxed } from '../../shared/boxed-answer';
import { DeltaBatcher, generationStats, type ChatBackend, type ConversationTurn, type GenerationCallbacks } from './chat-backend';
import type { LoadedModel, ModelHost } from './model-host';
import { ReasoningSplitter } from './reasoning-splitter';
import { RepetitionGuard } from './repetition-guard';

export type { GenerationCallbacks };

export interface ChatRunnerOptions {
  host: ModelHost;
  /** What to do when the model loops. Read per request. */
  repetitionGuard: () => 'off' | 'warn' | 'stop';
  /** How often deltas are flushed. Default: 50 ms (at most ~20 messages a second). */
  deltaIntervalMs?: number;
}

/**
 * Runs generations on the loaded model: keeps the conversation (only the
 * latest turn's reasoning stays in the context), checks that the prompt
 * fits before generating, drops the oldest turns when the conversation
 * outgrows the context, streams reasoning and answer as batched deltas,
 * stops within a token, and reports the stats of every answer.
 */
/** The generation running now: how to stop it, why it stopped, and when it has ended. */
interface Active {
  id: string;
  controller: AbortController;
  reason: 'stopped' | 'repetition' | null;
  /** Why it was stopped when the user did not stop it (the model unloaded, the app closing). */
  note: string | null;
  done: Promise<void>;
  /** Closes the reasoning now (set while the model is generating). */
  answerNow: (() => boolean) | null;
}

export class ChatRunner implements ChatBackend {
  readonly #options: ChatRunnerOptions;
  #turns: ConversationTurn[] = [];
  #system: string | undefined;
  #active: Active | null = null;
  #session: { model: LoadedModel; sequence: LlamaContextSequence; session: LlamaChatSession } | null = null;

  constructor(options: ChatRunnerOptions) {
    this.#options = options;
  }

  get busy(): boolean {
    return this.#active !== null;
  }

  reset(): void {
    this.#turns = [];
  }

  /**
   * Stops the running generation because its model is going away (unloaded, the
   * app shutting down) and waits until it has ended, so the model is never
   * disposed under it: the answer so far is kept, with `why` as its error.
   */
  async stopAndWait(why: string): Promise<void> {
    const active = this.#active;
    if (!active) return;
    active.note = why;
    this.stop(active.id);
    await active.done;
  }

  /**
   * Closes the running generation's reasoning now and lets the model answer
   * (Answer now). False when nothing is reasoning: no generation, another id,
   * still waiting for the model, or the reasoning already closed.
   */
  answerNow(id?: string): boolean {
    const active = this.#active;
    if (!active || (id !== undefined && active.id !== id)) return false;
    return active.answerNow?.() ?? false;
  }

  /** Stops the running generation (or the one waiting for a load). */
  stop(id?: string): boolean {
    const active = this.#active;
    if (!active || (id !== undefined && active.id !== id)) return false;
    active.reason ??= 'stopped';
    active.controller.abort();
    return true;
  }

  async generate(input: GenerateInput, callbacks: GenerationCallbacks = {}): Promise<GenerationResult> {
    if (this.#active) throw new WorkbenchError('UnavailableError', 'busy', 'A generation is already running; stop it first.');
    const controller = new AbortController();
    let ended: () => void = () => undefined;
    const active: Active = { id: input.id, controller, reason: null, note: null, done: new Promise<void>((resolve) => (ended = resolve)), answerNow: null };
    this.#active = active;
    const started = performance.now();
    try {
      const loaded = await Promise.race([this.#options.host.whenReady(), aborted(controller.signal)]);
      if (controller.signal.aborted) {
        callbacks.onStart?.();
        return { ...emptyResult(input.id, started, 'stopped'), error: active.note };
      }
      if (!loaded) throw new WorkbenchError('UnavailableError', 'no_model', 'No model is loaded. Download one or open a GGUF file first.');
      return await this.#run(loaded, input, active, started, callbacks);
    } finally {
      this.#active = null;
      ended();
    }
  }

  async #run(
    loaded: LoadedModel,
    input: GenerateInput,
    active: Active,
    started: number,
    callbacks: GenerationCallbacks,
  ): Promise<GenerationResult> {
    if (input.newConversation) this.reset();
    if (input.system !== undefined) this.#system = input.system || undefined;
    const sampling = { ...samplingPresets.code, ...input.sampling };
    const chat = await this.#chat(loaded);
    // A conversation kept by the caller (a session's thread) replaces the one this runner remembers
    // (after #chat, which forgets it when another model was loaded).
    if (input.history) this.#turns = input.history.map((t) => ({ user: t.user, reasoning: t.reasoning, answer: t.answer }));
    const contextSize = loaded.context.contextSize;

    const promptTokens = (turns: ConversationTurn[]) => countTokens(chat.session, loaded, this.#history(turns, input.prompt));
    const alone = promptTokens([]);
    if (alone + 16 > contextSize) {
      throw new WorkbenchError('ValidationError', 'prompt_too_long', `The prompt is ${alone} tokens but the context holds ${contextSize}. Shorten it, or load the model with a larger context.`);
    }
    // Leave room for the answer; drop the oldest turns until the conversation fits.
    const reserve = Math.min(sampling.maxTokens, Math.floor(contextSize / 2));
    let turns = this.#turns;
    let dropped = 0;
    while (turns.length > 0 && promptTokens(turns) + reserve > contextSize) {
      turns = turns.slice(1);
      dropped++;
    }
    const usedByPrompt = promptTokens(turns);
    const room = contextSize - usedByPrompt;
    const maxTokens = Math.min(sampling.maxTokens, room);

    // The session appends the new user message itself; give it everything before that.
    const before = this.#history(turns, input.prompt).slice(0, -2);
    chat.session.setChatHistory(before);

    // The sequence's token meter counts every sampled token, including ones the chat layer
    // holds back while checking for stop triggers (onToken does not report those).
    const meterBase = chat.sequence.tokenMeter.usedOutputTokens;
    const generated = () => chat.sequence.tokenMeter.usedOutputTokens - meterBase;
    const splitter = new ReasoningSplitter();
    const guard = new RepetitionGuard();
    const guardMode = this.#options.repetitionGuard();
    let firstTokenAt: number | null = null;
    const deltas = new DeltaBatcher(input.id, generated, callbacks.onDelta, this.#options.deltaIntervalMs);
    const add = (part: { reasoning: string; answer: string }) => deltas.add(part);

    let stopReason: GenerationStats['stopReason'];
    let error: string | null = null;
    let reasoningCut: GenerationResult['reasoningCut'];
    callbacks.onStart?.();
    try {
      // A budget at or past max tokens would leave no room to answer: it is no budget then.
      const budget = sampling.reasoningBudget && sampling.reasoningBudget < maxTokens ? sampling.reasoningBudget : null;
      const run = promptWithBudget({
        session: chat.session,
        history: before,
        prompt: input.prompt,
        maxTokens,
        sampling: { temperature: sampling.temperature, topP: sampling.topP, topK: sampling.topK },
        signal: active.controller.signal,
        reasoningBudget: budget,
        generated,
        splitter,
        onPart: add,
        onToken: (tokens) => {
          firstTokenAt ??= performance.now();
          if (guardMode === 'off') return;
          const finding = guard.push(tokens);
          if (!finding) return;
          const stopping = guardMode === 'stop' && active.reason === null;
          callbacks.onRepetition?.({ ...finding, stopped: stopping });
          if (stopping) {
            active.reason = 'repetition';
            active.controller.abort();
          }
        },
      });
      active.answerNow = run.answerNow;
      const result = await run.done;
      active.answerNow = null;
      if (result.cut) reasoningCut = result.cut;
      if (result.stopReason === 'abort') stopReason = active.reason ?? 'stopped';
      else if (result.stopReason === 'maxTokens') stopReason = maxTokens < sampling.maxTokens ? 'contextFull' : 'maxTokens';
      else stopReason = 'end';
    } catch (err) {
      stopReason = 'error';
      error = errorMessage(err);
    }
    // Why it was stopped, when it was stopped for a reason (an answer that ended on its own keeps its state).
    if (active.note && stopReason === 'stopped') error = active.note;
    const completionTokens = generated();
    // Held text goes out now; the deltas then add up to the result exactly.
    add(splitter.finish());
    deltas.flush();

    const ended = performance.now();
    this.#turns = [...turns, { user: input.prompt, reasoning: splitter.reasoning, answer: splitter.answer }];
    this.#options.host.noteContextUse(chat.sequence.nextTokenIndex);
    return {
      id: input.id,
      reasoning: splitter.reasoning,
      answer: splitter.answer,
      boxed: lastBoxed(splitter.answer),
      reasoningState: splitter.state,
      ...(reasoningCut ? { reasoningCut } : {}),
      droppedTurns: dropped,
      error,
      stats: generationStats({ promptTokens: usedByPrompt, completionTokens, started, firstTokenAt, ended, stopReason }),
    };
  }

  /**
   * The text the model would receive for a system prompt and one user turn,
   * formatted by the loaded model's chat template, with its exact token count.
   * Null when no model is loaded.
   */
  async formatPrompt(system: string | null, user: string): Promise<{ prompt: string; tokens: number; contextSize: number } | null> {
    const loaded = this.#options.host.loaded;
    if (!loaded) return null;
    const chat = await this.#chat(loaded);
    const history: ChatHistoryItem[] = [...(system ? [{ type: 'system' as const, text: system }] : []), { type: 'user', text: user }, { type: 'model', response: [] }];
    const { contextText } = chat.session.chatWrapper.generateContextState({ chatHistory: history });
    const tokens = contextText.tokenize(loaded.model.tokenizer);
    // Detokenized with special tokens shown: the text exactly as the model will see it.
    return { prompt: loaded.model.detokenize(tokens, true), tokens: tokens.length, contextSize: loaded.context.contextSize };
  }

  /** One chat session per loaded model, on the context's single sequence. */
  async #chat(loaded: LoadedModel) {
    // Imported before anything changes, so that nothing can come between disposing the old session and making the new one.
    const { LlamaChatSession: Session } = await llamaModule();
    if (this.#session?.model !== loaded) {
      this.#session?.session.dispose();
      this.#session?.sequence.dispose();
      const sequence = loaded.context.getSequence();
      this.#session = { model: loaded, sequence, session: new Session({ contextSequence: sequence }) };
      this.#turns = [];
    }
    return this.#session;
  }

  /** The chat as the model sees it: earlier turns without their reasoning, the latest with it. */
  #history(turns: ConversationTurn[], prompt: string): ChatHistoryItem[] {
    const items: ChatHistoryItem[] = [];
    if (this.#system) items.push({ type: 'system', text: this.#system });
    turns.forEach((turn, i) => {
      items.push({ type: 'user', text: turn.user });
      const keepReasoning = i === turns.length - 1 && turn.reasoning !== '';
      items.push({ type: 'model', response: [keepReasoning ? `<think>${turn.reasoning}</think>\n\n${turn.answer}` : turn.answer] });
    });
    items.push({ type: 'user', text: prompt });
    items.push({ type: 'model', response: [] });
    return items;
  }
}

function countTokens(session: LlamaChatSession, loaded: LoadedModel, history: ChatHistoryItem[]): number {
  const { contextText } = session.chatWrapper.generateContextState({ chatHistory: history });
  return contextText.tokenize(loaded.model.tokenizer).length;
}

function aborted(signal: AbortSignal): Promise<null> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(null), { once: true }));
}

function emptyResult(id: string, started: number, stopReason: GenerationStats['stopReason']): GenerationResult {
  const durationMs = performance.now() - started;
  return {
    id,
    reasoning: '',
    answer: '',
    boxed: null,
    reasoningState: 'none',
    droppedTurns: 0,
    error: null,
    stats: { promptTokens: 0, completionTokens: 0, timeToFirstTokenMs: null, tokensPerSecond: 0, durationMs, stopReason },
  };
}
