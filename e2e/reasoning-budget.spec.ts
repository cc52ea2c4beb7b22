import { vibeThinkerScript } from '../test/fixtures/tiny-model/tiny-model';
import { expect, test } from './fixtures';
import { sessionWithTurns } from './support/saved-sessions';
import { startWithScriptedModel } from './support/scripted-model';

/**
 * Answer now and the reasoning budget as a user meets them: a model that
 * reasons on and on, a button that makes it answer, a budget that does the
 * same by itself; the turn says where the reasoning was closed.
 */

test('Answer now closes a long reasoning and the model answers; the saved turn says where it was closed', async ({ workbench }) => {
  test.setTimeout(120_000);
  // ~3,000 reasoning steps: far longer than the test waits, so only Answer now can end it in time.
  const page = await startWithScriptedModel(workbench, vibeThinkerScript(3000));
  await page.getByLabel('Problem statement').fill('What is 2 + 2?');
  // Offered twice while it reasons: in the conversation's header (in sight while watching) and beside Stop.
  const answerNow = page.getByRole('region', { name: 'Reasoning' }).getByRole('button', { name: 'Answer now' });
  const besideStop = page.getByRole('region', { name: 'Problem' }).getByRole('button', { name: 'Answer now' });
  await expect(answerNow).toHaveCount(0);
  await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
  await expect(page.getByTestId('reasoning-text')).toContainText('(30)');
  await expect(answerNow).toBeEnabled();
  await expect(besideStop).toBeEnabled();
  await page.screenshot({ path: test.info().outputPath('answer-now-offered.png') });
  await answerNow.click();

  await expect(page.getByTestId('answer-text')).toContainText('The answer is 4', { timeout: 30_000 });
  await expect(page.getByTestId('reasoning-cut-note')).toContainText('by Answer now');
  await expect(page.getByTestId('generation-stats')).toContainText('finished');
  await expect(page.getByTestId('reasoning-text')).toContainText('give my final answer now');
  await expect(answerNow).toHaveCount(0);
  await expect(besideStop).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('answer-now-answered.png') });
  const saved = await sessionWithTurns(workbench.dataDir, 1);
  expect(saved.thread[0]?.reasoningCut?.by).toBe('answerNow');
  expect(saved.thread[0]?.answer).toBe('The answer is $\\boxed{4}$.');
  expect(saved.thread[0]?.reasoning).not.toContain('(2900)');
});

test('a reasoning budget set beside max tokens closes the reasoning by itself, and the turn keeps the budget', async ({ workbench }) => {
  test.setTimeout(120_000);
  const page = await startWithScriptedModel(workbench, vibeThinkerScript(3000));
  // The built-in code template comes with a budget; here a small one the test can wait for.
  await expect(page.getByLabel('Reasoning budget')).toHaveValue('32768');
  await page.getByLabel('Reasoning budget').fill('80');
  await page.getByLabel('Problem statement').fill('What is 2 + 2?');
  await page.getByRole('button', { name: 'Ask VibeThinker' }).click();

  await expect(page.getByTestId('answer-text')).toContainText('The answer is 4', { timeout: 30_000 });
  await expect(page.getByTestId('reasoning-cut-note')).toContainText('by the reasoning budget');
  const saved = await sessionWithTurns(workbench.dataDir, 1);
  const turn = saved.thread[0];
  expect(turn?.sampling?.reasoningBudget).toBe(80);
  expect(turn?.reasoningCut?.by).toBe('budget');
  expect(turn?.reasoningCut?.atTokens).toBeGreaterThanOrEqual(80);
  expect(turn?.reasoningCut?.atTokens).toBeLessThan(100);
  await page.screenshot({ path: test.info().outputPath('budget-answered.png') });
});
