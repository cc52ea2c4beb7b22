import { join } from 'node:path';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '../src/core/workbench-core';
import { preambleTokens, qwenStyleTemplate, vibeThinkerScript, writeTinyModel } from './fixtures/tiny-model/tiny-model';
import { reasoningCutTransition } from '../src/core/llm/budgeted-prompt';
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

  async function clientFor(script?: string[], chatTemplate?: string) {
    const harness = await startServer();
    cores.push(harness.core);
    const path = await writeTinyModel(join(harness.dataDir, 'models', 'tiny.gguf'), { ...(script ? { script } : {}), ...(chatTemplate ? { chatTemplate } : {}) });
    await harness.core.handlers.updateSettings({ apiParallel: 1, apiCache: false });
    await harness.core.handlers.loadModel({ path });
    return new OpenAI({ baseURL: `${harness.base}/v1`, apiKey: testToken, maxRetries: 0, timeout: 60_000 });
  }

  /** One request both ways: the whole message, and the concatenated stream. */
  async function bothWays(client: OpenAI, maxTokens: number, extra: Record<string, unknown> = {}, reply?: string) {
    const messages = [{ role: 'user' as const, content: 'What is 2 + 2?' }, ...(reply !== undefined ? [{ role: 'assistant' as const, content: reply }] : [])];
    const request = { model: 'tiny', messages, max_tokens: maxTokens, temperature: 0, seed: 1, ...extra };
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

  // What a client's Answer now sends (the workbench's remote backend): the reasoning so far, closed, to be continued.
  const closedReply = (lineBreaks: boolean) => `<think>${lineBreaks ? '\n' : ''}Let us add two and two, one step at a time: (1) (2)${reasoningCutTransition}</think>`;

  for (const [name, template, lineBreaks] of [['ChatML', undefined, false], ['a Qwen-style template that segments thoughts', qwenStyleTemplate, true]] as const) {
    it(`a final assistant message is continued (assistant prefill), with ${name}: only the new text comes back, both ways`, async () => {
      const client = await clientFor(vibeThinkerScript(400, { lineBreaks }), template);
      const { whole, streamed, finish } = await bothWays(client, 200, {}, closedReply(lineBreaks));
      expect(finish).toBe('stop');
      expect(whole).toEqual({ reasoning: '', content: 'The answer is $\\boxed{4}$.' });
      expect(streamed).toEqual(whole);
      // A reply still inside its reasoning goes on reasoning; vLLM's flag is understood.
      const open = await bothWays(client, 5, { continue_final_message: true, add_generation_prompt: false }, '<think>');
      expect(open.whole.content).toBe('');
      expect(open.whole.reasoning).toMatch(/^\s*Let us add two and/);
      expect(open.streamed).toEqual(open.whole);
    });
  }

  it('refuses a final assistant message with continue_final_message: false, or with no user message before it', async () => {
    const client = await clientFor(vibeThinkerScript(20));
    await expect(bothWays(client, 20, { continue_final_message: false }, '<think>Let')).rejects.toMatchObject({ status: 400, param: 'continue_final_message' });
    await expect(client.chat.completions.create({ model: 'tiny', messages: [{ role: 'assistant', content: 'Hello' }] })).rejects.toMatchObject({ status: 400, param: 'messages' });
  });
});
