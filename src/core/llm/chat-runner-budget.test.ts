import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GenerationDelta } from '../../shared/generation';
import { qwenStyleTemplate, vibeThinkerScript, writeTinyModel } from '../../../test/fixtures/tiny-model/tiny-model';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { silentLogger } from '../logger';
import { reasoningCutTransition } from './budgeted-prompt';
import { ChatRunner } from './chat-runner';
import { ModelHost } from './model-host';

const scriptedAnswer = 'The answer is $\\boxed{4}$.';
const streamed = (deltas: GenerationDelta[]) => ({ reasoning: deltas.map((d) => d.reasoning).join(''), answer: deltas.map((d) => d.answer).join('') });

/**
 * The reasoning budget and Answer now through the real chat runner on tiny
 * scripted models. After `</think>` the script writes its answer, so an
 * answer after a cut proves the model was asked to continue after a closed
 * reasoning, not that a stop kept the reasoning.
 */
describe('ChatRunner: reasoning budget and Answer now', () => {
  const tempDir = useTempDirs();
  const host = new ModelHost({ defaults: () => ({ backend: 'cpu', gpuLayers: 'auto', contextSize: 2048, threads: 'auto' }), onStatus: () => {}, log: silentLogger });
  const runner = new ChatRunner({ host, repetitionGuard: () => 'off', deltaIntervalMs: 5 });
  afterAll(() => host.dispose());

  async function load(steps: number, chatTemplate?: string) {
    // With the Qwen-style template the script writes the line breaks its wrapper looks for around the tags.
    const script = vibeThinkerScript(steps, { lineBreaks: chatTemplate !== undefined });
    await host.load({ path: await writeTinyModel(join(await tempDir(), 'tiny.gguf'), { script, ...(chatTemplate ? { chatTemplate } : {}) }) });
  }

  it('closes the reasoning at the budget and the model answers after it, within max tokens', async () => {
    await load(600);
    const deltas: GenerationDelta[] = [];
    const result = await runner.generate({ id: 'b1', prompt: 'What is 2+2?', newConversation: true, sampling: { reasoningBudget: 60, maxTokens: 1000 } }, { onDelta: (d) => deltas.push(d) });
    expect(result.reasoningCut?.by).toBe('budget');
    expect(result.reasoningCut?.atTokens).toBeGreaterThanOrEqual(60);
    expect(result.reasoningCut?.atTokens).toBeLessThan(70);
    expect(result.reasoningState).toBe('closed');
    expect(result.answer).toBe(scriptedAnswer);
    expect(result.boxed).toBe('4');
    expect(result.reasoning.endsWith(reasoningCutTransition)).toBe(true);
    expect(result.reasoning).not.toContain('(100)');
    expect(result.stats.stopReason).toBe('end');
    // What streamed is what was saved: the transition once, the answer once.
    expect(streamed(deltas)).toEqual({ reasoning: result.reasoning, answer: result.answer });
    expect(result.stats.completionTokens).toBeLessThan(90);
  });

  it('Answer now mid-reasoning does the same at once; after the reasoning closed it does nothing', async () => {
    await load(1500);
    let asked: boolean | null = null;
    const result = await runner.generate(
      { id: 'b2', prompt: 'What is 2+2?', newConversation: true, sampling: { maxTokens: 1800 } },
      {
        onDelta: (d) => {
          if (asked === null && d.completionTokens >= 40) asked = runner.answerNow('b2');
        },
      },
    );
    expect(asked).toBe(true);
    expect(result.reasoningCut?.by).toBe('answerNow');
    expect(result.answer).toBe(scriptedAnswer);
    expect(result.reasoning).not.toContain('(1400)');
    expect(runner.answerNow('b2')).toBe(false);
  });

  it('without a budget, a template that node-llama-cpp segments thoughts for is not cut at its default budget (half the context), and its answer is the answer', async () => {
    // 1,500 reasoning tokens in a 2,048-token context: node-llama-cpp's own thought budget would close it at 1,024.
    await load(1500, qwenStyleTemplate);
    const deltas: GenerationDelta[] = [];
    const result = await runner.generate({ id: 'b3', prompt: 'What is 2+2?', newConversation: true, sampling: { maxTokens: 1900 } }, { onDelta: (d) => deltas.push(d) });
    expect(result.reasoningCut).toBeUndefined();
    expect(result.reasoning).toContain('(1500)');
    expect(result.reasoningState).toBe('closed');
    expect(result.answer).toBe(scriptedAnswer);
    expect(streamed(deltas)).toEqual({ reasoning: result.reasoning, answer: result.answer });
  }, 60_000);

  it('with that template, our budget still cuts where it says and the model answers', async () => {
    await load(600, qwenStyleTemplate);
    const result = await runner.generate({ id: 'b4', prompt: 'What is 2+2?', newConversation: true, sampling: { reasoningBudget: 50, maxTokens: 1000 } });
    expect(result.reasoningCut?.by).toBe('budget');
    expect(result.reasoningState).toBe('closed');
    expect(result.answer).toBe(scriptedAnswer);
    expect(result.reasoning).not.toContain('(100)');
  });

  it('a budget over max tokens changes nothing; one that leaves no room for the closing and an answer is no cut: max tokens, reasoning open', async () => {
    await load(40);
    const free = await runner.generate({ id: 'b5', prompt: 'What is 2+2?', newConversation: true, sampling: { reasoningBudget: 5000, maxTokens: 1000 } });
    expect(free.reasoningCut).toBeUndefined();
    expect(free.answer).toBe(scriptedAnswer);
    await load(600);
    for (const [id, reasoningBudget] of [['b6', 30], ['b7', 25]] as const) {
      const tight = await runner.generate({ id, prompt: 'What is 2+2?', newConversation: true, sampling: { reasoningBudget, maxTokens: 30 } });
      expect(tight.stats.stopReason).toBe('maxTokens');
      expect(tight.reasoningCut).toBeUndefined();
      expect(tight.reasoningState).toBe('open');
      expect(tight.reasoning).not.toContain('final answer now');
      expect(tight.stats.completionTokens).toBeLessThanOrEqual(30);
    }
  });

  it('Stop right after Answer now is a stop: the reasoning stays open and no cut is recorded', async () => {
    await load(1500);
    const result = await runner.generate(
      { id: 'b8', prompt: 'What is 2+2?', newConversation: true, sampling: { maxTokens: 1800 } },
      {
        onDelta: (d) => {
          if (d.completionTokens >= 40 && runner.answerNow('b8')) runner.stop('b8');
        },
      },
    );
    expect(result.stats.stopReason).toBe('stopped');
    expect(result.error).toBeNull();
    expect(result.reasoningCut).toBeUndefined();
    expect(result.reasoningState).toBe('open');
    expect(result.answer).toBe('');
  });
});
