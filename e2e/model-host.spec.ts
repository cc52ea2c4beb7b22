import { join } from 'node:path';
import { writeBadModels } from '../test/fixtures/bad-models';
import { buildTinyModel, vibeThinkerScript, writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';
import { startModelFileServer } from '../test/helpers/model-file-server';
import { expect, test } from './fixtures';

test('first run: download the model in the UI, load it, stream reasoning and answer, see the stats', async ({ workbench }) => {
  // The real download code runs against a local stand-in for Hugging Face serving the scripted tiny model.
  // Its reasoning is 1,000 steps long (~2 s here) so that "thinking…" can be seen before the answer starts.
  const hub = await startModelFileServer({
    repos: { 'mradermacher/VibeThinker-1.5B-GGUF': { 'VibeThinker-1.5B.Q4_K_M.gguf': buildTinyModel({ script: vibeThinkerScript(1000), name: 'VibeThinker Tiny Scripted' }) } },
    chunkBytes: 16 * 1024,
    chunkDelayMs: 40,
  });
  try {
    const page = await workbench.start({ hfEndpoint: hub.endpoint });
    const getModel = page.getByTestId('get-model');
    await expect(getModel).toBeVisible();
    await getModel.getByRole('button', { name: /Download VibeThinker-1\.5B Q4_K_M/ }).click();

    const models = page.getByRole('region', { name: 'Models' });
    const row = models.getByTestId('download-vibethinker-1.5b-q4_k_m');
    await expect(row.getByTestId('download-progress')).toContainText(/KB of \d+\.\d KB · [\d.]+ (KB|MB)\/s · \d+s left/);
    await page.screenshot({ path: test.info().outputPath('downloading.png') });
    await expect(row).toContainText('Installed');

    const file = models.getByTestId('model-row').filter({ hasText: 'VibeThinker-1.5B.Q4_K_M.gguf' });
    await expect(file).toContainText('qwen2 · ');
    await expect(file).toContainText('ChatML template');
    await file.getByRole('button', { name: 'Load' }).click();
    await expect(models.getByTestId('model-state')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('status-model')).toContainText('VibeThinker Tiny Scripted · F32');
    await expect(page.getByTestId('status-backend')).toContainText(/layers on GPU/);
    await page.screenshot({ path: test.info().outputPath('models.png') });

    await page.getByRole('button', { name: 'Workbench' }).click();
    await page.getByLabel('Template', { exact: true }).selectOption('math');
    await page.getByLabel('Problem statement').fill('What is 2+2?');
    await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
    const reasoning = page.getByTestId('reasoning');
    // Live: the reasoning grows while the answer has not started.
    await expect(reasoning).toContainText('Let us add two and two');
    await expect(reasoning.locator('summary')).toContainText('thinking…');
    await expect(page.getByTestId('answer-text')).toContainText('The answer is');
    await expect(page.getByTestId('answer-text').locator('.katex')).toHaveCount(1);
    await expect(reasoning).toContainText('(1000)');
    await expect(page.getByTestId('final-answer')).toContainText('4');
    await expect(page.getByTestId('generation-stats')).toContainText(/\d+ prompt \+ 1\d{3} completion tokens · [\d.]+ tok\/s · first token \d+ ms · finished/);
    await expect(page.getByTestId('status-context')).toContainText(/[1-9][\d,]* \/ /);
    await page.screenshot({ path: test.info().outputPath('answer.png') });
  } finally {
    await hub.close();
  }
});

test('stop an answer mid-way: the partial text stays and the stats say stopped', async ({ workbench }) => {
  await writeTinyModel(join(workbench.dataDir, 'models', 'random-tiny.gguf'));
  const page = await workbench.start();
  await page.getByRole('button', { name: 'Models' }).click();
  await page.getByTestId('model-row').filter({ hasText: 'random-tiny.gguf' }).getByRole('button', { name: 'Load' }).click();
  await expect(page.getByTestId('model-state')).toHaveAttribute('data-state', 'ready');
  await page.getByRole('button', { name: 'Workbench' }).click();
  await page.getByLabel('Problem statement').fill('Prove that there are infinitely many primes.');
  await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
  await expect(page.getByTestId('generation-progress')).toContainText(/[1-9]\d* tokens/);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('generation-stats')).toContainText('stopped by you');
  const shown = (await page.getByTestId('reasoning').or(page.getByTestId('answer')).first().innerText()).trim();
  expect(shown.length).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Ask VibeThinker' })).toBeEnabled();
});

test('bad model files get clear messages and the loaded model keeps working', async ({ workbench }) => {
  const good = await writeTinyModel(join(workbench.dataDir, 'models', 'good.gguf'));
  const bad = await writeBadModels(workbench.dataDir);
  const page = await workbench.start();
  await page.getByRole('button', { name: 'Models' }).click();
  const models = page.getByRole('region', { name: 'Models' });
  await models.getByTestId('model-row').filter({ hasText: 'good.gguf' }).getByRole('button', { name: 'Load' }).click();
  await expect(models.getByTestId('model-state')).toHaveAttribute('data-state', 'ready');

  for (const [path, message] of [
    [bad.notGguf, 'Not a GGUF model file'],
    [bad.truncated, 'truncated'],
    [bad.unknownArch, 'Unsupported architecture'],
    [bad.missing, 'File not found'],
  ] as const) {
    await models.getByLabel('Open a GGUF file…').fill(path);
    await models.getByRole('button', { name: 'Open' }).click();
    await expect(models.getByRole('alert')).toContainText(message);
  }
  await expect(models.getByTestId('model-state')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('status-model')).toContainText('VibeThinker Tiny Test');
  expect(good).toContain('good.gguf');
});

test('model settings (backend, context size) apply on the next load, and a too-long prompt is refused clearly', async ({ workbench }) => {
  await writeTinyModel(join(workbench.dataDir, 'models', 'tiny.gguf'));
  const page = await workbench.start();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Backend').selectOption('cpu');
  const context = page.getByRole('textbox', { name: 'Context size' });
  await context.fill('512');
  await context.press('Enter');
  await expect(page.getByTestId('settings-status')).toHaveText('Saved');

  await page.getByRole('button', { name: 'Models' }).click();
  await page.getByTestId('model-row').getByRole('button', { name: 'Load' }).click();
  await expect(page.getByTestId('status-context')).toContainText('/ 512');
  await expect(page.getByTestId('status-backend')).toContainText('CPU');

  await page.getByRole('button', { name: 'Workbench' }).click();
  await page.getByLabel('Problem statement').fill('word '.repeat(1500));
  await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
  await expect(page.getByRole('region', { name: 'Reasoning' }).getByRole('alert')).toContainText(/The prompt is \d+ tokens but the context holds 512/);
  await expect(page.getByRole('button', { name: 'Ask VibeThinker' })).toBeEnabled();
});
