import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBadModels } from './fixtures/bad-models';
import { buildTinyModel, vibeThinkerScript, writeTinyModel } from './fixtures/tiny-model/tiny-model';
import { startModelFileServer, type ModelFileServer } from './helpers/model-file-server';
import { runVibe, waitForOutput } from './helpers/run-vibe';
import { useTempDirs } from './helpers/temp-dir';

describe('vibe ask and vibe models (real processes, tiny model)', () => {
  const tempDir = useTempDirs();
  let server: ModelFileServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('ask --json prints one result with reasoning, answer, boxed answer and stats', async () => {
    const model = await writeTinyModel(join(await tempDir(), 'tiny.gguf'));
    const run = runVibe(['ask', '--json', '--model', model, '--max-tokens', '16', '--data-dir', await tempDir(), 'What is 2+2?']);
    expect(await run.exit).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(['answer', 'boxed', 'model', 'reasoning', 'reasoningCut', 'stats']);
    expect(result.stats).toMatchObject({ completionTokens: 16, stopReason: 'maxTokens' });
  });

  it('ask --reasoning-budget closes the reasoning there and the model answers', async () => {
    const model = await writeTinyModel(join(await tempDir(), 'tiny.gguf'), { script: vibeThinkerScript(500) });
    const run = runVibe(['ask', '--json', '--model', model, '--reasoning-budget', '40', '--max-tokens', '400', '--data-dir', await tempDir(), 'What is 2+2?']);
    expect(await run.exit).toBe(0);
    const result = JSON.parse(run.stdout) as { answer: string; boxed: string; reasoningCut: { by: string; atTokens: number } | null };
    expect(result).toMatchObject({ answer: 'The answer is $\\boxed{4}$.', boxed: '4', reasoningCut: { by: 'budget' } });
    expect(result.reasoningCut?.atTokens).toBeLessThan(50);
  });

  it('ask streams to the terminal and prints the stats line', async () => {
    const model = await writeTinyModel(join(await tempDir(), 'tiny.gguf'));
    const run = runVibe(['ask', '--model', model, '--max-tokens', '12', '--data-dir', await tempDir(), 'hello']);
    expect(await run.exit).toBe(0);
    expect(run.stdout).toMatch(/── (answer|reasoning) ──/);
    expect(run.stderr).toMatch(/\d+ prompt \+ 12 completion tokens · [\d.]+ tok\/s · first token \d+ ms · max tokens reached/);
  });

  it('Ctrl+C stops an answer mid-way: the text so far and the stats are printed, exit 130', async () => {
    const model = await writeTinyModel(join(await tempDir(), 'tiny.gguf'), { script: vibeThinkerScript(3000) });
    const run = runVibe(['ask', '--model', model, '--data-dir', await tempDir(), 'What is 2+2?']);
    await waitForOutput(run, /\(20\)/);
    run.child.kill('SIGINT');
    expect(await run.exit, run.stderr).toBe(130);
    expect(run.stdout + run.stderr).toContain('(20)');
    expect(run.stderr).toMatch(/stopped/);
  });

  it('ask with a bad model file prints one clear line and exits 1', async () => {
    const bad = await writeBadModels(await tempDir());
    for (const [path, message] of [
      [bad.notGguf, /Not a GGUF model file/],
      [bad.truncated, /truncated/],
      [bad.missing, /File not found/],
    ] as const) {
      const run = runVibe(['ask', '--model', path, '--data-dir', await tempDir(), 'hi']);
      expect(await run.exit).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
  });

  it('models pull downloads from the configured endpoint with progress, then list shows it', async () => {
    server = await startModelFileServer({
      repos: { 'mradermacher/VibeThinker-1.5B-GGUF': { 'VibeThinker-1.5B.Q4_K_M.gguf': buildTinyModel() } },
      chunkBytes: 32 * 1024,
      chunkDelayMs: 30,
    });
    const dataDir = await tempDir();
    const modelsDir = join(dataDir, 'models');
    const pull = runVibe(['models', 'pull', 'q4_k_m', '--data-dir', dataDir], { HF_ENDPOINT: server.endpoint });
    expect(await pull.exit).toBe(0);
    expect(pull.stderr).toMatch(/%\s+[\d.]+ KB of 442\.5 KB · [\d.]+ (KB|MB)\/s · ETA \d+:\d\d/);
    expect(pull.stdout).toContain(`Downloaded VibeThinker-1.5B Q4_K_M to ${join(modelsDir, 'VibeThinker-1.5B.Q4_K_M.gguf')}`);
    expect(await readdir(modelsDir)).toEqual(['VibeThinker-1.5B.Q4_K_M.gguf']);

    const list = runVibe(['models', 'list', '--json', '--models-dir', modelsDir, '--data-dir', dataDir]);
    expect(await list.exit).toBe(0);
    const catalog = JSON.parse(list.stdout) as { models: { fileName: string; architecture: string }[]; downloads: { id: string; installedPath: string | null }[] };
    expect(catalog.models).toEqual([expect.objectContaining({ fileName: 'VibeThinker-1.5B.Q4_K_M.gguf', architecture: 'qwen2' })]);
    expect(catalog.downloads.find((d) => d.id === 'vibethinker-1.5b-q4_k_m')?.installedPath).toBe(join(modelsDir, 'VibeThinker-1.5B.Q4_K_M.gguf'));
  });
});
