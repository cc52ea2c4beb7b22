/**
 * `npm run bench:serve [-- --model <gguf>] [--tokens 96] [--levels 1,2,4,8]`
 *
 * Web mode's OpenAI-compatible endpoint under load: for each level N, N
 * streaming requests sent at once (batched in one context, up to
 * apiParallel = the largest level) against the same N requests sent one after
 * another, in one run, on the same server. Beside it, in the same run and on
 * the same loaded model, raw node-llama-cpp does the same: one context with
 * as many sequences, N chat sessions prompted at once against one after
 * another. Prints both batching gains, their ratio (workbench ÷ raw, target
 * ≥ 0.95: the workbench batches as well as node-llama-cpp itself) and both
 * median times to first token (target: the workbench's within 1.2× of raw's).
 * On a CPU the raw gain itself is small (compute-bound); on a GPU it is large.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LlamaChatSession, type ChatWrapper, type LlamaContextSequence } from 'node-llama-cpp';
import { silentLogger } from '../src/core/logger';
import { WorkbenchCore } from '../src/core/workbench-core';
import { startWebServer } from '../src/server/web-server';
import { vibeThinkerScript, writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';

const { values } = parseArgs({ options: { model: { type: 'string' }, tokens: { type: 'string', default: '96' }, levels: { type: 'string', default: '1,2,4,8' } } });
const maxTokens = Number(values.tokens);
const levels = (values.levels ?? '1,2,4,8').split(',').map(Number);
const token = 'bench-token-000000000000';

const work = await mkdtemp(join(tmpdir(), 'vibe-bench-serve-'));
const core = await WorkbenchCore.create({ dataDir: work, appVersion: 'bench', mode: 'web', log: silentLogger });
const server = await startWebServer({ core, rendererDir: work, token, port: 0 });
try {
  // The tiny model scripted in VibeThinker's shape (it opens <think> at once), so the time to first
  // token is the first reasoning text, as with the real model (random text is held as a possible preamble).
  const modelPath = values.model ?? (await writeTinyModel(join(work, 'tiny.gguf'), { script: vibeThinkerScript(400) }));
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
  const rate = (runs: { tokens: number }[], seconds: number) => runs.reduce((sum, r) => sum + r.tokens, 0) / seconds;
  /** N runs at once, then N one after another: tokens/s of each and their TTFTs. */
  async function measure(n: number, one: (i: number) => Promise<{ ttftMs: number; tokens: number }>) {
    let started = performance.now();
    const concurrent = await Promise.all(Array.from({ length: n }, (_, i) => one(i)));
    const concurrentRate = rate(concurrent, (performance.now() - started) / 1000);
    started = performance.now();
    const sequential: { ttftMs: number; tokens: number }[] = [];
    for (let i = 0; i < n; i++) sequential.push(await one(0));
    const sequentialRate = rate(sequential, (performance.now() - started) / 1000);
    return { gain: concurrentRate / sequentialRate, concurrentRate, sequentialRate, ttft: median(concurrent.map((r) => r.ttftMs)) };
  }

  // Raw node-llama-cpp on the model the workbench loaded: one context with as many sequences as the API's pool.
  const loaded = core.llm.host.loaded;
  if (!loaded) throw new Error('the model did not load');
  const rawContext = await loaded.model.createContext({ sequences: Math.max(...levels), contextSize: 2048, threads: loaded.context.idealThreads });
  const rawSequences: LlamaContextSequence[] = Array.from({ length: Math.max(...levels) }, () => rawContext.getSequence());
  let rawCounter = 0;
  // The chat wrapper resolved once, as a careful user of node-llama-cpp would (resolving it costs ~0.5 s).
  let rawWrapper: ChatWrapper | null = null;
  async function rawRequest(slot: number): Promise<{ ttftMs: number; tokens: number }> {
    const sequence = rawSequences[slot];
    if (!sequence) throw new Error('no sequence');
    const started = performance.now();
    await sequence.clearHistory();
    const session = new LlamaChatSession({ contextSequence: sequence, autoDisposeSequence: false, ...(rawWrapper ? { chatWrapper: rawWrapper } : {}) });
    rawWrapper ??= session.chatWrapper;
    session.setChatHistory([]);
    const before = sequence.tokenMeter.usedOutputTokens;
    let ttftMs = -1;
    await session.promptWithMeta(`Problem ${rawCounter++}: how many primes are below ${100 + rawCounter}?`, {
      maxTokens,
      temperature: 0.8,
      seed: rawCounter,
      onTextChunk: (text) => {
        if (ttftMs < 0 && text !== '') ttftMs = performance.now() - started;
      },
    });
    session.dispose({ disposeSequence: false });
    return { ttftMs, tokens: sequence.tokenMeter.usedOutputTokens - before };
  }

  await request(); // warm-up: creates the batch context
  await rawRequest(0);
  console.log(`model: ${modelId}, ${maxTokens} tokens per request, apiParallel ${Math.max(...levels)}, threads ${loaded.context.idealThreads}\n`);
  console.log('N | workbench tok/s at once / one by one | gain | raw tok/s at once / one by one | gain | gain ratio (≥ 0.95) | TTFT workbench / raw (≤ 1.2×)');
  let worstRatio = Infinity;
  let worstTtft = 0;
  for (const n of levels) {
    const workbench = await measure(n, () => request());
    const raw = await measure(n, (i) => rawRequest(i));
    const ratio = workbench.gain / raw.gain;
    const ttftRatio = workbench.ttft / raw.ttft;
    worstRatio = Math.min(worstRatio, ratio);
    worstTtft = Math.max(worstTtft, ttftRatio);
    console.log(
      `${n} | ${workbench.concurrentRate.toFixed(0)} / ${workbench.sequentialRate.toFixed(0)} | ×${workbench.gain.toFixed(2)} | ${raw.concurrentRate.toFixed(0)} / ${raw.sequentialRate.toFixed(0)} | ×${raw.gain.toFixed(2)} | ${ratio.toFixed(2)} | ${workbench.ttft.toFixed(0)} / ${raw.ttft.toFixed(0)} ms (×${ttftRatio.toFixed(2)})`,
    );
  }
  console.log(`\nworst gain ratio ${worstRatio.toFixed(2)} (target ≥ 0.95) ${worstRatio >= 0.95 ? 'PASS' : 'FAIL'} · worst TTFT ratio ×${worstTtft.toFixed(2)} (target ≤ 1.2) ${worstTtft <= 1.2 ? 'PASS' : 'FAIL'}`);
  await rawContext.dispose();
} finally {
  await server.close();
  await core.dispose();
  await rm(work, { recursive: true, force: true });
}
