import type { EvalItem, EvalSample } from '../../shared/eval';
import { answersEqual, normalizeAnswer } from './math-grader';

/**
 * pass@k estimated from n samples of which c are correct, without bias
 * (Chen et al., 2021): 1 − C(n−c, k) / C(n, k), computed as a product to
 * stay exact for large n.
 */
export function passAtK(n: number, c: number, k: number): number {
  if (n === 0) return 0;
  if (n - c < k) return 1;
  let failAll = 1;
  for (let i = n - c + 1; i <= n; i++) failAll *= 1 - k / i;
  return 1 - failAll;
}

export interface ProblemResult {
  id: string;
  kind: 'math' | 'code';
  samples: number;
  correct: number;
  passAt1: number;
  passAtK: number;
  /** Math: the most common final answer is right; code: more than half the samples pass. */
  majorityCorrect: boolean;
  majorityAnswer: string | null;
  truncated: number;
  meanTokens: number;
}

export interface EvalSummary {
  problems: number;
  samplesPerProblem: number;
  samples: number;
  /** Mean over problems of the fraction of correct samples (the published "pass@1, mean over k"). */
  passAt1: number;
  passAtK: number;
  majority: number;
  truncationRate: number;
  meanAnswerTokens: number;
  /** Completion tokens per second of wall time, all concurrent requests together. */
  tokensPerSecond: number;
  perProblem: ProblemResult[];
}

export function summarize(items: readonly EvalItem[], samples: readonly EvalSample[], k: number, wallSeconds: number): EvalSummary {
  const perProblem = items.map((item): ProblemResult => {
    const mine = samples.filter((s) => s.itemId === item.id);
    const correct = mine.filter((s) => s.correct).length;
    let majorityAnswer: string | null = null;
    let majorityCorrect: boolean;
    if (item.kind === 'math') {
      const counts = new Map<string, { count: number; raw: string }>();
      for (const s of mine) {
        if (s.extracted === null) continue;
        const key = normalizeAnswer(s.extracted);
        const entry = counts.get(key) ?? { count: 0, raw: s.extracted };
        entry.count++;
        counts.set(key, entry);
      }
      const best = [...counts.values()].sort((a, b) => b.count - a.count)[0];
      majorityAnswer = best?.raw ?? null;
      majorityCorrect = majorityAnswer !== null && answersEqual(majorityAnswer, item.answer);
    } else {
      majorityCorrect = correct * 2 > mine.length;
    }
    return {
      id: item.id,
      kind: item.kind,
      samples: mine.length,
      correct,
      passAt1: mine.length ? correct / mine.length : 0,
      passAtK: passAtK(mine.length, correct, Math.min(k, mine.length || 1)),
      majorityCorrect,
      majorityAnswer,
      truncated: mine.filter((s) => s.truncated).length,
      meanTokens: mine.length ? mine.reduce((sum, s) => sum + s.completionTokens, 0) / mine.length : 0,
    };
  });
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const totalTokens = samples.reduce((sum, s) => sum + s.completionTokens, 0);
  return {
    problems: items.length,
    samplesPerProblem: k,
    samples: samples.length,
    passAt1: mean(perProblem.map((p) => p.passAt1)),
    passAtK: mean(perProblem.map((p) => p.passAtK)),
    majority: mean(perProblem.map((p) => (p.majorityCorrect ? 1 : 0))),
    truncationRate: samples.length ? samples.filter((s) => s.truncated).length / samples.length : 0,
    meanAnswerTokens: samples.length ? totalTokens / samples.length : 0,
    tokensPerSecond: wallSeconds > 0 ? totalTokens / wallSeconds : 0,
    perProblem,
  };
}
