import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBadModels } from '../../../test/fixtures/bad-models';
import { writeTinyModel } from '../../../test/fixtures/tiny-model/tiny-model';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { inspectGguf } from './gguf-inspector';

describe('inspectGguf', () => {
  const tempDir = useTempDirs();

  it('reads name, architecture, parameters, quantization, context and template without loading', async () => {
    const path = await writeTinyModel(join(await tempDir(), 'tiny.gguf'), { contextLength: 32768 });
    const info = await inspectGguf(path);
    expect(info).toMatchObject({
      fileName: 'tiny.gguf',
      name: 'VibeThinker Tiny Test',
      architecture: 'qwen2',
      quantization: 'F32',
      contextLength: 32768,
      chatTemplate: 'ChatML',
      problem: null,
    });
    expect(info.parameterCount).toBeGreaterThan(100_000);
    expect(info.sizeBytes).toBeGreaterThan(400_000);
  });

  it('explains each kind of bad file', async () => {
    const bad = await writeBadModels(await tempDir());
    expect((await inspectGguf(bad.missing)).problem).toBe('File not found.');
    expect((await inspectGguf(bad.notGguf)).problem).toMatch(/Not a GGUF model file/);
    expect((await inspectGguf(bad.truncated)).problem).toMatch(/truncated/);
    expect((await inspectGguf(bad.headerOnly)).problem).toMatch(/truncated/);
    expect((await inspectGguf(bad.unknownArch)).problem).toMatch(/Unsupported architecture "zzzz9"/);
  });
});
