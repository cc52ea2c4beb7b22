/**
 * `npm run bench:serve [-- --model <gguf>] [--tokens 96 (384 for the tiny model)] [--levels 1,2,4,8] [--rounds 3]`
 *
 * Web mode's OpenAI-compatible endpoint under load: for each level N, N
 * streaming requests sent at once (batched in one context, up to
 * apiParallel = the largest level) against the same N requests sent one after
 * another, in one run, on the same server. Beside it, in the same run and on
 * the same loaded model, raw node-llama-cpp does the same: one context with
 * as many sequences, N chat sessions prompted at once against one after
 * another. Each level is measured `rounds` times, the workbench and raw in
 * turn, and the medians are printed: on a shared 2-core machine one round's
 * one-by-one rate moves by a third, and the gain is a ratio of two rates.
 *
 * Printed per level: both batching gains and their ratio (workbench ÷ raw,
 * target ≥ 0.95: the workbench batches as well as node-llama-cpp itself);
 * the tokens/s at once of both and their ratio (the same question asked of
 * throughput alone, without the one-by-one baseline); both median times to
 * first text (target: the workbench's within 1.2× of raw's). The first text
 * is measured alike on both sides: the first reasoning or answer character a
 * client can show, raw's output split by the workbench's own ReasoningSplitter
 * (not the `<think>` tag, which an API client never sees; and not untagged
 * text the split holds as a possible preamble).
 * On a CPU the raw gain itself is small (compute-bound); on a GPU it is large.
 * The HTTP clients run on a thread of their own (see `clientSource`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { LlamaChatSession, type ChatWrapper, type LlamaContextSequence } from 'node-llama-cpp';
import { silentLogger } from '../src/core/logger';
import { ReasoningSplitter } from '../src/core/llm/reasoning-splitter';
import { WorkbenchCore } from '../src/core/workbench-core';
import { startWebServer } from '../src/server/web-server';
import { vibeThinkerScript, writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';

const { values } = parseArgs({ options: { model: { type: 'string' }, tokens: { type: 'string' }, levels: { type: 'string', default: '1,2,4,8' }, rounds: { type: 'string', default: '3' } } });
const rounds = Math.max(1, Number(values.rounds));
// The tiny model writes ~2,300 tok/s: 384 tokens keep a request's fixed costs from being the measure.
const maxTokens = Number(values.tokens ?? (values.model ? 96 : 384));
const levels = (values.levels ?? '1,2,4,8').split(',').map(Number);
const token = 'bench-token-000000000000';

/**
 * The clients' thread (plain JavaScript, run from this string): a streaming request per message,
 * answered with its time to first text (first non-empty reasoning or answer delta) and its usage.
 */
const clientSource = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async ({ id, url, token, body }) => {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let ttftMs = -1;
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (ttftMs < 0 && /"(content|reasoning_content)":"[^"]/.test(text)) ttftMs = performance.now() - started;
  }
  const usage = /"completion_tokens":(\\d+)/.exec(text);
  parentPort.postMessage({ id, ttftMs, tokens: Number(usage ? usage[1] : 0) });
});
`;

// With llama.cpp's threads on every core, the JavaScript thread that dispatches each token (and serves
// HTTP) waits for a time slice: on this 2-core machine the tiny model then ran at 70–120 tok/s in steps
// of up to 44 ms, against ~2,300 tok/s with one thread, and the figures measured the scheduler, not
// batching. For the tiny model (not a --model of one's own) one core is left free unless VIBE_THREADS says.
if (!values.model && process.env.VIBE_THREADS === undefined) process.env.VIBE_THREADS = String(Math.max(1, availableParallelism() - 1));
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

  // The HTTP clients run on a thread of their own, as real clients are other programs: in the server's
  // thread their reading and parsing of every chunk was charged to the workbench.
  const clients = new Worker(clientSource, { eval: true });
  clients.unref();
  const pending = new Map<number, (result: { ttftMs: number; tokens: number }) => void>();
  clients.on('message', (message: { id: number; ttftMs: number; tokens: number }) => pending.get(message.id)?.(message));
  let counter = 0;
  /** One streaming request, sent by the clients' thread; resolves with its time to first text and its completion tokens. */
  function request(): Promise<{ ttftMs: number; tokens: number }> {
    const id = counter++;
    const body = {
      model: modelId,
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: maxTokens,
      temperature: 0.8,
      seed: id,
      messages: [{ role: 'user', content: `Problem ${id}: how many primes are below ${100 + id}?` }],
    };
    return new Promise((resolve) => {
      pending.set(id, (result) => {
        pending.delete(id);
        resolve(result);
      });
      clients.postMessage({ id, url: `http://127.0.0.1:${server.port}/v1/chat/completions`, token, body });
    });
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
    // The first text a client could show, by the workbench's own rule: the output split into reasoning and
    // answer as the workbench splits it. Untagged output (a random model's) is held as a possible preamble
    // until a tag or 500 characters; raw counted from its first character would measure that rule, not
    // the workbench's cost (on the real-shape model: 3.2 s against 0.26 s, ×12).
    const splitter = new ReasoningSplitter();
    await session.promptWithMeta(`Problem ${rawCounter++}: how many primes are below ${100 + rawCounter}?`, {
      maxTokens,
      temperature: 0.8,
      seed: rawCounter,
      onResponseChunk: (chunk) => {
        const part = chunk.type === 'segment' && chunk.segmentType === 'thought' ? splitter.pushReasoning(chunk.text) : splitter.push(chunk.text);
        if (ttftMs < 0 && (part.reasoning !== '' || part.answer !== '')) ttftMs = performance.now() - started;
      },
    });
    const rest = splitter.finish();
    if (ttftMs < 0 && (rest.reasoning !== '' || rest.answer !== '')) ttftMs = performance.now() - started;
    session.dispose({ disposeSequence: false });
    return { ttftMs, tokens: sequence.tokenMeter.usedOutputTokens - before };
  }

  await request(); // warm-up: creates the batch context
  await rawRequest(0);
  console.log(`model: ${modelId}, ${maxTokens} tokens per request, apiParallel ${Math.max(...levels)}, threads ${loaded.context.idealThreads}\n`);
  console.log(`${rounds} rounds per level, medians\n`);
  console.log('N | workbench tok/s at once / one by one | gain | raw tok/s at once / one by one | gain | gain ratio (≥ 0.95) | at-once ratio | TTFT workbench / raw (≤ 1.2×)');
  let worstRatio = Infinity;
  let worstTtft = 0;
  for (const n of levels) {
    const wb: Awaited<ReturnType<typeof measure>>[] = [];
    const rw: Awaited<ReturnType<typeof measure>>[] = [];
    for (let round = 0; round < rounds; round++) {
      wb.push(await measure(n, () => request()));
      rw.push(await measure(n, (i) => rawRequest(i)));
    }
    const of = (runs: typeof wb) => ({
      concurrentRate: median(runs.map((r) => r.concurrentRate)),
      sequentialRate: median(runs.map((r) => r.sequentialRate)),
      ttft: median(runs.map((r) => r.ttft)),
    });
    const workbench = of(wb);
    const raw = of(rw);
    const wbGain = workbench.concurrentRate / workbench.sequentialRate;
    const rawGain = raw.concurrentRate / raw.sequentialRate;
    const ratio = wbGain / rawGain;
    const ttftRatio = workbench.ttft / raw.ttft;
    worstRatio = Math.min(worstRatio, ratio);
    worstTtft = Math.max(worstTtft, ttftRatio);
    console.log(
      `${n} | ${workbench.concurrentRate.toFixed(0)} / ${workbench.sequentialRate.toFixed(0)} | ×${wbGain.toFixed(2)} | ${raw.concurrentRate.toFixed(0)} / ${raw.sequentialRate.toFixed(0)} | ×${rawGain.toFixed(2)} | ${ratio.toFixed(2)} | ${(workbench.concurrentRate / raw.concurrentRate).toFixed(2)} | ${workbench.ttft.toFixed(0)} / ${raw.ttft.toFixed(0)} ms (×${ttftRatio.toFixed(2)})`,
    );
  }
  console.log(`\nworst gain ratio ${worstRatio.toFixed(2)} (target ≥ 0.95) ${worstRatio >= 0.95 ? 'PASS' : 'FAIL'} · worst TTFT ratio ×${worstTtft.toFixed(2)} (target ≤ 1.2) ${worstTtft <= 1.2 ? 'PASS' : 'FAIL'}`);
  await clients.terminate();
  await rawContext.dispose();
} finally {
  await server.close();
  await core.dispose();
  await rm(work, { recursive: true, force: true });
}
