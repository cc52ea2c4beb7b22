/**
 * `npm run bench:llm [-- --model <gguf>] [--runs 5] [--tokens 256] [--context 4096]`
 * `npm run bench:llm -- --shape vibethinker [--runs 3] [--tokens 32]`
 *
 * The same prompt on the same model, alternating between raw node-llama-cpp
 * (in this process) and the workbench as a browser sees it (a real `vibe
 * serve`, HTTP to start, WebSocket deltas to receive). Prints medians and the
 * ratios the model host is held to: delivered tokens/s ≥ 0.97 of raw, time to
 * first token within 10 ms of raw.
 *
 * `--shape vibethinker` runs a model of VibeThinker-1.5B's real shape (random
 * Q8_0 weights, ~1.6 GB, written to the temp folder on first use and kept
 * there) with the real 40,960-token context, prints what the workbench's model
 * host reports for it (context, memory, threads), and puts both decode speeds
 * beside this machine's limit: memory bandwidth measured in the same run ÷ the
 * bytes of weights read per token.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getLlama, LlamaChatSession } from 'node-llama-cpp';
import WebSocket from 'ws';
import { writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';
import { autoThreadCount } from '../src/core/llm/physical-cores';
import type { ModelStatus } from '../src/shared/models';
import { shapeWeightBytes, writeShapeModel } from '../test/fixtures/tiny-model/real-shape-model';
import { measureReadBandwidth } from './memory-bandwidth';

const { values } = parseArgs({
  options: { model: { type: 'string' }, shape: { type: 'string' }, runs: { type: 'string' }, tokens: { type: 'string' }, context: { type: 'string' } },
});
if (values.shape !== undefined && values.shape !== 'vibethinker') throw new Error(`--shape: only "vibethinker" is known, not "${values.shape}"`);
const realShape = values.shape === 'vibethinker';
const runs = Number(values.runs ?? (realShape ? 3 : 5));
const maxTokens = Number(values.tokens ?? (realShape ? 32 : 256));
const contextSize = Number(values.context ?? (realShape ? 40_960 : 4096));
const prompt = 'Find all integers n such that n^2 + 1 is divisible by n + 1. Explain step by step.';
const threads = autoThreadCount();

interface Sample {
  ttftMs: number;
  tokensPerSecond: number;
  tokens: number;
}

const work = await mkdtemp(join(tmpdir(), 'vibe-bench-llm-'));
const modelPath = realShape
  ? await writeShapeModel(join(tmpdir(), 'vibe-bench-vibethinker-shape-q8_0.gguf'))
  : (values.model ?? (await writeTinyModel(join(work, 'tiny.gguf'))));

// Raw node-llama-cpp: the floor the workbench is measured against.
const llama = await getLlama({ gpu: 'auto' });
const model = await llama.loadModel({ modelPath });
const context = await model.createContext({ contextSize, threads, sequences: 1 });
const session = new LlamaChatSession({ contextSequence: context.getSequence() });

async function raw(): Promise<Sample> {
  session.setChatHistory([]);
  const meter = session.sequence.tokenMeter.usedOutputTokens;
  const start = performance.now();
  let first: number | null = null;
  await session.prompt(prompt, { maxTokens, temperature: 0, onTextChunk: () => (first ??= performance.now()) });
  const end = performance.now();
  const tokens = session.sequence.tokenMeter.usedOutputTokens - meter;
  return { ttftMs: (first ?? end) - start, tokensPerSecond: tokens / ((end - start) / 1000), tokens };
}

// The workbench: a real web-mode server, used the way the browser uses it.
const token = 'bench-token';
const server = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'vibe.mjs'), 'serve', '--port', '0', '--data-dir', join(work, 'data'), '--models-dir', join(work, 'models')], {
  env: { ...process.env, VIBE_TOKEN: token },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /Open: (http:\/\/[^/]+)/.exec(out);
    if (m?.[1]) resolve(m[1]);
  });
  server.on('exit', () => reject(new Error(out)));
});
const call = async (method: string, input: unknown) => {
  const res = await fetch(`${base}/api/call/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ input }) });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message);
  return body.value;
};
await call('updateSettings', { threads, contextSize });
await call('loadModel', { path: modelPath });
const status = (await call('getModelStatus', undefined)) as ModelStatus;
if (status.state !== 'ready') throw new Error(`the workbench did not load the model: ${status.error ?? status.state}`);
const socket = new WebSocket(`${base.replace('http', 'ws')}/api/events?token=${token}`);
await new Promise((r) => socket.once('message', r));

async function viaApi(n: number): Promise<Sample> {
  const id = `bench-${n}`;
  let first: number | null = null;
  const finished = new Promise<{ completionTokens: number }>((resolve) => {
    const onMessage = (data: Buffer) => {
      const m = JSON.parse(data.toString()) as { name: string; payload: { id: string; stats?: { completionTokens: number } } };
      if (m.payload?.id !== id) return;
      if (m.name === 'generationDelta') first ??= performance.now();
      if (m.name === 'generationFinished' && m.payload.stats) {
        socket.off('message', onMessage);
        resolve(m.payload.stats);
      }
    };
    socket.on('message', onMessage);
  });
  const start = performance.now();
  await call('generate', { id, prompt, sampling: { maxTokens, temperature: 0 }, newConversation: true });
  const stats = await finished;
  const end = performance.now();
  return { ttftMs: (first ?? end) - start, tokensPerSecond: stats.completionTokens / ((end - start) / 1000), tokens: stats.completionTokens };
}

// Warm both paths once, then alternate.
await raw();
await viaApi(-1);
const rawSamples: Sample[] = [];
const apiSamples: Sample[] = [];
// llama.cpp's worker threads spin briefly after a run; on a small machine that would
// slow whichever side runs next, so both sides get the same pause before each run.
const settle = () => new Promise((r) => setTimeout(r, 500));
for (let i = 0; i < runs; i++) {
  await settle();
  rawSamples.push(await raw());
  await settle();
  apiSamples.push(await viaApi(i));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const rawTps = median(rawSamples.map((s) => s.tokensPerSecond));
const apiTps = median(apiSamples.map((s) => s.tokensPerSecond));
const rawTtft = median(rawSamples.map((s) => s.ttftMs));
const apiTtft = median(apiSamples.map((s) => s.ttftMs));
const ratio = apiTps / rawTps;
const ttftGap = apiTtft - rawTtft;

console.log(`model ${modelPath}`);
console.log(`backend ${llama.gpu || 'cpu'} · threads ${threads} · context ${contextSize} · ${maxTokens} tokens · ${runs} runs alternating · greedy`);
console.log(`${''.padEnd(26)}${'raw node-llama-cpp'.padStart(20)}${'workbench (HTTP+WS)'.padStart(22)}`);
console.log(`${'tokens/s (median)'.padEnd(26)}${rawTps.toFixed(1).padStart(20)}${apiTps.toFixed(1).padStart(22)}`);
console.log(`${'first token ms (median)'.padEnd(26)}${rawTtft.toFixed(1).padStart(20)}${apiTtft.toFixed(1).padStart(22)}`);
console.log(`delivered tokens/s ratio: ${ratio.toFixed(3)} (target ≥ 0.97) ${ratio >= 0.97 ? 'PASS' : 'FAIL'}`);
console.log(`time to first token: ${ttftGap >= 0 ? '+' : ''}${ttftGap.toFixed(1)} ms vs raw (target ≤ 10 ms) ${ttftGap <= 10 ? 'PASS' : 'FAIL'}`);
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;
console.log(`workbench's model host: context ${status.contextSize.toLocaleString('en')} tokens · RAM ${gb(status.ramUsedBytes)} · VRAM ${gb(status.vramUsedBytes)} · ${status.gpuLayers}/${status.totalLayers} layers on GPU · ${status.threads} threads${status.notice ? ` · ${status.notice}` : ''}`);
if (realShape) {
  const weightBytes = shapeWeightBytes();
  const bandwidth = await measureReadBandwidth(threads);
  const limit = bandwidth / weightBytes;
  console.log(`physical limit: ${gb(weightBytes)} of weights read per token ÷ ${gb(bandwidth)}/s read bandwidth (${threads} threads, measured now) = ${limit.toFixed(2)} tokens/s`);
  console.log(`share of the limit: raw ${((rawTps / limit) * 100).toFixed(0)}% · workbench ${((apiTps / limit) * 100).toFixed(0)}%`);
}

socket.close();
server.kill('SIGTERM');
await context.dispose();
await model.dispose();
await llama.dispose();
await rm(work, { recursive: true, force: true });
