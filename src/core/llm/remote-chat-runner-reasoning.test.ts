import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { GenerationDelta } from '../../shared/generation';
import { RemoteChatRunner } from './remote-chat-runner';

type Chunk = { content?: string; reasoning_content?: string; finish_reason?: string };

/**
 * A stand-in OpenAI-compatible server streaming `chunks` as server-sent
 * events; with `hang` it never ends the stream (the client has to stop).
 */
async function serve(chunks: Chunk[], hang = false): Promise<Server & { url: string }> {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    for (const c of chunks) {
      const { finish_reason = null, ...delta } = c;
      res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta, finish_reason }] })}\n\n`);
    }
    if (!hang) res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(server, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` });
}

/**
 * Servers differ in where a preamble before `<think>` ends up (in `content`
 * before `reasoning_content`, or in the content with tags); the runner's
 * deltas and result agree either way, and a stop inside the reasoning keeps
 * it as reasoning.
 */
describe('RemoteChatRunner: the reasoning/answer split, live and final', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      server.close();
    }
  });

  async function generate(chunks: Chunk[], options: { hang?: boolean; stopAfter?: number } = {}) {
    const server = await serve(chunks, options.hang);
    servers.push(server);
    const runner = new RemoteChatRunner(() => ({ baseUrl: server.url, apiKey: null, model: 'm' }));
    const deltas: GenerationDelta[] = [];
    const result = await runner.generate(
      { id: 'r', prompt: 'What is 2+2?' },
      {
        onDelta: (d) => {
          deltas.push(d);
          if (options.stopAfter !== undefined && deltas.length >= options.stopAfter) runner.stop('r');
        },
      },
    );
    const streamed = { reasoning: deltas.map((d) => d.reasoning).join(''), answer: deltas.map((d) => d.answer).join('') };
    return { result, streamed, final: { reasoning: result.reasoning, answer: result.answer } };
  }

  it('a preamble sent as content before reasoning_content goes to the reasoning, once', async () => {
    const { result, streamed, final } = await generate([{ content: 'Okay, ' }, { content: 'I will work this out. ' }, { reasoning_content: 'Let us add.' }, { content: '\n\nIt is 4.' }, { finish_reason: 'stop' }]);
    expect(final).toEqual({ reasoning: 'Okay, I will work this out. Let us add.', answer: 'It is 4.' });
    expect(streamed).toEqual(final);
    expect(result.reasoningState).toBe('closed');
  });

  it('a preamble and <think> tags inside the content split the same way', async () => {
    const { streamed, final } = await generate([{ content: 'Okay. <th' }, { content: 'ink>Let us add.</thi' }, { content: 'nk>\n\nIt is 4.' }, { finish_reason: 'stop' }]);
    expect(final).toEqual({ reasoning: 'Okay. Let us add.', answer: 'It is 4.' });
    expect(streamed).toEqual(final);
  });

  it('stopped inside the reasoning: the reasoning stays reasoning, no answer, state open', async () => {
    const { result, streamed, final } = await generate([{ content: '<think>Let us add' }, { content: ' two and two' }], { hang: true, stopAfter: 2 });
    expect(result.stats.stopReason).toBe('stopped');
    expect(final).toEqual({ reasoning: 'Let us add two and two', answer: '' });
    expect(result.reasoningState).toBe('open');
    expect(streamed).toEqual(final);
  });

  it('a server that streams a chunk per token gets batched deltas, as the embedded model does, adding up to the result', async () => {
    const chunks: Chunk[] = [{ content: '<think>' }, ...Array.from({ length: 2000 }, (_, i) => ({ content: ` ${i}` })), { content: '</think>Four.' }, { finish_reason: 'stop' }];
    const server = await serve(chunks);
    servers.push(server);
    const runner = new RemoteChatRunner(() => ({ baseUrl: server.url, apiKey: null, model: 'm' }));
    const deltas: GenerationDelta[] = [];
    const result = await runner.generate({ id: 'r', prompt: 'Count.' }, { onDelta: (d) => deltas.push(d) });
    expect(deltas.length).toBeLessThan(100);
    expect(deltas.map((d) => d.reasoning).join('')).toBe(result.reasoning);
    expect(deltas.map((d) => d.answer).join('')).toBe('Four.');
    expect(deltas.at(-1)?.completionTokens).toBe(result.stats.completionTokens);
  });

  it('a server set to continue replies that starts a new one instead is a clear error, not reasoning put into the answer', async () => {
    // It answers every request the same way, the continuation request included: it ignores the prefill.
    const server = await serve([{ content: '<think>Let' }, { content: ' us' }, { content: ' add' }, { content: ' two' }, { content: ' and' }, { content: ' two.' }, { content: '</think>Four.' }, { finish_reason: 'stop' }]);
    servers.push(server);
    const runner = new RemoteChatRunner(() => ({ baseUrl: server.url, apiKey: null, model: 'm', continuation: 'prefill' }));
    const result = await runner.generate({ id: 'r', prompt: 'What is 2+2?', sampling: { reasoningBudget: 3, maxTokens: 100 } });
    expect(result.error).toMatch(/started a new reply instead of continuing/);
    expect(result.answer).not.toContain('<think>');
    expect(result.answer).not.toContain('Let us');
  });
});
