/**
 * `npm run bench:serve [-- --model <gguf>] [--tokens 96] [--levels 1,2,4,8]`
 *
 * Web mode's OpenAI-compatible endpoint under load: for each level N, N
 * streaming requests sent at once (batched in one context, up to
 * apiParallel = the largest level) against the same N requests sent one after
 * another, in one run, on the same server. Prints aggregate tokens/s and the
 * time to first token per request, and the batching gain as a ratio.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { silentLogger } from '../src/core/logger';
import { WorkbenchCore } from '../src/core/workbench-core';
import { startWebServer } from '../src/server/web-server';
import { writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';

const { values } = parseArgs({ options: { model: { type: 'string' }, tokens: { type: 'string', default: '96' }, levels: { type: 'string', default: '1,2,4,8' } } });
const maxTokens = Number(values.tokens);
const levels = (values.levels ?? '1,2,4,8').split(',').map(Number);
const token = 'bench-token-000000000000';

const work = await mkdtemp(join(tmpdir(), 'vibe-bench-serve-'));
const core = await WorkbenchCore.create({ dataDir: work, appVersion: 'bench', mode: 'web', log: silentLogger });
const server = await startWebServer({ core, rendererDir: work, token, port: 0 });
try {
  const modelPath = values.model ?? (await writeTinyModel(join(work, 'tiny.gguf')));
  // Distinct prompts and no cache: every request is generated.
  await core.handlers.updateSettings({ apiParallel: Math.max(...levels), apiCache: false, apiContextSize: 2048 });
  await core.handlers.loadModel({ path: modelPath });
  const model = (await (await fetch(`http://127.0.0.1:${server.port}/v1/models`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { data: { id: string }[] };
  const modelId = model.data[0]?.id ?? '';

  let counter = 0;
  /** One streaming request; resolves with its time to first token and its completion tokens. */
  async function request(): Promise<{ ttftMs: number; tokens: number }> {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${server.port}/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        model: modelId,
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: maxTokens,
        temperature: 0.8,
        seed: counter,
        messages: [{ role: 'user', content: `Problem ${counter++}: how many primes are below ${100 + counter}?` }],
      }),
    });
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    const decoder = new TextDecoder();
    let ttftMs = -1;
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (ttftMs < 0 && /"(content|reasoning_content)":"[^"]/.test(text)) ttftMs = performance.now() - started;
    }
    const usage = /"completion_tokens":(\d+)/.exec(text);
    return { ttftMs, tokens: Number(usage?.[1] ?? 0) };
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  await request(); // warm-up: creates the batch context
  console.log(`model: ${modelId}, ${maxTokens} tokens per request, apiParallel ${Math.max(...levels)}\n`);
  console.log('N | concurrent tok/s | sequential tok/s | gain | TTFT median concurrent | TTFT median sequential');
  for (const n of levels) {
    let started = performance.now();
    const concurrent = await Promise.all(Array.from({ length: n }, () => request()));
    const concurrentSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const sequential: { ttftMs: number; tokens: number }[] = [];
    for (let i = 0; i < n; i++) sequential.push(await request());
    const sequentialSeconds = (performance.now() - started) / 1000;
    const rate = (runs: { tokens: number }[], seconds: number) => runs.reduce((sum, r) => sum + r.tokens, 0) / seconds;
    const concurrentRate = rate(concurrent, concurrentSeconds);
    const sequentialRate = rate(sequential, sequentialSeconds);
    console.log(
      `${n} | ${concurrentRate.toFixed(0)} | ${sequentialRate.toFixed(0)} | ×${(concurrentRate / sequentialRate).toFixed(2)} | ${median(concurrent.map((r) => r.ttftMs)).toFixed(0)} ms | ${median(sequential.map((r) => r.ttftMs)).toFixed(0)} ms`,
    );
  }
} finally {
  await server.close();
  await core.dispose();
  await rm(work, { recursive: true, force: true });
}
