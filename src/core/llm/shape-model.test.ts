import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { getLlama, LlamaCompletion, readGgufFileInfo } from 'node-llama-cpp';
import { describe, expect, it } from 'vitest';
import { autoThreadCount } from './physical-cores';
import { shapeWeightBytes, vibeThinkerShape, writeShapeModel, type ModelShape } from '../../../test/fixtures/tiny-model/real-shape-model';
import { useTempDirs } from '../../../test/helpers/temp-dir';

/**
 * The writer behind `bench:llm --shape vibethinker`, at a small size: its Q8_0
 * GGUF is one that the pinned node-llama-cpp reads, loads and runs.
 */
describe('shape model writer', () => {
  const tempDir = useTempDirs();
  const small: ModelShape = { embedding: 128, layers: 2, heads: 4, kvHeads: 2, feedForward: 256, vocabulary: 4096, contextLength: 2048 };

  it('writes a Q8_0 model of the given shape that loads and generates, and keeps a finished file', async () => {
    const path = await writeShapeModel(join(await tempDir(), 'shape.gguf'), small);
    const info = await readGgufFileInfo(path);
    expect(info.architectureMetadata).toMatchObject({ embedding_length: 128, block_count: 2, feed_forward_length: 256 });
    const tensors = info.fullTensorInfo ?? [];
    expect(tensors.find((t) => t.name === 'blk.1.ffn_down.weight')).toMatchObject({ dimensions: [256, 128], ggmlType: 8 });
    expect(tensors.some((t) => t.name === 'output.weight')).toBe(false);
    expect(shapeWeightBytes(small)).toBe(128 * 4096 * (34 / 32) + 2 * 128 * (128 + 64 + 64 + 128 + 3 * 256) * (34 / 32) + (128 + 2 * (128 + 128 + 64 + 64 + 128)) * 4);

    const llama = await getLlama({ gpu: false });
    try {
      const model = await llama.loadModel({ modelPath: path });
      expect(model.fileInfo.metadata.tokenizer.ggml.tokens).toHaveLength(4096);
      const context = await model.createContext({ contextSize: 256, threads: autoThreadCount() });
      const completion = new LlamaCompletion({ contextSequence: context.getSequence() });
      let tokens = 0;
      const { metadata } = await completion.generateCompletionWithMeta('Hello', { maxTokens: 8, onToken: (t) => (tokens += t.length) });
      // Random weights: the first token drawn can be an end-of-generation one (seen about once in a hundred runs),
      // which is generating too. Otherwise it writes until max tokens.
      if (metadata.stopReason === 'eogToken') expect(tokens).toBeLessThan(8);
      else expect([metadata.stopReason, tokens]).toEqual(['maxTokens', 8]);
      await context.dispose();
      await model.dispose();
    } finally {
      await llama.dispose();
    }

    const before = await stat(path);
    await writeShapeModel(path, small);
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
  });

  it('the real shape reads ~1.6 GB of weights per token', () => {
    expect(shapeWeightBytes(vibeThinkerShape) / 1e9).toBeCloseTo(1.64, 1);
  });
});
