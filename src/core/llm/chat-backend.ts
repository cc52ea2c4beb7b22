import type { GenerateInput, GenerationDelta, GenerationResult, GenerationStats } from '../../shared/generation';
import type { RepetitionFinding } from './repetition-guard';

export interface GenerationCallbacks {
  /** Batched text added since the last delta. */
  onDelta?: (delta: GenerationDelta) => void;
  onRepetition?: (finding: RepetitionFinding & { stopped: boolean }) => void;
  /** Called once the request passed its checks and generation begins. */
  onStart?: () => void;
}

/** One turn of the conversation a backend keeps: what was asked, and what the model wrote. */
export interface ConversationTurn {
  user: string;
  reasoning: string;
  answer: string;
}

/**
 * What generates the workbench's conversation, whichever engine it is: the
 * embedded model (ChatRunner) or an OpenAI-compatible server
 * (RemoteChatRunner). The UI, `vibe ask` and the workspace ask through this;
 * each streams batched deltas (see DeltaBatcher), can be stopped, can close
 * the reasoning on request (Answer now, where the engine can), and ends with
 * the same result and stats.
 */
export interface ChatBackend {
  /** A generation is running. */
  readonly busy: boolean;
  generate(input: GenerateInput, callbacks?: GenerationCallbacks): Promise<GenerationResult>;
  /** Stops the running generation (that one only, with an id). False when nothing matched. */
  stop(id?: string): boolean;
  /** Closes the running generation's reasoning now and lets it answer. False when it cannot. */
  answerNow(id?: string): boolean;
  /** Forgets the conversation. */
  reset(): void;
}

/**
 * Batches streamed text into deltas: the first text goes out at once (time to
 * first token is not delayed), later text at most once per interval. While
 * nothing new is placed (a splitter holding a possible preamble), a delta
 * still goes out when the token count grew, so progress shows.
 */
export class DeltaBatcher {
  #pending = { reasoning: '', answer: '' };
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastFlush = -Infinity;
  #tokensSent = 0;

  constructor(
    private readonly id: string,
    private readonly tokens: () => number,
    private readonly send: ((delta: GenerationDelta) => void) | undefined,
    private readonly intervalMs = 50,
  ) {}

  add(part: { reasoning: string; answer: string }): void {
    this.#pending.reasoning += part.reasoning;
    this.#pending.answer += part.answer;
    if (this.#timer) return;
    const wait = this.#lastFlush + this.intervalMs - performance.now();
    if (wait <= 0) this.flush();
    else this.#timer = setTimeout(() => this.flush(), wait);
  }

  /** Sends what is pending now (and at the end: the deltas then add up to the result exactly). */
  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const completionTokens = this.tokens();
    if (this.#pending.reasoning === '' && this.#pending.answer === '' && completionTokens === this.#tokensSent) return;
    this.#lastFlush = performance.now();
    this.#tokensSent = completionTokens;
    const part = this.#pending;
    this.#pending = { reasoning: '', answer: '' };
    this.send?.({ id: this.id, ...part, completionTokens });
  }
}

/** The stats every backend reports, from its timings and counts. */
export function generationStats(input: { promptTokens: number; completionTokens: number; started: number; firstTokenAt: number | null; ended: number; stopReason: GenerationStats['stopReason'] }): GenerationStats {
  const generating = input.firstTokenAt === null ? 0 : (input.ended - input.firstTokenAt) / 1000;
  return {
    promptTokens: input.promptTokens,
    completionTokens: input.completionTokens,
    timeToFirstTokenMs: input.firstTokenAt === null ? null : input.firstTokenAt - input.started,
    // The first token starts the clock, so it is not counted in the rate.
    tokensPerSecond: generating > 0 ? Math.max(0, input.completionTokens - 1) / generating : 0,
    durationMs: input.ended - input.started,
    stopReason: input.stopReason,
  };
}
