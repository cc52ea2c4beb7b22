import { join } from 'node:path';
import { writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';
import { expect, test } from './fixtures';
import { sessionWithTurns } from './support/saved-sessions';

test('create, edit with live preview, use for a generation, restore a version, export and re-import a template', async ({ workbench }) => {
  await writeTinyModel(join(workbench.dataDir, 'models', 'tiny.gguf'));
  const page = await workbench.start();
  await page.getByRole('button', { name: 'Templates' }).click();
  const view = page.getByRole('region', { name: 'Templates' });

  // Built-ins are listed and read-only; the preview shows the exact ChatML text.
  await view.getByRole('button', { name: /Math \(as evaluated\)/ }).click();
  await expect(view.getByText('Built-in (read-only)')).toBeVisible();
  await expect(view.getByTestId('template-preview')).toContainText("<|im_start|>user\nGiven n (1 ≤ n ≤ 10^5), print the sum 1 + 2 + … + n.\nLet's think step by step");

  // Create and edit: the preview follows the edits, unknown variables are flagged.
  await view.getByRole('button', { name: 'New' }).click();
  await expect(view.getByTestId('template-message')).toContainText('Created My template');
  await view.getByLabel('Prompt body').fill('Version one: {{problem}}');
  await expect(view.getByTestId('template-preview')).toContainText('Version one: Given n');
  await view.getByRole('button', { name: 'Save' }).click();
  await expect(view.getByTestId('template-message')).toHaveText('Saved');
  await view.getByLabel('Prompt body').fill('Version two, solve carefully: {{problem}} {{mood}}');
  await expect(view.getByTestId('template-preview')).toContainText('Version two, solve carefully: Given n');
  await expect(view.getByTestId('template-warnings')).toContainText('Unknown variables: mood');
  await view.getByLabel('Prompt body').fill('Version two, solve carefully: {{problem}}');
  await view.getByRole('button', { name: 'Save' }).click();
  await expect(view.getByTestId('template-message')).toHaveText('Saved');

  // Use it for a generation with the tiny model: the request carries the template's text.
  await page.getByRole('button', { name: 'Models' }).click();
  await page.getByTestId('model-row').getByRole('button', { name: 'Load' }).click();
  await expect(page.getByTestId('model-state')).toHaveAttribute('data-state', 'ready');
  await page.getByRole('button', { name: 'Workbench' }).click();
  await page.getByLabel('Template', { exact: true }).selectOption('my-template');
  await page.getByLabel('Max tokens').fill('16');
  await page.getByLabel('Problem statement').fill('What is 6 times 7?');
  await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
  await expect(page.getByTestId('generation-stats')).toContainText('16 completion tokens');
  // The turn core saved holds the exact prompt it sent, the template and the sampling.
  const [turn] = (await sessionWithTurns(workbench.dataDir, 1)).thread;
  expect(turn?.prompt).toBe('Version two, solve carefully: What is 6 times 7?');
  expect(turn?.templateId).toBe('my-template');
  expect(turn?.sampling?.maxTokens).toBe(16);

  // Restore the first version from the history.
  await page.getByRole('button', { name: 'Templates' }).click();
  await view.getByRole('button', { name: /My template/ }).click();
  await view.getByText(/History \(\d+ saves\)/).click();
  await view.locator('.template-history li').filter({ hasText: 'Version one' }).getByRole('button', { name: 'Restore' }).click();
  await expect(view.getByLabel('Prompt body')).toHaveValue('Version one: {{problem}}');
  await expect(view.getByTestId('template-preview')).toContainText('<|im_start|>user\nVersion one: Given n');

  // Export, delete, and import the exported file back.
  const download = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Export' }).click();
  const file = join(workbench.dataDir, 'exported.json');
  await (await download).saveAs(file);
  await view.getByRole('button', { name: 'Delete' }).click();
  await expect(view.getByTestId('template-message')).toContainText('Deleted my-template');
  await expect(view.getByRole('button', { name: /My template/ })).toHaveCount(0);
  await view.getByLabel('Import templates').setInputFiles(file);
  await expect(view.getByTestId('template-message')).toHaveText('Imported my-template');
  await view.getByRole('button', { name: /My template/ }).click();
  await expect(view.getByLabel('Prompt body')).toHaveValue('Version one: {{problem}}');
  await page.screenshot({ path: test.info().outputPath('templates.png') });
});

test('the problem text suggests a template, and non-English text gets a hint', async ({ workbench }) => {
  const page = await workbench.start();
  const statement = page.getByLabel('Problem statement');
  await statement.fill('Find all integers $n$ such that $n^2 + 1$ is divisible by $n + 1$.');
  await expect(page.getByTestId('template-suggestion')).toContainText('Math (as evaluated)');
  await page.getByTestId('template-suggestion').getByRole('button', { name: 'Use it' }).click();
  await expect(page.getByLabel('Template', { exact: true })).toHaveValue('math');
  await expect(page.getByLabel('Temperature')).toHaveValue('1');
  // "/" opens the templates by name.
  await statement.fill('');
  await statement.pressSequentially('/tutor');
  await expect(page.getByTestId('template-command')).toContainText('Tutoring: explain each step');
  await statement.press('Enter');
  await expect(page.getByLabel('Template', { exact: true })).toHaveValue('tutoring');
  await expect(statement).toHaveValue('');
  await statement.fill('求所有满足条件的整数，使得平方加一能被它加一整除。请给出详细的推理过程和最终答案。');
  await expect(page.getByTestId('english-hint')).toBeVisible();
});
