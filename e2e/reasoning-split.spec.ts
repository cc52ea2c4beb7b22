import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { preambleTokens, vibeThinkerScript, writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';
import { expect, test, type Workbench } from './fixtures';

const preamble = 'Okay, I will work this out.';

/** Loads the model written to `models/tiny.gguf` for real and asks one question. */
async function ask(workbench: Workbench, options: Parameters<typeof writeTinyModel>[1]): Promise<Page> {
  await writeTinyModel(join(workbench.dataDir, 'models', 'tiny.gguf'), options);
  const page = await workbench.start();
  await page.getByRole('button', { name: 'Models' }).click();
  await page.getByTestId('model-row').getByRole('button', { name: 'Load' }).click();
  await expect(page.getByTestId('model-state')).toHaveAttribute('data-state', 'ready');
  await page.getByRole('button', { name: 'Workbench' }).click();
  await page.getByLabel('Problem statement').fill('What is 2+2?');
  await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
  return page;
}

/** How often `needle` occurs in `text`. */
const count = (text: string, needle: string) => text.split(needle).length - 1;

test('stopping during the reasoning keeps it as reasoning, and a preamble before <think> shows once', async ({ workbench }) => {
  // The scripted tiny model writes a preamble, then <think> and 3,000 steps: long enough to stop inside.
  const page = await ask(workbench, { script: vibeThinkerScript(3000, { preamble: preambleTokens }), name: 'VibeThinker Tiny Scripted' });
  const reasoning = page.getByTestId('reasoning');
  const reasoningText = page.getByTestId('reasoning-text');

  // Live: the preamble opens the reasoning once, with no tag shown.
  await expect(reasoningText).toContainText('(40)');
  // textContent, not innerText: pages scrolled out of view are skipped by layout (content-visibility), and
  // innerText leaves out what is not laid out; the preamble is on the first page, out of view once the stream moves on.
  const live = (await reasoningText.textContent()) ?? '';
  expect(count(live, preamble)).toBe(1);
  expect(live).not.toContain('<think>');
  await expect(reasoning.locator('summary')).toContainText('thinking…');

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('generation-stats')).toContainText('stopped by you');

  // Final: the same reasoning, still reasoning, marked cut off; an empty answer with a note.
  const final = (await reasoningText.textContent()) ?? '';
  expect(count(final, preamble)).toBe(1);
  expect(final).toContain('Let us add two and two');
  expect(final).not.toContain('<think>');
  await expect(reasoning.locator('summary')).toContainText('Reasoning (cut off)');
  await expect(page.getByTestId('answer')).toBeHidden();
  await expect(page.getByTestId('reasoning-cut')).toHaveText('Stopped during the reasoning: there is no answer yet. The reasoning so far is kept above.');
  await expect(page.getByTestId('final-answer')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('stopped-during-reasoning.png') });
});

test('stopping output that opened no reasoning block leaves it all as the answer, with no empty reasoning section', async ({ workbench }) => {
  // The random tiny model never writes <think>: its text is an answer, not reasoning that gets moved.
  const page = await ask(workbench, {});
  await expect(page.getByTestId('generation-progress')).toContainText(/[1-9]\d+ tokens/);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('generation-stats')).toContainText('stopped by you');
  await expect(page.getByTestId('answer-text')).not.toBeEmpty();
  await expect(page.getByTestId('reasoning')).toBeHidden();
  await expect(page.getByTestId('reasoning-cut')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('stopped-without-reasoning.png') });
});
