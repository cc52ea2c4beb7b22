import { expect, test } from './fixtures';

test('shows the workbench: problem, reasoning, solution, status bar', async ({ workbench }) => {
  const page = await workbench.start();
  await expect(page).toHaveTitle('VibeThinker Workbench');
  for (const region of ['Problem', 'Reasoning', 'Solution']) {
    await expect(page.getByRole('region', { name: region })).toBeVisible();
  }
  const status = page.getByRole('status', { name: 'Status' });
  await expect(status.getByTestId('status-model')).toContainText('none loaded');
  await expect(status.getByTestId('status-connection')).toHaveAttribute('data-state', 'connected');
  await expect(status).toContainText(workbench.kind === 'web' ? 'Web mode' : 'Desktop');
  await page.screenshot({ path: test.info().outputPath('workbench.png') });
});

test('the Monaco editor loads offline with Python highlighting and its worker', async ({ workbench }) => {
  const page = await workbench.start();
  const fallbackWarnings: string[] = [];
  page.on('console', (message) => {
    if (/Could not create web worker/.test(message.text())) fallbackWarnings.push(message.text());
  });

  const editor = page.getByTestId('editor');
  await expect(editor.locator('.monaco-editor')).toBeVisible();
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  // No indentation typed: Python's language rules indent the line after the colon.
  await page.keyboard.type('def solve(n):\nreturn n * 2');
  const lines = () =>
    editor.locator('.view-line').evaluateAll((nodes) =>
      nodes
        .map((n) => ({ top: parseFloat((n as HTMLElement).style.top), text: (n.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text),
    );
  await expect.poll(lines).toEqual(['def solve(n):', '    return n * 2']);

  // Python's grammar colours keywords differently from names: more than one token class appears.
  const tokenClasses = await editor.locator('.view-line span span').evaluateAll((spans) => new Set(spans.map((s) => s.className)).size);
  expect(tokenClasses).toBeGreaterThan(1);

  // The editor worker runs as its own bundled file, not inlined and not on the main thread.
  // Monaco starts it on demand; word suggestions need it, so ask for them.
  await page.keyboard.press('ControlOrMeta+Space');
  await expect
    .poll(
      async () =>
        page.workers().some((w) => w.url().includes('editor.worker')) ||
        (await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('editor.worker')))),
      { timeout: 30_000 },
    )
    .toBe(true);
  await page.keyboard.press('Escape');
  expect(fallbackWarnings).toEqual([]);
});
