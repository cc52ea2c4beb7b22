import { join } from 'node:path';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '../src/core/workbench-core';
import { preambleTokens, vibeThinkerScript, writeTinyModel } from './fixtures/tiny-model/tiny-model';
import { testToken, useWebServer } from './helpers/web-server-harness';

type Message = { content?: string | null; reasoning_content?: string | null };

/**
 * The OpenAI-compatible API splits reasoning from content by the same rule
 * as the workbench, streamed or not: a preamble is reasoning, output cut
 * inside `<think>` is reasoning with no content, untagged output is content.
 */
describe('OpenAI-compatible API: reasoning_content and content, streamed and not', () => {
  const startServer = useWebServer();
  const cores: WorkbenchCore[] = [];
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((c) => c.dispose()));
  });

  async function clientFor(script?: string[]) {
    const harness = await startServer();
    cores.push(harness.core);
    const path = await writeTinyModel(join(harness.dataDir, 'models', 'tiny.gguf'), script ? { script } : {});
    await harness.core.handlers.updateSettings({ apiParallel: 1, apiCache: false });
    await harness.core.handlers.loadModel({ path });
    return new OpenAI({ baseURL: `${harness.base}/v1`, apiKey: testToken, maxRetries: 0, timeout: 60_000 });
  }

  /** One request both ways: the whole message, and the concatenated stream. */
  async function bothWays(client: OpenAI, maxTokens: number, extra: Record<string, unknown> = {}) {
    const request = { model: 'tiny', messages: [{ role: 'user' as const, content: 'What is 2 + 2?' }], max_tokens: maxTokens, temperature: 0, seed: 1, ...extra };
    const whole = await client.chat.completions.create(request);
    const message = whole.choices[0]?.message as Message;
    const streamed = { reasoning: '', content: '' };
    for await (const chunk of await client.chat.completions.create({ ...request, stream: true })) {
      const delta = chunk.choices[0]?.delta as Message | undefined;
      streamed.reasoning += delta?.reasoning_content ?? '';
      streamed.content += delta?.content ?? '';
    }
    return { whole: { reasoning: message.reasoning_content ?? '', content: message.content ?? '' }, finish: whole.choices[0]?.finish_reason, streamed };
  }

  it('cut inside <think> by max_tokens: all reasoning (preamble first), no content, both ways', async () => {
    const client = await clientFor(vibeThinkerScript(200, { preamble: preambleTokens }));
    const { whole, streamed, finish } = await bothWays(client, 30);
    expect(finish).toBe('length');
    expect(whole.content).toBe('');
    expect(whole.reasoning).toMatch(/^Okay, I will work this out\.\n\nLet us add two and two/);
    expect(streamed).toEqual(whole);
  });

  it('output with no reasoning block: all content, both ways', async () => {
    const client = await clientFor();
    const { whole, streamed } = await bothWays(client, 40);
    expect(whole.reasoning).toBe('');
    expect(whole.content.length).toBeGreaterThan(0);
    expect(streamed).toEqual(whole);
  });

  it('reasoning_budget (our extension) closes the reasoning and the model answers, both ways', async () => {
    const client = await clientFor(vibeThinkerScript(400));
    const { whole, streamed, finish } = await bothWays(client, 600, { reasoning_budget: 40 });
    expect(finish).toBe('stop');
    expect(whole.content).toBe('The answer is $\\boxed{4}$.');
    expect(whole.reasoning).toContain('give my final answer now');
    expect(whole.reasoning).not.toContain('(100)');
    expect(streamed).toEqual(whole);
  });
});
