/**
 * `npm run bench:solve [-- --model <gguf>] [--samples 4] [--tokens 128]`
 *
 * Solve ×N against the same N answers asked one after another, in one run on
 * one loaded model: wall time of each and the ratio (sequential ÷ at once).
 * Both go through the same batched pool with the same max tokens, so the
 * difference is the batching alone. On this 2-core CPU the gain is small by
 * physics (decoding is compute-bound); on a GPU it is several-fold.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CompletionPool } from '../src/core/llm/completion-pool';
import { silentLogger } from '../src/core/logger';
import { solveN } from '../src/core/solve/solve';
import { WorkbenchCore } from '../src/core/workbench-core';
import { vibeThinkerScript, writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';

const { values } = parseArgs({ options: { model: { type: 'string' }, samples: { type: 'string', default: '4' }, tokens: { type: 'string', default: '128' } } });
const samples = Number(values.samples);
const maxTokens = Number(values.tokens);
const work = await mkdtemp(join(tmpdir(), 'vibe-bench-solve-'));
const core = await WorkbenchCore.create({ dataDir: work, appVersion: 'bench', mode: 'web', log: silentLogger });
const pool = new CompletionPool({ host: core.llm.host, parallel: () => samples, contextSize: () => 2048, cache: () => false, maxQueue: () => samples });
try {
  await core.handlers.loadModel({ path: values.model ?? (await writeTinyModel(join(work, 'tiny.gguf'), { script: vibeThinkerScript(1000) })) });
  const sampling = { temperature: 0.6, topP: 0.95, topK: 0, maxTokens };
  const common = { pool, system: null, user: 'What is 2 + 2?', sampling, problem: null, kind: 'math' as const };
  await solveN({ ...common, samples: 2 }); // warm-up: the pool's context
  let started = performance.now();
  const atOnce = await solveN({ ...common, samples });
  const atOnceSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  let sequentialTokens = 0;
  for (let i = 0; i < samples; i++) {
    const one = await pool.complete({ messages: [{ role: 'user', content: common.user }], maxTokens, temperature: 0.6, topP: 0.95, stop: [], signal: new AbortController().signal });
    sequentialTokens += one.completionTokens;
  }
  const sequentialSeconds = (performance.now() - started) / 1000;
  const atOnceTokens = atOnce.candidates.reduce((sum, c) => sum + c.completionTokens, 0);
  console.log(`Solve ×${samples}: ${atOnceSeconds.toFixed(2)} s (${atOnceTokens} tokens) · ${samples} answers one after another: ${sequentialSeconds.toFixed(2)} s (${sequentialTokens} tokens)`);
  console.log(`speed-up ×${(sequentialSeconds / atOnceSeconds).toFixed(2)} (tokens/s ${(atOnceTokens / atOnceSeconds).toFixed(0)} at once vs ${(sequentialTokens / sequentialSeconds).toFixed(0)} one by one)`);
} finally {
  await pool.dispose();
  await core.dispose();
  await rm(work, { recursive: true, force: true });
}
