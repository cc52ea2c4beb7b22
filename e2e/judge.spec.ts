import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { connectEventWire } from './support/event-wire';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** Replaces the editor's text by typing, as a person would. */
async function typeCode(page: Page, code: string) {
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(code);
}

test('a problem posted as Competitive Companion posts it is judged in the UI, with verdicts and a WA diff', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'the desktop app listens on the configured port; this test needs a free one');
  const port = await freePort();
  const page = await workbench.start({ companionPort: port });
  await expect(page.getByTestId('companion-status')).toContainText(`port ${port}`);

  // What the browser extension sends for a Codeforces problem.
  const response = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'A. Sum of Two',
      group: 'Codeforces - Practice',
      url: 'https://codeforces.com/problemset/problem/1/A',
      interactive: false,
      memoryLimit: 256,
      timeLimit: 1000,
      tests: [
        { input: '1 2\n', output: '3\n' },
        { input: '20 22\n', output: '42\n' },
      ],
      testType: 'single',
      input: { type: 'stdin' },
      output: { type: 'stdout' },
      languages: { java: { mainClass: 'Main', taskClass: 'A' } },
      batch: { id: 'e2e', size: 1 },
    }),
  });
  expect(response.status).toBe(200);
  const panel = page.getByTestId('tests-panel');
  await expect(panel.getByLabel('Problem')).toHaveValue(/.+/);
  await expect(panel.locator('option:checked')).toHaveText('A. Sum of Two');
  await expect(panel.getByTestId('test-case')).toHaveCount(2);

  await typeCode(page, 'print(3)');
  await panel.getByRole('button', { name: 'Run tests' }).click();
  await expect(panel.getByTestId('verdict-summary')).toContainText('WA 1/2 accepted');
  await expect(panel.getByTestId('test-case').nth(0)).toContainText('AC');
  await expect(panel.getByTestId('test-case').nth(1).getByTestId('diff')).toContainText('-    1 | 42');
  await expect(panel.getByTestId('test-case').nth(1).getByTestId('diff')).toContainText('+    1 | 3');
  await expect(panel.getByTestId('containment')).toContainText('time on · memory on');
  await page.screenshot({ path: test.info().outputPath('judge-wa.png') });

  await typeCode(page, 'print(sum(map(int, input().split())))');
  await panel.getByRole('button', { name: 'Run tests' }).click();
  await expect(panel.getByTestId('verdict-summary')).toContainText('AC 2/2 accepted');

  // Tests can be added and edited; edits are saved.
  await panel.getByRole('button', { name: 'Add test' }).click();
  await expect(panel.getByTestId('test-case')).toHaveCount(3);
  await panel.getByTestId('test-case').nth(2).getByLabel('Input').fill('5 5\n');
  await panel.getByTestId('test-case').nth(2).getByLabel('Expected').fill('11\n');
  await panel.getByTestId('test-case').nth(2).getByRole('button', { name: 'Run' }).click();
  await expect(panel.getByTestId('test-case').nth(2)).toContainText('WA');
  await page.screenshot({ path: test.info().outputPath('judge-tests.png') });

  // The statement is kept with the problem.
  await page.getByLabel('Problem statement').fill('Print the sum of two integers.');
  await page.waitForTimeout(800);
  await page.reload();
  await expect(page.getByTestId('tests-panel').locator('option:checked')).toHaveText('A. Sum of Two');
  await expect(page.getByLabel('Problem statement')).toHaveValue('Print the sum of two integers.');
});

test('a malformed post is refused and imports nothing', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'needs a free port');
  const port = await freePort();
  const page = await workbench.start({ companionPort: port });
  await expect(page.getByTestId('companion-status')).toContainText(`port ${port}`);
  const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{"name": "broken"' });
  expect(response.status).toBe(400);
  await expect(page.getByTestId('tests-panel').getByLabel('Problem')).toHaveValue('');
});

test('custom input runs, and "Fix with feedback" sends the failing test to the model and lands the new code', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'injects the answer at the WebSocket');
  const { writeTinyModel } = await import('../test/fixtures/tiny-model/tiny-model');
  const { join } = await import('node:path');
  await writeTinyModel(join(workbench.dataDir, 'models', 'tiny.gguf'));
  const port = await freePort();
  const page = await workbench.start({ companionPort: port });
  const inject = await connectEventWire(page);
  await page.getByRole('button', { name: 'Models' }).click();
  await page.getByTestId('model-row').getByRole('button', { name: 'Load' }).click();
  await expect(page.getByTestId('model-state')).toHaveAttribute('data-state', 'ready');
  await page.getByRole('button', { name: 'Workbench' }).click();

  await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    body: JSON.stringify({ name: 'B. Sum', group: 'CF', url: 'https://codeforces.com/1', interactive: false, memoryLimit: 256, timeLimit: 1000, tests: [{ input: '1 2\n', output: '3\n' }, { input: '20 22\n', output: '42\n' }] }),
  });
  const panel = page.getByTestId('tests-panel');
  await expect(panel.getByTestId('test-case')).toHaveCount(2);
  await typeCode(page, 'print(3)');

  await panel.getByText('Custom input').click();
  await panel.getByLabel('Custom input').fill('7 8\n');
  await panel.getByRole('button', { name: 'Run with this input' }).click();
  await expect(panel.getByTestId('custom-output')).toContainText('3');

  await panel.getByRole('button', { name: 'Run tests' }).click();
  await expect(panel.getByTestId('verdict-summary')).toContainText('WA');
  const requests: { id: string; prompt: string; newConversation: boolean }[] = [];
  await page.route('**/api/call/generate', async (route) => {
    const input = (route.request().postDataJSON() as { input: { id: string; prompt: string; newConversation: boolean } }).input;
    requests.push(input);
    await route.fulfill({ json: { ok: true, value: { id: input.id } } });
  });
  await panel.getByRole('button', { name: 'Fix with feedback' }).click();
  await expect.poll(() => requests.length).toBe(1);
  const request = requests[0];
  expect(request?.newConversation).toBe(false);
  expect(request?.prompt).toContain('failed test 2 (WA)');
  expect(request?.prompt).toContain('20 22');
  expect(request?.prompt).toContain('Expected output:\n```\n42');
  expect(request?.prompt).toContain('Your output:\n```\n3');

  inject({
    type: 'event',
    name: 'generationFinished',
    payload: { id: request?.id, reasoning: 'The code ignored the input.', answer: 'Fixed:\n\n```python\nprint(sum(map(int, input().split())))\n```', boxed: null, droppedTurns: 0, error: null, stats: { promptTokens: 1, completionTokens: 1, timeToFirstTokenMs: 1, tokensPerSecond: 1, durationMs: 1, stopReason: 'end' } },
  });
  // The editor held the user's typing, so the new code is offered rather than forced.
  await page.getByRole('button', { name: 'Replace (undoable)' }).click();
  await expect(page.getByTestId('editor').locator('.view-lines')).toContainText('print(sum(map(int, input().split())))');
  await panel.getByRole('button', { name: 'Run tests' }).click();
  await expect(panel.getByTestId('verdict-summary')).toContainText('AC 2/2 accepted');

  // Asking with the coding template puts the problem's sample tests into {{tests}}.
  await page.getByLabel('Problem statement').fill('Add two numbers.');
  await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
  await expect.poll(() => requests.length).toBe(2);
  expect(requests[1]?.prompt).toContain('Add two numbers.');
  expect(requests[1]?.prompt).toContain('Sample 1 input:\n1 2\nSample 1 output:\n3\n\nSample 2 input:\n20 22\nSample 2 output:\n42');
});
