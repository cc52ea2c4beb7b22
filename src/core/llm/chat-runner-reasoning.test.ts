import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GenerationDelta, GenerationResult } from '../../shared/generation';
import { preambleTokens, vibeThinkerScript, writeTinyModel } from '../../../test/fixtures/tiny-model/tiny-model';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { silentLogger } from '../logger';
import { ChatRunner } from './chat-runner';
import { ModelHost } from './model-host';

const preamble = 'Okay, I will work this out.\n\n';

/** What the deltas of a generation add up to, next to its result. */
function streamedOf(deltas: GenerationDelta[]) {
  return { reasoning: deltas.map((d) => d.reasoning).join(''), answer: deltas.map((d) => d.answer).join('') };
}
const finalOf = (result: GenerationResult) => ({ reasoning: result.reasoning, answer: result.answer });

/**
 * Reasoning and answer through the real chat runner on the tiny model: what
 * streams is what the result says (a preamble shows once), and a generation
 * cut inside `<think>` keeps its text as reasoning, marked open.
 */
describe('ChatRunner: the reasoning/answer split, live and final', () => {
  const tempDir = useTempDirs();
  const host = new ModelHost({ defaults: () => ({ backend: 'cpu', gpuLayers: 'auto', contextSize: 2048, threads: 'auto' }), onStatus: () => {}, log: silentLogger });
  const runner = new ChatRunner({ host, repetitionGuard: () => 'off', deltaIntervalMs: 5 });
  afterAll(() => host.dispose());

  async function load(script?: string[]) {
    await host.load({ path: await writeTinyModel(join(await tempDir(), 'tiny.gguf'), script ? { script } : {}) });
  }

  it('puts a preamble before <think> at the start of the reasoning, once, live and final', async () => {
    await load(vibeThinkerScript(20, { preamble: preambleTokens }));
    const deltas: GenerationDelta[] = [];
    const result = await runner.generate({ id: 'p1', prompt: 'What is 2+2?', newConversation: true }, { onDelta: (d) => deltas.push(d) });
    expect(result.reasoning.startsWith(`${preamble}Let us add two and two`)).toBe(true);
    expect(result.reasoning.split('Okay, I will').length).toBe(2);
    expect(result.answer).toBe('The answer is $\\boxed{4}$.');
    expect(result.reasoningState).toBe('closed');
    expect(streamedOf(deltas)).toEqual(finalOf(result));
    expect(deltas.some((d) => d.reasoning.includes('<think>') || d.answer.includes('<think>'))).toBe(false);
  });

  it('keeps the reasoning as reasoning when stopped inside <think>: no answer, state open', async () => {
    await load(vibeThinkerScript(1500, { preamble: preambleTokens }));
    const deltas: GenerationDelta[] = [];
    const result = await runner.generate(
      { id: 'p2', prompt: 'What is 2+2?', newConversation: true },
      {
        onDelta: (d) => {
          deltas.push(d);
          if (d.completionTokens >= 40) runner.stop('p2');
        },
      },
    );
    expect(result.stats.stopReason).toBe('stopped');
    expect(result.reasoning.startsWith(`${preamble}Let us add two and two`)).toBe(true);
    expect(result.answer).toBe('');
    expect(result.boxed).toBeNull();
    expect(result.reasoningState).toBe('open');
    expect(streamedOf(deltas)).toEqual(finalOf(result));
  });

  it('keeps the reasoning as reasoning when max tokens end it inside <think>', async () => {
    await load(vibeThinkerScript(200));
    const deltas: GenerationDelta[] = [];
    const result = await runner.generate({ id: 'p3', prompt: 'What is 2+2?', sampling: { maxTokens: 30 }, newConversation: true }, { onDelta: (d) => deltas.push(d) });
    expect(result.stats.stopReason).toBe('maxTokens');
    expect(result.reasoning).toMatch(/^Let us add two and two, one step at a time: \(1\)/);
    expect([result.answer, result.reasoningState]).toEqual(['', 'open']);
    expect(streamedOf(deltas)).toEqual(finalOf(result));
  });

  it('makes output that never opens a reasoning block the answer, and stopping it moves nothing', async () => {
    await load();
    const deltas: GenerationDelta[] = [];
    const result = await runner.generate(
      { id: 'p4', prompt: 'Write a long proof.', sampling: { maxTokens: 2000, temperature: 1 }, newConversation: true },
      {
        onDelta: (d) => {
          deltas.push(d);
          if (d.completionTokens >= 20) runner.stop('p4');
        },
      },
    );
    expect(result.stats.stopReason).toBe('stopped');
    expect(result.reasoningState).toBe('none');
    expect(result.reasoning).toBe('');
    expect(result.answer.length).toBeGreaterThan(0);
    expect(streamedOf(deltas)).toEqual(finalOf(result));
    // While the text was held (it could still have become a preamble) the count kept coming.
    expect(deltas.filter((d) => d.reasoning === '' && d.answer === '').length).toBeGreaterThan(0);
  });
});
