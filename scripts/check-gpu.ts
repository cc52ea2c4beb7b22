/**
 * `npm run check:gpu`: proves the GPU path on whatever GPU this machine has
 * (CUDA, Vulkan or Metal): loads the tiny model with every layer offloaded,
 * streams from it, and prints backend, device, layers offloaded and tokens/s.
 * Exits 1 when no GPU backend can be used.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLlama, LlamaChatSession } from 'node-llama-cpp';
import { writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';

const dir = await mkdtemp(join(tmpdir(), 'vibe-gpu-'));
try {
  const llama = await getLlama({ gpu: 'auto', build: 'never' });
  if (llama.gpu === false) {
    console.error('No GPU backend is usable here (CUDA, Vulkan and Metal were not found); nothing to check.');
    process.exitCode = 1;
  } else {
    const path = await writeTinyModel(join(dir, 'tiny.gguf'), { embedding: 256, layers: 4 });
    const model = await llama.loadModel({ modelPath: path, gpuLayers: 'max' });
    const context = await model.createContext({ contextSize: 2048 });
    const session = new LlamaChatSession({ contextSequence: context.getSequence() });
    const start = performance.now();
    let first: number | null = null;
    let chunks = 0;
    await session.prompt('Stream some tokens.', { maxTokens: 256, temperature: 0, onTextChunk: () => { first ??= performance.now(); chunks++; } });
    const end = performance.now();
    const tokens = session.sequence.tokenMeter.usedOutputTokens;
    const vram = await llama.getVramState();
    console.log(`backend:          ${llama.gpu}`);
    console.log(`devices:          ${(await llama.getGpuDeviceNames()).join(', ') || '(unnamed)'}`);
    console.log(`layers offloaded: ${model.gpuLayers} of ${model.fileInsights.totalLayers}`);
    console.log(`VRAM:             ${(vram.used / 1e6).toFixed(0)} MB used of ${(vram.total / 1e6).toFixed(0)} MB`);
    console.log(`streamed:         ${tokens} tokens in ${chunks} chunks, first after ${((first ?? end) - start).toFixed(1)} ms`);
    console.log(`tokens/s:         ${(tokens / ((end - start) / 1000)).toFixed(1)}`);
    if (model.gpuLayers < model.fileInsights.totalLayers) {
      console.error('Not every layer is on the GPU.');
      process.exitCode = 1;
    }
    await context.dispose();
    await model.dispose();
  }
  await llama.dispose();
} finally {
  await rm(dir, { recursive: true, force: true });
}
