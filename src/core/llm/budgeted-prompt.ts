import type { ChatHistoryItem, LlamaChatSession, Token } from 'node-llama-cpp';
import type { ReasoningCut } from '../../shared/generation';
import { ReasoningSplitter } from './reasoning-splitter';

/**
 * Written by the workbench, not the model, where it closes the reasoning
 * (a budget reached, or Answer now): it ends the thought in the model's own
 * voice, so the answer that follows reads as a conclusion and not as a jump.
 * Shown in the reasoning like the model's text; the turn records the cut.
 */
export const reasoningCutTransition = "\n\nI have to stop thinking here and give my final answer now, based on the reasoning so far.\n";

export interface BudgetedPromptInput {
  session: LlamaChatSession;
  /** The chat before the prompt (set again before the answer is asked for, after a cut). */
  history: ChatHistoryItem[];
  prompt: string;
  /**
   * The start of the model's reply, written by the caller (a reply to continue): read, not
   * generated; neither reported as parts nor counted. Default: none.
   */
  responsePrefix?: string;
  maxTokens: number;
  sampling: { temperature: number; topP: number; topK?: number; seed?: number; stop?: string[] };
  /** The caller's stop. */
  signal: AbortSignal;
  /** Reasoning tokens after which the workbench closes the reasoning itself; null: no budget. */
  reasoningBudget: number | null;
  /** Output tokens sampled so far in this request (the sequence's meter). */
  generated: () => number;
  splitter: ReasoningSplitter;
  /** What each chunk added to the reasoning and the answer. */
  onPart: (part: { reasoning: string; answer: string }) => void;
  onToken?: (tokens: Token[]) => void;
}

export interface BudgetedPromptRun {
  /** Closes the reasoning now and asks for the answer (Answer now). False when there is no open reasoning to close. */
  answerNow(): boolean;
  done: Promise<{ stopReason: 'abort' | 'maxTokens' | 'end'; cut: ReasoningCut | null }>;
}

/**
 * One prompt on a chat session with a reasoning budget that is ours and
 * explicit. node-llama-cpp's own thought budget (half or three quarters of
 * the context, for chat templates it segments thoughts for) is switched off:
 * it would cut VibeThinker's reasoning without a word. Instead, when the
 * reasoning reaches the budget (or the user asks for the answer now), the
 * generation is stopped and asked again with everything written so far as the
 * start of the model's reply, plus the transition and `</think>`: the model
 * then writes its answer within what is left of max tokens. The context
 * sequence keeps the evaluated tokens, so only the new text is evaluated.
 */
export function promptWithBudget(input: BudgetedPromptInput): BudgetedPromptRun {
  const { session, splitter } = input;
  const reasoningPhase = new AbortController();
  const stopAll = () => reasoningPhase.abort();
  // A signal aborted before this started fires no event: it stops the prompt at once.
  if (input.signal.aborted) reasoningPhase.abort();
  else input.signal.addEventListener('abort', stopAll, { once: true });
  // The model's text so far, as it would read it back (tags included); a given prefix is its start.
  const given = input.responsePrefix ?? '';
  let raw = given;
  // Placed already: the splitter knows where it left the reasoning, the caller is not told it again.
  if (given) splitter.placed(given);
  let inThought = splitter.state === 'open';
  let cut: ReasoningCut | null = null;

  const requestCut = (by: ReasoningCut['by']): boolean => {
    if (cut || splitter.state !== 'open' || input.signal.aborted) return false;
    cut = { by, atTokens: input.generated() };
    reasoningPhase.abort();
    return true;
  };
  const common = {
    temperature: input.sampling.temperature,
    topP: input.sampling.topP,
    ...(input.sampling.topK ? { topK: input.sampling.topK } : {}),
    ...(input.sampling.seed !== undefined ? { seed: input.sampling.seed } : {}),
    ...(input.sampling.stop?.length ? { customStopTriggers: input.sampling.stop } : {}),
    stopOnAbortSignal: true,
    budgets: { thoughtTokens: Infinity, commentTokens: Infinity },
  };

  const closing = `${reasoningCutTransition}</think>`;
  const ended = (reason: string): 'abort' | 'maxTokens' | 'end' => (reason === 'abort' ? 'abort' : reason === 'maxTokens' ? 'maxTokens' : 'end');
  /**
   * node-llama-cpp throws the abort reason when a prompt is stopped before its first token (even
   * with stopOnAbortSignal): a stop by the caller is a stop, not a failure.
   */
  const stoppable = async <T>(prompt: Promise<T>, phase: 'reasoning' | 'answer'): Promise<T | null> => {
    try {
      return await prompt;
    } catch (err) {
      // Only a stop is a stop: the cut ends the reasoning phase on purpose, but a failure of the answer is a failure.
      if (input.signal.aborted || (phase === 'reasoning' && cut && reasoningPhase.signal.aborted)) return null;
      throw err;
    }
  };

  const done = (async () => {
    try {
      // node-llama-cpp reports a prefix as the first chunk: that text is already placed.
      let echoPending = given !== '';
      const first = await stoppable(session.promptWithMeta(input.prompt, {
        ...common,
        maxTokens: input.maxTokens,
        signal: reasoningPhase.signal,
        ...(given ? { responsePrefix: given } : {}),
        onResponseChunk: (chunk) => {
          if (echoPending) {
            echoPending = false;
            return;
          }
          if (splitter.state === 'closed') {
            // The reasoning is closed (by a prefix that closed it): whatever the wrapper calls it now, it is the answer.
            raw += chunk.text;
            input.onPart(splitter.push(chunk.text));
          } else if (chunk.type === 'segment' && chunk.segmentType === 'thought') {
            // The wrapper took `<think>\n` and `\n</think>` out of the text; the model wrote them.
            raw += (inThought ? '' : '<think>\n') + chunk.text;
            inThought = true;
            input.onPart(splitter.pushReasoning(chunk.text));
            if (chunk.segmentEndTime) {
              raw += '\n</think>';
              inThought = false;
              input.onPart(splitter.closeReasoning());
            }
          } else {
            raw += chunk.text;
            input.onPart(splitter.push(chunk.text));
          }
          // Tokens are taken from the chunks: node-llama-cpp's onToken is silent inside a thought segment.
          input.onToken?.(chunk.tokens);
          if (input.reasoningBudget !== null && input.generated() >= input.reasoningBudget) requestCut('budget');
        },
      }), 'reasoning');
      // Stopped by the caller (also when that raced a cut), or ended on its own before a cut took effect.
      if (input.signal.aborted) return { stopReason: 'abort' as const, cut: null };
      if (!cut || (first && first.stopReason !== 'abort')) return { stopReason: first ? ended(first.stopReason) : ('abort' as const), cut: null };
      // The closing is text the model reads, not writes, but it takes room in what is left.
      const left = input.maxTokens - input.generated() - session.model.tokenize(closing).length;
      if (left <= 0) return { stopReason: 'maxTokens' as const, cut: null };
      input.onPart(splitter.push(closing));
      const prefix = raw + closing;
      session.setChatHistory(input.history);
      // node-llama-cpp reports the prefix as a first chunk: that text is already placed.
      let echoed = false;
      const second = await stoppable(session.promptWithMeta(input.prompt, {
        ...common,
        maxTokens: left,
        signal: input.signal,
        responsePrefix: prefix,
        onResponseChunk: (chunk) => {
          if (!echoed) {
            echoed = true;
            return;
          }
          // The reasoning is closed: whatever the wrapper calls it now, it is the answer.
          input.onPart(splitter.push(chunk.text));
          input.onToken?.(chunk.tokens);
        },
      }), 'answer');
      return { stopReason: second ? ended(second.stopReason) : ('abort' as const), cut };
    } finally {
      input.signal.removeEventListener('abort', stopAll);
    }
  })();
  return { answerNow: () => requestCut('answerNow'), done };
}
