import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SessionStore } from '../src/core/sessions/session-store';
import { sampleSession } from '../test/fixtures/sample-session';
import { expect, test } from './fixtures';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Sessions' });
const items = (page: Page) => page.getByTestId('session-item');

/** A worked solution with several paragraphs and display formulas, as VibeThinker writes them. */
const tutoringSession = sampleSession('tutor-1', {
  title: 'Sum of squares (tutoring)',
  thread: [
    {
      ...sampleSession().thread[0]!,
      reasoning: 'We need $\\sum_{k=1}^{10} k^2$.\n\nRecall the formula\n$$\\sum_{k=1}^{n} k^2 = \\frac{n(n+1)(2n+1)}{6}$$\n\nSubstitute $n = 10$.',
      answer: 'So\n\n$$\\frac{10 \\cdot 11 \\cdot 21}{6} = 385$$\n\nThe answer is $\\boxed{385}$.',
    },
  ],
});

test('work is saved as a session as you type, and comes back after a reload', async ({ workbench }) => {
  const page = await workbench.start();
  await page.getByLabel('Problem statement').fill('Count the lattice paths in a 3 by 3 grid.\n\nOutput one number.');
  const lines = page.getByTestId('editor').locator('.view-lines');
  await lines.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('print(20)');
  // The title follows the statement's first line; the save lands within about a second.
  await expect(items(page)).toHaveCount(1);
  await expect(items(page).first()).toContainText('Count the lattice paths in a 3 by 3 grid.');
  const problemPane = page.getByRole('region', { name: 'Problem' });
  await expect(problemPane).toHaveAttribute('data-save-state', 'saved');
  // Typing costs a few debounced saves, not a request storm (a render loop would show here).
  const calls: string[] = [];
  page.on('request', (r) => calls.push(new URL(r.url()).pathname));
  await page.getByLabel('Problem statement').press('End');
  await page.keyboard.type(' Paths only go right or down.');
  await expect(problemPane).toHaveAttribute('data-save-state', 'saved');
  const saves = calls.filter((c) => c.endsWith('/updateSession') || c.endsWith('/createSession'));
  expect(saves.length).toBeGreaterThanOrEqual(1);
  expect(saves.length).toBeLessThanOrEqual(6);
  expect(calls.filter((c) => c.endsWith('/takeDesktopCommands'))).toEqual([]);
  expect(calls.length).toBeLessThan(40);

  await page.reload();
  await expect(page.getByLabel('Problem statement')).toHaveValue(/Count the lattice paths/);
  await expect(lines).toContainText('print(20)');
  await expect(items(page).first()).toHaveAttribute('class', /current/);

  // A new session starts empty; the old one stays in the list and reopens with everything.
  await sidebar(page).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByLabel('Problem statement')).toHaveValue('');
  await page.getByLabel('Problem statement').fill('Second problem: sum of primes below 100');
  await expect(items(page)).toHaveCount(2);
  await items(page).filter({ hasText: 'lattice' }).getByRole('button', { name: /Count the lattice/ }).click();
  await expect(page.getByLabel('Problem statement')).toHaveValue(/Count the lattice paths/);

  // Search, rename, duplicate, delete with undo.
  await page.getByLabel('Search sessions').fill('primes');
  await expect(items(page)).toHaveCount(1);
  await expect(items(page).first()).toContainText('sum of primes');
  await page.getByLabel('Search sessions').fill('');
  await expect(items(page)).toHaveCount(2);
  const lattice = items(page).filter({ hasText: 'lattice' });
  await lattice.getByRole('button', { name: /^Rename/ }).click();
  await page.getByLabel('Session title').fill('Lattice paths');
  await page.getByLabel('Session title').press('Enter');
  await expect(items(page).filter({ hasText: 'Lattice paths' })).toHaveCount(1);
  await items(page).filter({ hasText: 'Lattice paths' }).getByRole('button', { name: /^Duplicate/ }).click();
  await expect(items(page)).toHaveCount(3);
  await expect(items(page).filter({ hasText: 'Lattice paths (copy)' })).toHaveCount(1);
  await items(page).filter({ hasText: 'Lattice paths (copy)' }).getByRole('button', { name: /^Delete/ }).click();
  await expect(items(page)).toHaveCount(2);
  await sidebar(page).getByRole('button', { name: 'Undo' }).click();
  await expect(items(page)).toHaveCount(3);
});

test('a saved session opens in tutoring mode, steps through with the keyboard, and replays', async ({ workbench }) => {
  await new SessionStore(workbench.dataDir).save(tutoringSession);
  const page = await workbench.start();
  await items(page).getByRole('button', { name: /Sum of squares \(tutoring\)/ }).click();
  await expect(page.getByTestId('answer-text')).toContainText('385');

  await page.getByRole('button', { name: 'Present' }).click();
  const presentation = page.getByTestId('presentation');
  await expect(presentation).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeHidden();
  await expect(sidebar(page)).toBeHidden();
  await expect(page.getByTestId('presentation-statement').locator('.katex').first()).toBeVisible();
  for (const scale of ['S', 'M', 'L', 'XL']) {
    await presentation.getByRole('button', { name: scale, exact: true }).click();
    await expect(presentation).toHaveAttribute('data-scale', scale);
    await page.screenshot({ path: test.info().outputPath(`presentation-${scale}.png`) });
  }
  const fontAt = async () => presentation.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await fontAt()).toBe(32);
  await presentation.getByRole('button', { name: 'M', exact: true }).click();
  expect(await fontAt()).toBeCloseTo(20.8);

  // A tutor shows the worked answer: the reasoning is folded until asked for.
  await expect(presentation.getByTestId('answer-text')).toContainText('385');
  await expect(presentation.locator('details.reasoning-block')).not.toHaveAttribute('open', /.*/);

  // Step-through: the answer's paragraphs and display formulas, one at a time, each brought into view.
  await presentation.getByRole('button', { name: 'Steps' }).click();
  const counter = page.getByTestId('step-counter');
  await expect(counter).toContainText('Step 1 / 3');
  await expect(page.getByTestId('steps-answer')).toHaveText('So');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(counter).toContainText('Step 3 / 3');
  await expect(page.getByTestId('steps-answer').last()).toContainText('The answer is');
  await expect(presentation.locator('.step[data-step="3"]')).toBeInViewport();
  // With the reasoning: its steps come first.
  await presentation.getByRole('button', { name: 'Reasoning', exact: true }).click();
  await expect(counter).toContainText('Step 1 / 7');
  await expect(page.getByTestId('steps-reasoning')).toContainText('We need');
  await expect(page.getByTestId('steps-reasoning')).not.toContainText('Recall the formula');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(counter).toContainText('Step 3 / 7');
  await expect(presentation.locator('.step[data-part="reasoning"] .katex-display')).toHaveCount(1);
  await page.keyboard.press('ArrowLeft');
  await expect(counter).toContainText('Step 2 / 7');
  await page.keyboard.press('End');
  await expect(counter).toContainText('Step 7 / 7');
  await expect(page.getByTestId('steps-answer').last()).toContainText('The answer is');
  await expect(presentation.locator('.step[data-step="7"]')).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(counter).toContainText('Step 1 / 7');
  await expect(page.getByTestId('steps-answer')).toHaveCount(0);

  // High contrast.
  await presentation.getByRole('button', { name: 'High contrast' }).click();
  await expect(presentation).toHaveAttribute('data-contrast', 'true');
  expect(await presentation.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 0, 0)');
  await page.screenshot({ path: test.info().outputPath('presentation-contrast.png') });

  // Replay without the model: the answer streams again with its token count, pauses, resumes, stops.
  await presentation.getByRole('button', { name: 'Steps' }).click();
  await presentation.getByLabel('Replay speed (tokens per second)').fill('5');
  await presentation.getByRole('button', { name: 'Replay' }).click();
  await expect(page.getByTestId('answer')).toBeHidden();
  await expect(page.getByTestId('reasoning-text')).toContainText('We need');
  const summary = presentation.locator('details.reasoning-block summary');
  await expect(summary).toContainText(/[1-9]\d* tokens/);
  await presentation.getByRole('button', { name: 'Pause' }).click();
  const length = () => page.getByTestId('reasoning-text').evaluate((el) => (el.textContent ?? '').length);
  const paused = await length();
  await page.waitForTimeout(600);
  expect(await length()).toBe(paused);
  await presentation.getByLabel('Replay speed (tokens per second)').fill('400');
  await presentation.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('answer-text')).toContainText('385', { timeout: 20_000 });
  await expect(summary).toContainText('120 tokens');
  await expect(presentation.getByRole('button', { name: 'Replay' })).toBeEnabled();
  // Stopped mid-way, the saved answer is there whole again.
  await presentation.getByLabel('Replay speed (tokens per second)').fill('5');
  await presentation.getByRole('button', { name: 'Replay' }).click();
  await presentation.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('answer-text')).toContainText('385');
  await expect(presentation.getByRole('button', { name: 'Replay' })).toBeVisible();

  // Drawing on the solution: pen, highlighter, eraser, clear.
  const layer = page.getByTestId('annotation-layer');
  const area = await presentation.locator('.presentation-solution').boundingBox();
  if (!area) throw new Error('no solution area');
  const stroke = async (y: number) => {
    await page.mouse.move(area.x + 60, area.y + y);
    await page.mouse.down();
    await page.mouse.move(area.x + 160, area.y + y + 10, { steps: 5 });
    await page.mouse.move(area.x + 260, area.y + y, { steps: 5 });
    await page.mouse.up();
  };
  await presentation.getByRole('button', { name: 'Pen' }).click();
  await stroke(120);
  await expect(layer.locator('path')).toHaveCount(1);
  await presentation.getByRole('button', { name: 'Highlighter' }).click();
  await presentation.getByRole('button', { name: 'Yellow' }).click();
  await stroke(220);
  await expect(layer.locator('path[data-tool="highlighter"]')).toHaveCount(1);
  // A colour of the presenter's own, from the colour picker beside the swatches.
  await presentation.getByLabel('Your own colour').fill('#00aa88');
  await presentation.getByRole('button', { name: 'Pen' }).click();
  await stroke(320);
  await expect(layer.locator('path[stroke="#00aa88"]')).toHaveCount(1);
  await expect(presentation.getByRole('button', { name: 'Yellow' })).toHaveAttribute('aria-pressed', 'false');
  await page.screenshot({ path: test.info().outputPath('presentation-drawing.png') });
  await presentation.getByRole('button', { name: 'Eraser' }).click();
  await stroke(120);
  await stroke(320);
  await expect(layer.locator('path')).toHaveCount(1);
  await presentation.getByRole('button', { name: 'Clear the drawing' }).click();
  await expect(layer.locator('path')).toHaveCount(0);
  // With no tool in hand, the layer lets the pointer through to the text.
  await presentation.getByRole('button', { name: 'Eraser' }).click();
  expect(await layer.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');

  // Privacy: paths are masked wherever they show.
  await presentation.getByRole('button', { name: 'Hide paths' }).click();
  await page.keyboard.press('Alt+KeyP');
  await expect(presentation).toBeHidden();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('data-dir')).toHaveText('•••');
});

test('importing a session file restores it; a malformed or foreign file is refused with the reason', async ({ workbench }) => {
  const page = await workbench.start();
  const dir = workbench.dataDir;
  await writeFile(join(dir, 'good.json'), JSON.stringify(tutoringSession));
  await writeFile(join(dir, 'bad.json'), '{"version": 1, "turns": [');
  await writeFile(join(dir, 'problem.json'), JSON.stringify({ name: 'A', tests: [] }));
  const input = page.getByLabel('Import session file');
  await input.setInputFiles(join(dir, 'bad.json'));
  await expect(page.getByRole('status').filter({ hasText: 'bad.json is not JSON' })).toBeVisible();
  await input.setInputFiles(join(dir, 'problem.json'));
  await expect(page.getByRole('status').filter({ hasText: 'problem.json is not a workbench session' })).toBeVisible();
  await expect(items(page)).toHaveCount(0);
  await input.setInputFiles(join(dir, 'good.json'));
  await expect(items(page)).toHaveCount(1);
  await expect(page.getByTestId('answer-text')).toContainText('385');
  await expect(page.getByLabel('Problem statement')).toHaveValue(/sum_\{k=1\}/);
});
