import { randomInt } from 'node:crypto';
import type { Sampling } from '../../shared/generation';
import type { Problem } from '../../shared/judging';
import { extractCode } from '../../shared/prompt-pieces';
import { isCpp, type Language } from '../../shared/judging';
import { answersEqual, extractFinalAnswer } from '../eval/math-grader';
import type { CompletionPool } from '../llm/completion-pool';
import { judge } from '../runner/judge';
import type { SolveCandidate, SolveVote } from '../../shared/solve';
import { errorMessage } from '../../shared/api/errors';

export type { SolveCandidate, SolveVote };

export interface SolveResult {
  kind: 'code' | 'math';
  /** Best first: every test passed, then most tests passed, then finished before stopped. */
  candidates: SolveCandidate[];
  /** Math: the final answers grouped, most votes first. Empty for code. */
  votes: SolveVote[];
  /** The candidate to show first (and put in the editor): the best code, or one of the majority answer. Null if none. */
  best: number | null;
}

export interface SolveOptions {
  pool: CompletionPool;
  system: string | null;
  user: string;
  sampling: Sampling;
  samples: number;
  /** With tests, a code problem: each candidate's code is judged as soon as it finishes. */
  problem: Problem | null;
  kind: 'code' | 'math';
  /** Stop the others once one candidate passes every test. */
  stopWhenAccepted?: boolean;
  /** Candidate i samples with seed + i (reproducible runs); default: a random seed. */
  seed?: number;
  python?: string | null;
  /** The candidates' language (default Python): which code block is taken, and how it is judged. */
  language?: Language;
  compiler?: string | null;
  signal?: AbortSignal;
  onProgress?: (progress: { index: number; completionTokens: number }) => void;
  onCandidate?: (candidate: SolveCandidate) => void;
}

/**
 * Solve ×N: N independent answers to the same prompt at once, as parallel
 * sequences of one batched context (the pool the OpenAI API uses; its
 * `apiParallel` sequences generate together, the rest queue). Code answers
 * are judged on the problem's tests as each finishes; math answers are
 * grouped by equivalence into a vote. The model's own numbers say why: pass@k
 * and majority vote are far above a single sample for a 1.5B model.
 */
export async function solveN(options: SolveOptions): Promise<SolveResult> {
  const everyone = new AbortController();
  const stopAll = () => everyone.abort();
  if (options.signal?.aborted) everyone.abort();
  options.signal?.addEventListener('abort', stopAll, { once: true });
  // Every answer gets its own seed: unseeded sequences started in the same instant can draw alike,
  // and eight copies of one answer are no Solve ×8 (seen: eight identical answers from a forked script).
  const seed = options.seed ?? randomInt(0, 2 ** 30);
  try {
    const candidates = await Promise.all(
      Array.from({ length: options.samples }, async (_, index): Promise<SolveCandidate> => {
        const result = await options.pool
          .complete({
            messages: [...(options.system ? [{ role: 'system' as const, content: options.system }] : []), { role: 'user' as const, content: options.user }],
            maxTokens: options.sampling.maxTokens,
            temperature: options.sampling.temperature,
            topP: options.sampling.topP,
            stop: [],
            seed: seed + index,
            ...(options.sampling.reasoningBudget ? { reasoningBudget: options.sampling.reasoningBudget } : {}),
            signal: everyone.signal,
            onTokens: (completionTokens) => options.onProgress?.({ index, completionTokens }),
          })
          .catch((err: unknown) => ({ error: errorMessage(err) }));
        if ('error' in result) {
          const failed: SolveCandidate = { index, reasoning: '', answer: '', completionTokens: 0, code: null, report: null, verdict: null, final: null, stopped: false, cut: null, error: result.error };
          options.onCandidate?.(failed);
          return failed;
        }
        const stopped = result.finishReason === 'aborted';
        const cut = result.lengthLimit ?? (result.finishReason === 'length' ? 'maxTokens' : null);
        const base = { index, reasoning: result.reasoning, answer: result.answer, completionTokens: result.completionTokens, stopped, cut, error: null };
        let candidate: SolveCandidate;
        if (options.kind === 'math') {
          // Bounded as the session keeps it: a model may box a whole essay.
          candidate = { ...base, code: null, report: null, verdict: null, final: stopped ? null : (extractFinalAnswer(result.answer)?.slice(0, 10_000) ?? null) };
        } else {
          const code = extractCode(result.answer, isCpp(options.language ?? 'python') ? 'lastCpp' : 'lastPython');
          let judgeError: string | null = null;
          const report =
            code !== null && options.problem && options.problem.tests.length > 0 && !stopped
              ? await judge(code, options.problem, { python: options.python ?? null, language: options.language ?? 'python', compiler: options.compiler ?? null, signal: everyone.signal }).catch((err: unknown) => {
                  // No Python, a judge that cannot start: said on the card, never mistaken for "no tests".
                  judgeError = everyone.signal.aborted ? null : `Not judged: ${errorMessage(err)}`;
                  return null;
                })
              : null;
          const judgingStopped = report === null && judgeError === null && code !== null && everyone.signal.aborted;
          candidate = { ...base, code, report, verdict: report?.verdict ?? null, final: null, error: judgeError, stopped: stopped || judgingStopped };
          if (report?.verdict === 'AC' && options.stopWhenAccepted) everyone.abort();
        }
        options.onCandidate?.(candidate);
        return candidate;
      }),
    );
    return options.kind === 'math' ? mathResult(candidates) : codeResult(candidates);
  } finally {
    options.signal?.removeEventListener('abort', stopAll);
  }
}

function codeResult(candidates: SolveCandidate[]): SolveResult {
  const rank = (c: SolveCandidate) => [c.verdict === 'AC' ? 0 : 1, -(c.report?.passed ?? -1), c.code === null ? 1 : 0, c.stopped ? 1 : 0, c.index];
  const sorted = [...candidates].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if ((ra[i] ?? 0) !== (rb[i] ?? 0)) return (ra[i] ?? 0) - (rb[i] ?? 0);
    return 0;
  });
  const first = sorted[0];
  return { kind: 'code', candidates: sorted, votes: [], best: first && first.code !== null ? first.index : null };
}

/** Groups final answers by the grader's equality; the first answer seen names its group. */
export function voteOn(candidates: SolveCandidate[]): SolveVote[] {
  const groups: SolveVote[] = [];
  const counted = candidates.filter((c) => c.final !== null);
  for (const candidate of counted) {
    const final = candidate.final ?? '';
    const group = groups.find((g) => answersEqual(final, g.answer));
    if (group) {
      group.count++;
      group.candidates.push(candidate.index);
    } else groups.push({ answer: final, count: 1, share: 0, candidates: [candidate.index] });
  }
  for (const group of groups) group.share = group.count / Math.max(1, candidates.length);
  return groups.sort((a, b) => b.count - a.count);
}

function mathResult(candidates: SolveCandidate[]): SolveResult {
  const votes = voteOn(candidates);
  const majority = votes[0];
  const inMajority = new Set(majority?.candidates ?? []);
  const sorted = [...candidates].sort((a, b) => Number(inMajority.has(b.index)) - Number(inMajority.has(a.index)) || Number(a.final === null) - Number(b.final === null) || a.index - b.index);
  return { kind: 'math', candidates: sorted, votes, best: majority?.candidates[0] ?? null };
}
