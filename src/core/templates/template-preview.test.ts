import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTinyModel } from '../../../test/fixtures/tiny-model/tiny-model';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { silentLogger } from '../logger';
import { WorkbenchCore } from '../workbench-core';
import { builtInTemplates } from './built-in-templates';

const math = builtInTemplates.find((t) => t.id === 'math');

describe('previewTemplate', () => {
  const tempDir = useTempDirs();
  const cores: WorkbenchCore[] = [];
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((c) => c.dispose()));
  });

  async function core() {
    const c = await WorkbenchCore.create({ dataDir: await tempDir(), appVersion: '0', mode: 'web', log: silentLogger });
    cores.push(c);
    return c;
  }

  it('shows ChatML and an estimate while no model is loaded', async () => {
    const c = await core();
    const preview = await c.handlers.previewTemplate({ template: math!, values: { problem: 'What is 1+1?' } });
    expect(preview.prompt).toBe("<|im_start|>user\nWhat is 1+1?\nLet's think step by step and output the final answer within \\boxed{}.<|im_end|>\n<|im_start|>assistant\n");
    expect(preview).toMatchObject({ exactTokens: false, contextSize: null, unknown: [] });
  });

  it('formats with the loaded model’s chat template and counts its tokens exactly', async () => {
    const c = await core();
    await c.handlers.updateSettings({ backend: 'cpu', contextSize: 1024 });
    await c.handlers.loadModel({ path: await writeTinyModel(join(await tempDir(), 'tiny.gguf')) });
    const preview = await c.handlers.previewTemplate({ template: math!, values: { problem: 'What is 1+1?' } });
    expect(preview.prompt).toContain('<|im_start|>user\nWhat is 1+1?');
    expect(preview.prompt).toContain('<|im_start|>assistant\n');
    expect(preview).toMatchObject({ exactTokens: true, contextSize: 1024 });
    expect(preview.tokens).toBeGreaterThan(20);
  });
});
