import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { connectEventWire } from './support/event-wire';

/** Drops files on the window the way the OS does: a drop event whose DataTransfer holds File objects. */
async function dropFiles(page: Page, files: { name: string; text: string }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([f.text], f.name));
    return transfer;
  }, files);
  await page.dispatchEvent('main.content', 'dragover', { dataTransfer });
  await page.dispatchEvent('main.content', 'drop', { dataTransfer });
}

const savedProblems = (page: Page) => page.getByTestId('tests-panel').getByLabel('Saved problems');
const limits = (page: Page) => page.getByTestId('problem-limits');

test('dropping a .py, a problem .json and a .gguf on the window opens each the right way', async ({ workbench }) => {
  const page = await workbench.start();
  await expect(page.getByTestId('editor').locator('.view-lines')).toBeVisible();

  // A problem file opens as a session of its own; code dropped next goes to that session's editor.
  const problem = { name: 'B. Dropped Problem', timeLimit: 1000, memoryLimit: 64, tests: [{ input: '1 2\n', output: '3\n' }] };
  await dropFiles(page, [{ name: 'problem.json', text: JSON.stringify(problem) }]);
  await expect(limits(page)).toContainText('B. Dropped Problem');
  await expect(page.getByTestId('test-case')).toHaveCount(1);

  await dropFiles(page, [{ name: 'solution.py', text: 'a, b = map(int, input().split())\nprint(a + b)\n' }]);
  await expect(page.getByTestId('editor').locator('.view-lines')).toContainText('print(a + b)');
  // The dropped code runs on the dropped problem's test.
  await page.getByRole('button', { name: 'Run tests' }).click();
  await expect(page.getByTestId('tests-panel')).toContainText('AC');

  // A browser never learns a dropped file's path, so a model is refused with what to do instead;
  // foreign JSON is refused with the reason. Nothing else changes.
  await dropFiles(page, [{ name: 'model.gguf', text: 'GGUF' }]);
  await expect(page.getByRole('status').filter({ hasText: 'model.gguf' })).toContainText('put the file in the models folder');
  await dropFiles(page, [{ name: 'tsconfig.json', text: '{"compilerOptions":{}}' }]);
  await expect(page.getByRole('status').filter({ hasText: 'tsconfig.json' })).toContainText('is not a problem file');
  await expect(savedProblems(page).locator('option')).toHaveCount(2);
  await expect(limits(page)).toContainText('B. Dropped Problem');
});

/** A new session is a clean start: no statement, one empty test, no verdicts. */
async function expectCleanStart(page: Page) {
  await expect(page.getByLabel('Problem statement')).toHaveValue('');
  await expect(page.getByTestId('test-case')).toHaveCount(1);
  await expect(page.getByTestId('test-case').getByLabel(/input/i).first()).toHaveValue('');
  await expect(page.getByTestId('verdict-summary')).toHaveCount(0);
}

test('the New button makes an empty problem with one test, and the layout survives a reload', async ({ workbench }) => {
  const page = await workbench.start();
  await page.getByLabel('Problem statement').fill('An earlier problem that must not carry over.');
  await expect(page.getByTestId('session-item')).toHaveCount(1);
  await page.getByTestId('tests-panel').getByRole('button', { name: 'New', exact: true }).click();
  await expectCleanStart(page);

  // Folding the reasoning and switching views is remembered (desktop: per data folder; web: per server).
  const tab = (name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name });
  await tab('Templates').click();
  await page.reload();
  await expect(tab('Templates')).toHaveAttribute('aria-current', 'page');
});

test('desktop menu commands reach the UI: new problem, presentation mode, stop, views', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'injects the desktop shell\'s events at the WebSocket; the desktop run clicks the real menu instead');
  const page = await workbench.start();
  const inject = await connectEventWire(page);
  const command = (payload: unknown) => inject({ type: 'event', name: 'desktopCommand', payload });

  await page.getByLabel('Problem statement').fill('Typed before the menu command.');
  await expect(page.getByTestId('session-item')).toHaveCount(1);
  command({ command: 'newProblem' });
  await expectCleanStart(page);

  command({ command: 'togglePresentation' });
  await expect(page.locator('.app')).toHaveAttribute('data-presentation', 'true');
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('presentation.png') });
  await page.getByRole('button', { name: 'Exit presentation' }).click();
  await expect(page.locator('.app')).not.toHaveAttribute('data-presentation');

  const tab = (name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name });
  command({ command: 'showView', view: 'settings' });
  await expect(tab('Settings')).toHaveAttribute('aria-current', 'page');
  command({ command: 'notice', message: 'Could not open x.gguf: not a GGUF file.' });
  await expect(page.getByRole('status').filter({ hasText: 'x.gguf' })).toBeVisible();
  // A malformed command is dropped by the client's schema check, not acted on.
  command({ command: 'openCode' });
  command({ command: 'notice', message: 'after the malformed one' });
  await expect(page.getByRole('status').filter({ hasText: 'after the malformed one' })).toBeVisible();
  await expect(tab('Settings')).toHaveAttribute('aria-current', 'page');
});
