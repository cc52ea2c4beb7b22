import { expect, test } from './fixtures';
import { savedSessions } from './support/saved-sessions';
import { startWithScriptedModel } from './support/scripted-model';

/**
 * Fix until accepted as a user meets it: wrong code, a failing test, one
 * click; the loop's rounds show, the fix turn lands in the thread, the code
 * that passes ends up in the editor, and the wrong code is kept as a version.
 */
const fixScript = ['<think>', 'It', 'Ġprints', 'Ġfour.', '</think>', 'Fixed:', 'Ċ```python', 'Ċprint(3)', 'Ċ```'];

test('Fix until accepted: wrong code and a failing test, one click, accepted after a round, the passing code in the editor', async ({ workbench }) => {
  test.setTimeout(120_000);
  const page = await startWithScriptedModel(workbench, fixScript);
  await page.getByLabel('Problem statement').fill('Print three.');
  const editor = page.getByTestId('editor');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('print(4)\n');
  const panel = page.getByTestId('tests-panel');
  await panel.getByRole('button', { name: 'Add test' }).click();
  await panel.getByTestId('test-case').nth(0).getByLabel('Expected').fill('3\n');
  await expect.poll(async () => (await savedSessions(workbench.dataDir))[0]?.problem.tests.length ?? 0).toBe(1);
  await panel.getByRole('button', { name: 'Run tests' }).click();
  await expect(panel.getByTestId('verdict-summary')).toContainText('WA');

  await panel.getByLabel('Rounds to fix').selectOption('2');
  await panel.getByRole('button', { name: 'Fix until accepted' }).click();
  await expect(panel.getByTestId('fix-loop-state')).toHaveText('Accepted after 1 round.', { timeout: 60_000 });
  await expect(panel.getByTestId('verdict-summary')).toContainText('AC');
  await expect(editor.locator('.view-lines')).toContainText('print(3)');
  await expect(page.getByTestId('turn')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('fix-loop.png') });

  const saved = (await savedSessions(workbench.dataDir))[0];
  expect(saved?.thread.map((t) => t.kind)).toEqual(['fix']);
  expect(saved?.codeHistory.some((v) => v.code.includes('print(4)'))).toBe(true);
});
