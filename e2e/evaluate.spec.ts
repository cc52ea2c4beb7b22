import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { vibeThinkerScript, writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';
import { expect, test } from './fixtures';

test('the Evaluate view runs a problem set on the loaded model, shows progress and the graded results, and downloads the report', async ({ workbench }) => {
  await writeTinyModel(join(workbench.dataDir, 'models', 'tiny.gguf'), { script: vibeThinkerScript(10) });
  const page = await workbench.start();
  const tab = (name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name });
  await tab('Models').click();
  await page.getByTestId('model-row').getByRole('button', { name: 'Load' }).click();
  await expect(page.getByTestId('model-state')).toHaveAttribute('data-state', 'ready');
  await tab('Evaluate').click();

  // A malformed set is refused with its line numbers; nothing starts.
  await page.getByLabel('Problem set file').setInputFiles({ name: 'bad.jsonl', mimeType: 'application/json', buffer: Buffer.from('{"id": "a", "problem": "p", "answer": "4"}\n{"id": "b"\n') });
  await page.getByRole('button', { name: 'Run evaluation' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'bad.jsonl' })).toContainText('line 2: not JSON');

  const set = ['{"id": "four", "problem": "2+2?", "answer": "4"}', '{"id": "five", "problem": "2+3?", "answer": "5"}'].join('\n');
  await page.getByLabel('Problem set file').setInputFiles({ name: 'tiny-set.jsonl', mimeType: 'application/json', buffer: Buffer.from(set) });
  await page.getByLabel('Samples per problem').fill('3');
  await page.getByLabel('Samples at once').fill('2');
  await page.getByRole('button', { name: 'Run evaluation' }).click();
  const run = page.getByTestId('eval-run');
  await expect(run).toHaveAttribute('data-state', 'done', { timeout: 45_000 });
  await expect(page.getByTestId('eval-progress-text')).toContainText('problems 2/2 · samples 6/6');
  await expect(page.getByTestId('eval-summary')).toContainText('pass@1 50.0%');
  await expect(page.getByTestId('eval-summary')).toContainText('pass@3 50.0%');
  await expect(page.getByTestId('eval-row')).toHaveCount(2);
  await expect(page.getByTestId('eval-row').filter({ hasText: 'four' })).toContainText('3/3');
  await expect(page.getByTestId('eval-row').filter({ hasText: 'five' })).toContainText('0/3');
  await page.screenshot({ path: test.info().outputPath('evaluate.png') });

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download report (HTML)' }).click();
  const report = await readFile((await (await downloading).path()) ?? '', 'utf8');
  expect(report).toContain('aria-label="Accuracy per problem"');
});
