import { runningView, type AnswerView } from '../workspace/live-answer';

export type ReplayState = 'playing' | 'paused' | 'ended';

export interface ReplayOptions {
  tokensPerSecond: number;
  /** The reasoning is folded: show it at once, folded, and replay only the answer (otherwise nothing visible moves). */
  skipReasoning: boolean;
}

/** How often the replay writes: the same pace as the model host's batching of live deltas. */
const tickMs = 50;

/**
 * Plays a saved answer back as if the model were writing it (tutoring): reasoning, then answer, at a speed in tokens
 * a second that can change while it plays, with pause, resume and stop. The token count it shows grows with the
 * text, in the saved answer's own ratio of characters to tokens, and ends at the saved count.
 */
export class Replay {
  readonly #saved: AnswerView;
  readonly #onChange: (view: AnswerView, state: ReplayState) => void;
  readonly #view: AnswerView;
  readonly #reasoning: string;
  readonly #answer: string;
  readonly #tokens: number;
  readonly #charsPerToken: number;
  #shown: number;
  #tokensPerSecond: number;
  #timer: ReturnType<typeof setInterval> | null = null;
  #state: ReplayState = 'paused';
  #version = 0;

  constructor(saved: AnswerView, options: ReplayOptions, onChange: (view: AnswerView, state: ReplayState) => void) {
    this.#saved = saved;
    this.#onChange = onChange;
    const result = saved.result;
    this.#reasoning = result?.reasoning ?? '';
    this.#answer = result?.answer ?? '';
    const chars = this.#reasoning.length + this.#answer.length;
    this.#tokens = result?.stats.completionTokens ?? 0;
    this.#charsPerToken = this.#tokens > 0 && chars > 0 ? chars / this.#tokens : 4;
    this.#tokensPerSecond = Math.max(1, options.tokensPerSecond);
    this.#view = runningView(`replay-${saved.id}`);
    this.#shown = 0;
    if (options.skipReasoning && this.#reasoning) {
      this.#view.reasoning.append(this.#reasoning);
      this.#shown = this.#reasoning.length;
    }
  }

  get state(): ReplayState {
    return this.#state;
  }

  start(): void {
    this.#emit();
    this.resume();
  }

  pause(): void {
    if (this.#state !== 'playing') return;
    this.#clear();
    this.#state = 'paused';
    this.#emit();
  }

  resume(): void {
    if (this.#state !== 'paused') return;
    this.#state = 'playing';
    this.#timer = setInterval(() => this.#tick(), tickMs);
    this.#emit();
  }

  /** Changes the speed, also while playing. */
  setSpeed(tokensPerSecond: number): void {
    this.#tokensPerSecond = Math.max(1, tokensPerSecond);
  }

  /** Ends the replay where it is (the caller shows the saved answer whole again). */
  stop(): void {
    this.#clear();
    this.#state = 'ended';
  }

  #tick(): void {
    const total = this.#reasoning.length + this.#answer.length;
    const step = Math.max(1, Math.round((this.#tokensPerSecond * this.#charsPerToken * tickMs) / 1000));
    const upTo = Math.min(total, this.#shown + step);
    const split = this.#reasoning.length;
    if (this.#shown < split) this.#view.reasoning.append(this.#reasoning.slice(this.#shown, Math.min(upTo, split)));
    if (upTo > split) this.#view.answer.append(this.#answer.slice(Math.max(this.#shown, split) - split, upTo - split));
    this.#shown = upTo;
    if (upTo >= total) {
      this.#clear();
      this.#state = 'ended';
    }
    this.#emit();
  }

  #emit(): void {
    const done = this.#state === 'ended';
    const total = this.#reasoning.length + this.#answer.length;
    const tokens = done ? this.#tokens : Math.min(this.#tokens, Math.round(this.#shown / this.#charsPerToken));
    this.#version++;
    const view: AnswerView = { ...this.#view, version: this.#version, completionTokens: total === 0 ? this.#tokens : tokens, running: !done, ...(done ? { result: this.#saved.result } : {}) };
    this.#onChange(view, this.#state);
  }

  #clear(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}
