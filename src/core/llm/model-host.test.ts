import { totalmem } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GenerationDelta } from '../../shared/generation';
import type { ModelStatus } from '../../shared/models';
import { writeBadModels } from '../../../test/fixtures/bad-models';
import { vibeThinkerScript, writeTinyModel } from '../../../test/fixtures/tiny-model/tiny-model';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { silentLogger } from '../logger';
import { ChatRunner } from './chat-runner';
import { ModelHost, type LoadDefaults } from './model-host';

const defaults: LoadDefaults = { backend: 'cpu', gpuLayers: 'auto', contextSize: 2048, threads: 'auto' };

describe('ModelHost and ChatRunner on the tiny model', () => {
  const tempDir = useTempDirs();
  const statuses: ModelStatus[] = [];
  let guardMode: 'off' | 'warn' | 'stop' = 'off';
  // A host of its own per test: no test starts from the model, conversation or statuses another left.
  let host: ModelHost;
  let runner: ChatRunner;
  beforeEach(() => {
    statuses.length = 0;
    guardMode = 'off';
    host = new ModelHost({ defaults: () => defaults, onStatus: (s) => statuses.push(s), log: silentLogger });
    runner = new ChatRunner({ host, repetitionGuard: () => guardMode, deltaIntervalMs: 10 });
  });
  afterEach(() => host.dispose());

  async function tiny(options: Parameters<typeof writeTinyModel>[1] = {}) {
    return writeTinyModel(join(await tempDir(), 'tiny.gguf'), options);
  }

  it('loads with progress and reports backend, layers, context and threads', async () => {
    const status = await host.load({ path: await tiny() });
    expect(status).toMatchObject({ state: 'ready', backend: 'cpu', gpuLayers: 0, totalLayers: 3, contextSize: 2048, loadProgress: 1 });
    expect(status.threads).toBeGreaterThan(0);
    expect(status.model?.name).toBe('VibeThinker Tiny Test');
    expect(statuses[0]?.state).toBe('loading');
  });

  it('streams batched deltas that add up to the final text, with stats', async () => {
    await host.load({ path: await tiny({ script: vibeThinkerScript(100) }) });
    const deltas: GenerationDelta[] = [];
    const result = await runner.generate(
      { id: 'g1', prompt: 'What is 1+1?', sampling: { maxTokens: 40, temperature: 0 }, newConversation: true },
      { onDelta: (d) => deltas.push(d) },
    );
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.map((d) => d.reasoning).join('')).toBe(result.reasoning);
    expect(deltas.map((d) => d.answer).join('')).toBe(result.answer);
    expect(result.stats).toMatchObject({ completionTokens: 40, stopReason: 'maxTokens' });
    expect(result.stats.promptTokens).toBeGreaterThan(5);
    expect(result.stats.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(result.stats.tokensPerSecond).toBeGreaterThan(0);
    expect((await host.status()).contextUsed).toBeGreaterThan(result.stats.promptTokens);
  });

  it('separates reasoning from the answer and extracts the boxed answer (scripted model)', async () => {
    await host.load({ path: await tiny({ script: vibeThinkerScript(30) }) });
    const deltas: GenerationDelta[] = [];
    const result = await runner.generate({ id: 's1', prompt: 'What is 2+2?', sampling: { temperature: 1 }, newConversation: true }, { onDelta: (d) => deltas.push(d) });
    expect(result.reasoning).toMatch(/^Let us add two and two, one step at a time: \(1\) \(2\).* \(30\)$/);
    expect(result.answer).toBe('The answer is $\\boxed{4}$.');
    expect(result.boxed).toBe('4');
    expect(result.stats.stopReason).toBe('end');
    // Reasoning streamed before the answer began, as separate deltas.
    const firstAnswer = deltas.findIndex((d) => d.answer !== '');
    expect(deltas.slice(0, firstAnswer).some((d) => d.reasoning !== '')).toBe(true);
  });

  it('stops within a token and keeps the partial text', async () => {
    await host.load({ path: await tiny() });
    let tokensAtStop = -1;
    const result = await runner.generate(
      { id: 'g2', prompt: 'Write a long proof.', sampling: { maxTokens: 2000, temperature: 1 }, newConversation: true },
      {
        onDelta: (d) => {
          if (tokensAtStop === -1 && d.completionTokens >= 5) {
            tokensAtStop = d.completionTokens;
            runner.stop('g2');
          }
        },
      },
    );
    expect(result.stats.stopReason).toBe('stopped');
    // Counted by the sequence's token meter: at most the token being evaluated when stop() ran.
    expect(result.stats.completionTokens - tokensAtStop).toBeLessThanOrEqual(1);
    expect(result.reasoning.length + result.answer.length).toBeGreaterThan(0);
  });

  it('stops a request that is waiting for a model to load', async () => {
    await host.unload();
    const loading = host.load({ path: await tiny() });
    const waiting = runner.generate({ id: 'g3', prompt: 'hi' });
    runner.stop('g3');
    expect((await waiting).stats.stopReason).toBe('stopped');
    await loading;
  });

  it('refuses a prompt that cannot fit before generating anything', async () => {
    await host.load({ path: await tiny(), contextSize: 256 });
    const huge = 'word '.repeat(2000);
    await expect(runner.generate({ id: 'g4', prompt: huge })).rejects.toMatchObject({ code: 'prompt_too_long', message: expect.stringMatching(/context holds 256/) });
  });

  it('drops the oldest turns when the conversation outgrows the context, and says how many', async () => {
    await host.load({ path: await tiny(), contextSize: 512 });
    const sampling = { maxTokens: 120, temperature: 1 };
    await runner.generate({ id: 'a', prompt: 'first question', sampling, newConversation: true });
    await runner.generate({ id: 'b', prompt: 'second question', sampling });
    const third = await runner.generate({ id: 'c', prompt: 'third question', sampling });
    expect(third.droppedTurns).toBeGreaterThan(0);
    expect(third.error).toBeNull();
  });

  it('stops a looping generation when the guard is set to stop', async () => {
    await host.load({ path: await tiny() });
    guardMode = 'stop';
    const findings: unknown[] = [];
    // Greedy decoding of random weights falls into a loop quickly.
    const result = await runner.generate(
      { id: 'loop', prompt: 'Repeat after me.', sampling: { maxTokens: 1500, temperature: 0 }, newConversation: true },
      { onRepetition: (f) => findings.push(f) },
    );
    expect(findings).toEqual([expect.objectContaining({ stopped: true })]);
    expect(result.stats.stopReason).toBe('repetition');
    expect(result.stats.completionTokens).toBeLessThan(1500);
  });

  it('rejects each bad file with a clear message and keeps the loaded model', async () => {
    const good = await tiny();
    await host.load({ path: good });
    const bad = await writeBadModels(await tempDir());
    const expectations: [string, RegExp][] = [
      [bad.missing, /File not found/],
      [bad.notGguf, /Not a GGUF model file/],
      [bad.truncated, /truncated/],
      [bad.unknownArch, /Unsupported architecture/],
    ];
    for (const [path, message] of expectations) {
      await expect(host.load({ path })).rejects.toMatchObject({ name: 'ValidationError', message });
    }
    expect(await host.status()).toMatchObject({ state: 'ready', model: { path: good } });
    const still = await runner.generate({ id: 'after', prompt: 'still there?', sampling: { maxTokens: 4 } });
    expect(still.stats.completionTokens).toBe(4);
  });

  it('falls back to a context that fits and says so', async () => {
    // Enough layers that a 1M-token KV cache (128 bytes per layer per token) exceeds this machine's RAM.
    const layers = Math.ceil((totalmem() * 1.5) / (1_048_576 * 128));
    const status = await host.load({ path: await tiny({ contextLength: 4096, layers }), contextSize: 1_048_576 });
    expect(status.state).toBe('ready');
    expect(status.contextSize).toBeLessThan(1_048_576);
    expect(status.notice).toMatch(/does not fit in memory/);
  });

  it('cancels a load and frees the previous model', async () => {
    await host.load({ path: await tiny() });
    const loading = host.load({ path: await tiny({ seed: 9 }) });
    await host.cancelLoad();
    await loading.catch(() => undefined);
    expect((await host.status()).state).not.toBe('loading');
    expect(host.loaded === null || host.loaded.info.path.includes('tiny')).toBe(true);
  });
});
