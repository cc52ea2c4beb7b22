import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvalItem } from '../../shared/eval';
import type { ReasoningState } from '../../shared/generation';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { builtInTemplates } from '../templates/built-in-templates';
import { runEval, type Generate } from './eval-runner';

const item: EvalItem = { kind: 'math', id: 'two-plus-two', problem: 'What is 2+2?', answer: '4' };

/**
 * Grading follows the official scorer: only what follows `</think>` counts,
 * and a sample whose reasoning never closed scores 0, even when a `\boxed{}`
 * sits in its text. The splitter's `reasoningState` says which is which.
 */
describe('eval grading of the reasoning/answer split', () => {
  const tempDir = useTempDirs();

  async function grade(outputs: { reasoning: string; answer: string; reasoningState?: ReasoningState; truncated?: boolean }[]) {
    let next = 0;
    const generate: Generate = async () => {
      const out = outputs[next++] ?? { reasoning: '', answer: '' };
      return { completionTokens: 10, truncated: false, error: null, ...out };
    };
    const template = builtInTemplates.find((t) => t.id === 'math');
    if (!template) throw new Error('no built-in template');
    const outDir = await tempDir();
    const sampling = { temperature: 1, topP: 0.95, topK: 0, maxTokens: 100 };
    await runEval({ items: [item], setText: 'set', template, samples: outputs.length, concurrency: 1, sampling, outDir, generate });
    const lines = (await readFile(join(outDir, 'samples.jsonl'), 'utf8')).trim().split('\n');
    return lines.map((l) => JSON.parse(l) as { sample: number; correct: boolean; extracted: string | null; error: string | null }).sort((a, b) => a.sample - b.sample);
  }

  it('scores a closed reasoning by its answer, and 0 where </think> never appeared', async () => {
    const samples = await grade([
      { reasoning: 'so 4', answer: 'It is $\\boxed{4}$.', reasoningState: 'closed' },
      { reasoning: 'so it is \\boxed{4} and', answer: '', reasoningState: 'open', truncated: true },
      { reasoning: '', answer: 'It is $\\boxed{4}$.', reasoningState: 'none' },
      // A generator that cannot tell is graded on its answer, as before.
      { reasoning: '', answer: 'It is $\\boxed{4}$.' },
    ]);
    expect(samples.map((s) => s.correct)).toEqual([true, false, false, true]);
    expect(samples.map((s) => s.extracted)).toEqual(['4', null, null, '4']);
    expect(samples[1]?.error).toMatch(/reasoning never closed/);
    expect(samples[2]?.error).toMatch(/no reasoning block/);
  });
});
