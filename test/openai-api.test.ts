import { join } from 'node:path';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '../src/core/workbench-core';
import { forkedScript, vibeThinkerScript, writeTinyModel } from './fixtures/tiny-model/tiny-model';
import { testToken, useWebServer, type Harness } from './helpers/web-server-harness';

/**
 * The OpenAI-compatible endpoints of web mode, checked with the official
 * `openai` npm client (not only our own code): a real server, a real tiny
 * GGUF loaded through node-llama-cpp.
 */
describe('OpenAI-compatible API (web mode)', () => {
  const startServer = useWebServer();
  const cores: WorkbenchCore[] = [];
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((c) => c.dispose()));
  });

  async function serverWithModel(options: { script?: string[]; parallel?: number } = {}): Promise<Harness & { client: OpenAI; model: string }> {
    const harness = await startServer();
    cores.push(harness.core);
    const path = await writeTinyModel(join(harness.dataDir, 'models', 'tiny.gguf'), options.script ? { script: options.script } : {});
    await harness.core.handlers.updateSettings({ apiParallel: options.parallel ?? 2 });
    await harness.core.handlers.loadModel({ path });
    const client = new OpenAI({ baseURL: `${harness.base}/v1`, apiKey: testToken, maxRetries: 0, timeout: 60_000 });
    return { ...harness, client, model: 'tiny' };
  }

  it('lists the loaded model and refuses a wrong key', async () => {
    const { client, base } = await serverWithModel();
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['tiny']);
    const wrong = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'nope', maxRetries: 0 });
    await expect(wrong.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('answers without streaming: reasoning separate, usage counted, max_tokens honoured', async () => {
    const { client, model } = await serverWithModel({ script: vibeThinkerScript(20) });
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'What is 2 + 2?' }], temperature: 0.6 });
    const message = completion.choices[0]?.message as { content: string; reasoning_content?: string };
    expect(message.content).toBe('The answer is $\\boxed{4}$.');
    expect(message.reasoning_content).toContain('Let us add two and two');
    expect(message.reasoning_content).not.toContain('<think>');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(5);
    expect(completion.usage?.completion_tokens).toBeGreaterThan(20);

    const short = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Again' }], max_tokens: 5 });
    expect(short.choices[0]?.finish_reason).toBe('length');
    expect(short.usage?.completion_tokens).toBeLessThanOrEqual(6);
  });

  it('streams reasoning_content then content, with usage at the end', async () => {
    const { client, model } = await serverWithModel({ script: vibeThinkerScript(20) });
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'What is 2 + 2?' }], stream: true, stream_options: { include_usage: true } });
    let reasoning = '';
    let content = '';
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | undefined;
    let order = '';
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as { content?: string | null; reasoning_content?: string } | undefined;
      if (delta?.reasoning_content) {
        reasoning += delta.reasoning_content;
        if (!order.endsWith('r')) order += 'r';
      }
      if (delta?.content) {
        content += delta.content;
        if (!order.endsWith('c')) order += 'c';
      }
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(order).toBe('rc');
    expect(reasoning).toContain('(20)');
    expect(content).toBe('The answer is $\\boxed{4}$.');
    expect(finish).toBe('stop');
    expect(usage?.completion_tokens).toBeGreaterThan(20);
  });

  it('reports bad requests, unknown models and a missing model as OpenAI errors', async () => {
    const harness = await startServer();
    cores.push(harness.core);
    const client = new OpenAI({ baseURL: `${harness.base}/v1`, apiKey: testToken, maxRetries: 0 });
    const ask = (body: Partial<OpenAI.ChatCompletionCreateParamsNonStreaming>) => client.chat.completions.create({ model: 'tiny', messages: [{ role: 'user', content: 'hi' }], ...body });
    await expect(ask({})).rejects.toMatchObject({ status: 503, code: 'no_model' });

    const path = await writeTinyModel(join(harness.dataDir, 'models', 'tiny.gguf'));
    await harness.core.handlers.loadModel({ path });
    await expect(ask({ model: 'gpt-4o' })).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
    await expect(ask({ temperature: 5 })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    await expect(ask({ messages: [{ role: 'assistant', content: 'last word' }] })).rejects.toMatchObject({ status: 400 });
    await expect(ask({ n: 17 })).rejects.toMatchObject({ status: 400, param: 'n' });
  });

  it('n choices are all taken or all refused before anything is sent: 400 past what the server can ever hold, 429 while busy', async () => {
    const { client, model, core } = await serverWithModel({ script: vibeThinkerScript(3000), parallel: 2 });
    await core.handlers.updateSettings({ apiMaxQueue: 0 });
    const ask = (n: number, stream = false) => client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], n, max_tokens: 3000, stream } as OpenAI.ChatCompletionCreateParamsNonStreaming);
    await expect(ask(3)).rejects.toMatchObject({ status: 400, param: 'n' });
    // One sequence busy with a long answer: two more cannot start now, streamed or not, and are told so.
    const controller = new AbortController();
    const busy = client.chat.completions.create({ model, messages: [{ role: 'user', content: 'long' }], max_tokens: 3000, stream: true }, { signal: controller.signal });
    // Its first chunk read, and the stream left open (leaving a for-await loop would cancel it).
    await (await busy)[Symbol.asyncIterator]().next();
    await expect(ask(2, true)).rejects.toMatchObject({ status: 429, code: 'queue_full' });
    await expect(ask(2)).rejects.toMatchObject({ status: 429 });
    controller.abort();
  });

  it('n choices are generated together, each with its own seed, both ways; usage counts the prompt once', async () => {
    const { client, model } = await serverWithModel({ script: forkedScript(['So', 'Ġthe', 'Ġanswer', 'Ġis'], ['Ġthree.', 'Ġfour.']), parallel: 4 });
    const request = { model, messages: [{ role: 'user' as const, content: 'Pick one.' }], n: 6, seed: 7, max_tokens: 40 };
    const whole = await client.chat.completions.create(request);
    expect(whole.choices.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5]);
    const answers = whole.choices.map((c) => c.message.content);
    for (const answer of answers) expect(['So the answer is three.', 'So the answer is four.']).toContain(answer);
    // Six seeds, not one: both branches come up.
    expect(new Set(answers).size).toBe(2);
    const one = await client.chat.completions.create({ ...request, n: 1 });
    expect(whole.usage?.prompt_tokens).toBe(one.usage?.prompt_tokens);
    expect(whole.usage?.completion_tokens).toBe(whole.choices.length * (one.usage?.completion_tokens ?? 0));

    const streamed = new Map<number, { content: string; finish: string | null }>();
    for await (const chunk of await client.chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } })) {
      for (const choice of chunk.choices) {
        const seen = streamed.get(choice.index) ?? { content: '', finish: null };
        seen.content += choice.delta.content ?? '';
        seen.finish = choice.finish_reason ?? seen.finish;
        streamed.set(choice.index, seen);
      }
    }
    expect([...streamed.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const seen of streamed.values()) {
      expect(seen.finish).toBe('stop');
      expect(['So the answer is three.', 'So the answer is four.']).toContain(seen.content);
    }
  });

  it('stops generating when the client disconnects', async () => {
    // A scripted 1,500-step answer: about 20 s of generation here if nothing stopped it.
    const { client, model, core } = await serverWithModel({ script: vibeThinkerScript(1500) });
    const controller = new AbortController();
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Write a lot.' }], stream: true, max_tokens: 3000 }, { signal: controller.signal });
    let chunks = 0;
    try {
      for await (const chunk of stream) {
        if ((chunk.choices[0]?.delta as { reasoning_content?: string } | undefined)?.reasoning_content) chunks++;
        if (chunks === 3) controller.abort();
      }
    } catch {
      // The client reports its own abort.
    }
    expect(chunks).toBe(3);
    const started = Date.now();
    await expect.poll(() => core.llm.pool.status.active, { timeout: 5000 }).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    const next = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'short' }], max_tokens: 4 });
    expect(next.choices[0]?.finish_reason).toBe('length');
  });

  it('batches up to apiParallel requests and queues the rest in order, showing the position', async () => {
    const { base, model, core } = await serverWithModel({ parallel: 2 });
    const post = (content: string) =>
      fetch(`${base}/v1/chat/completions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${testToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ model, stream: true, max_tokens: 60, messages: [{ role: 'user', content }] }),
      }).then((r) => r.text());
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, core.llm.pool.status.active)), 5);
    const bodies = await Promise.all([post('one'), post('two'), post('three')]);
    clearInterval(watch);
    expect(peak).toBe(2);
    expect(bodies.filter((b) => b.includes(': queued, position 1'))).toHaveLength(1);
    for (const body of bodies) expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('answers a repeated temperature-0 request from the cache, marked as a hit; the switch turns it off', async () => {
    const { client, model, core } = await serverWithModel();
    const body = { model, messages: [{ role: 'user' as const, content: 'Deterministic please' }], temperature: 0, max_tokens: 30 };
    const first = await client.chat.completions.create(body).withResponse();
    const second = await client.chat.completions.create(body).withResponse();
    expect(first.response.headers.get('x-workbench-cache')).toBe('miss');
    expect(second.response.headers.get('x-workbench-cache')).toBe('hit');
    expect(second.data.choices[0]?.message.content).toBe(first.data.choices[0]?.message.content);
    // Sampling at temperature > 0 is never cached.
    const warm = await client.chat.completions.create({ ...body, temperature: 0.7 }).withResponse();
    expect(warm.response.headers.get('x-workbench-cache')).toBe('miss');
    await core.handlers.updateSettings({ apiCache: false });
    const off = await client.chat.completions.create(body).withResponse();
    expect(off.response.headers.get('x-workbench-cache')).toBe('miss');
  });
});
