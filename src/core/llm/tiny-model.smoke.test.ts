import { join } from 'node:path';
import { getLlama, LlamaChatSession, readGgufFileInfo, type Llama } from 'node-llama-cpp';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTinyModel, writeTinyModel } from '../../../test/fixtures/tiny-model/tiny-model';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { autoThreadCount } from './physical-cores';

/**
 * The tiny test model must be a real GGUF that the pinned node-llama-cpp
 * reads and runs: later features (model host, streaming, stop) are tested on it.
 */
describe('tiny test model', () => {
  const tempDir = useTempDirs();
  let llama: Llama | undefined;
  afterAll(async () => {
    await llama?.dispose();
  });

  it('is deterministic for a seed and different across seeds', () => {
    expect(Buffer.from(buildTinyModel({ seed: 7 })).equals(Buffer.from(buildTinyModel({ seed: 7 })))).toBe(true);
    expect(Buffer.from(buildTinyModel({ seed: 7 })).equals(Buffer.from(buildTinyModel({ seed: 8 })))).toBe(false);
  });

  it('has the metadata of a qwen2 ChatML model with <think> tokens', async () => {
    const path = await writeTinyModel(join(await tempDir(), 'tiny.gguf'), { contextLength: 8192 });
    const info = await readGgufFileInfo(path);
    expect(info.version).toBe(3);
    expect(info.metadata.general.architecture).toBe('qwen2');
    const meta = info.metadata as unknown as Record<string, Record<string, unknown>>;
    expect(meta.qwen2?.context_length).toBe(8192);
    const tokenizer = info.metadata.tokenizer as unknown as { ggml: { tokens: string[]; model: string }; chat_template: string };
    expect(tokenizer.ggml.model).toBe('gpt2');
    expect(tokenizer.ggml.tokens).toEqual(expect.arrayContaining(['<|im_start|>', '<|im_end|>', '<think>', '</think>']));
    expect(tokenizer.chat_template).toContain('<|im_start|>');
  });

  it('loads through node-llama-cpp and streams tokens', async () => {
    const path = await writeTinyModel(join(await tempDir(), 'tiny.gguf'));
    llama = await getLlama({ gpu: false });
    const model = await llama.loadModel({ modelPath: path });
    expect(model.tokenizer('<think>x</think>', true)).toHaveLength(3);
    const context = await model.createContext({ contextSize: 512, threads: autoThreadCount() });
    const session = new LlamaChatSession({ contextSequence: context.getSequence() });
    const chunks: string[] = [];
    let tokens = 0;
    const text = await session.prompt('Solve 1+1.', {
      maxTokens: 12,
      onTextChunk: (chunk) => chunks.push(chunk),
      onToken: (batch) => (tokens += batch.length),
    });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(text);
    expect(tokens).toBeGreaterThan(1);
    expect(tokens).toBeLessThanOrEqual(12);
    await context.dispose();
    await model.dispose();
  });
});
