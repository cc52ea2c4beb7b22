import { join } from 'node:path';
import { expect, test } from './fixtures';
import { typeCode } from './support/page-helpers';
import { sessionWithTurns } from './support/saved-sessions';

test('a problem posted as Competitive Companion posts it is judged in the UI, with verdicts and a WA diff', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'the desktop app listens on the configured port; this test needs a free one');
  const page = await workbench.start({ companionPort: 'any' });
  const port = workbench.companionPort ?? 0;
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
  // The workspace was empty: the problem opens in it, as a session of its own.
  await expect(panel.getByTestId('problem-limits')).toContainText('A. Sum of Two');
  await expect(panel.getByTestId('test-case')).toHaveCount(2);
  await expect(page.getByTestId('session-item')).toHaveCount(1);

  await typeCode(page, 'print(3)');
  await panel.getByRole('button', { name: 'Run tests' }).click();
  await expect(panel.getByTestId('verdict-summary')).toContainText('WA 1/2 accepted');
  await expect(panel.getByTestId('test-case').nth(0)).toContainText('AC');
  await expect(panel.getByTestId('test-case').nth(1).getByTestId('diff')).toContainText('-    1 | 42');
  await expect(panel.getByTestId('test-case').nth(1).getByTestId('diff')).toContainText('+    1 | 3');
  await expect(panel.getByTestId('containment')).toContainText(/time on( \(all processes\))? · memory on( \(all processes\))? · processes on/);
  await page.screenshot({ path: test.info().outputPath('judge-wa.png') });
  await panel.getByTestId('containment').scrollIntoViewIfNeeded();
  await panel.screenshot({ path: test.info().outputPath('judge-containment.png') });

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
  await expect(page.getByRole('region', { name: 'Problem' })).toHaveAttribute('data-save-state', 'saved');
  await page.reload();
  await expect(page.getByTestId('problem-limits')).toContainText('A. Sum of Two');
  await expect(page.getByLabel('Problem statement')).toHaveValue('Print the sum of two integers.');
  // The last verdicts come back with the session.
  await expect(panel.getByTestId('test-case').nth(2)).toContainText('WA');
});

test('a malformed post is refused and imports nothing', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'needs a free port');
  const page = await workbench.start({ companionPort: 'any' });
  const port = workbench.companionPort ?? 0;
  await expect(page.getByTestId('companion-status')).toContainText(`port ${port}`);
  const json = { 'Content-Type': 'application/json' };
  const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: json, body: '{"name": "broken"' });
  expect(response.status).toBe(400);
  // A web page can only send text/plain without asking first: refused before the body is read.
  const fromPage = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'Content-Type': 'text/plain', Origin: 'https://evil.example' }, body: '{"name": "A", "tests": []}' });
  expect([403, 415]).toContain(fromPage.status);
  // A good post after them arrives alone: nothing of the refused ones was imported before it.
  const good = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'B. Good', tests: [{ input: '1\n', output: '1\n' }] }) });
  expect(good.status).toBe(200);
  // The workspace was empty, so it opens as the one session there is.
  await expect(page.getByTestId('session-item')).toHaveCount(1);
  await expect(page.getByTestId('session-item')).toContainText('B. Good');
  await expect(page.getByTestId('tests-panel').getByLabel('Saved problems').locator('option')).toHaveCount(2);
  await expect(page.getByTestId('tests-panel').getByLabel('Saved problems')).toContainText('B. Good');
  await expect(page.getByTestId('tests-panel').getByLabel('Saved problems')).not.toContainText('broken');
});

test('custom input runs, and "Fix with feedback" sends the failing test to the model and lands the new code', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'posts to the Companion port, which needs a free one');
  // A scripted tiny model: every answer is this fix, so the whole path (core builds the prompt, the
  // model answers, core saves the turn with its code) runs for real.
  const { writeTinyModel } = await import('../test/fixtures/tiny-model/tiny-model');
  await writeTinyModel(join(workbench.dataDir, 'models', 'tiny.gguf'), { script: ['<think>', 'The', 'Ġcode', 'Ġignored', 'Ġthe', 'Ġinput.', '</think>', 'Fixed:ĊĊ```pythonĊprint(sum(map(int,Ġinput().split())))Ċ```'] });
  const page = await workbench.start({ companionPort: 'any' });
  const port = workbench.companionPort ?? 0;
  await page.getByRole('button', { name: 'Models' }).click();
  await page.getByTestId('model-row').getByRole('button', { name: 'Load' }).click();
  await expect(page.getByTestId('model-state')).toHaveAttribute('data-state', 'ready');
  await page.getByRole('button', { name: 'Workbench' }).click();

  await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
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
  await panel.getByRole('button', { name: 'Fix with feedback' }).click();

  // The turn core saved holds the exact prompt: the failing test, expected and actual output.
  const fixed = await sessionWithTurns(workbench.dataDir, 1);
  const fix = fixed.thread[0];
  expect(fix?.kind).toBe('fix');
  expect(fix?.prompt).toContain('failed test 2 (WA)');
  expect(fix?.prompt).toContain('20 22');
  expect(fix?.prompt).toContain('Expected output:\n```\n42');
  expect(fix?.prompt).toContain('Your output:\n```\n3');
  await expect(page.getByTestId('turn')).toHaveCount(1);
  await expect(page.getByTestId('turn').getByTestId('turn-asked')).toContainText('failed test 2 (WA)');

  // The editor held the user's typing, so the new code is offered rather than forced.
  await page.getByRole('button', { name: 'Replace (undoable)' }).click();
  await expect(page.getByTestId('editor').locator('.view-lines')).toContainText('print(sum(map(int, input().split())))');
  await panel.getByRole('button', { name: 'Run tests' }).click();
  await expect(panel.getByTestId('verdict-summary')).toContainText('AC 2/2 accepted');

  // Asking with the coding template puts the problem's sample tests into {{tests}}.
  await page.getByLabel('Problem statement').fill('Add two numbers.');
  await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
  const asked = (await sessionWithTurns(workbench.dataDir, 2)).thread[1];
  expect(asked?.kind).toBe('ask');
  expect(asked?.prompt).toContain('Add two numbers.');
  expect(asked?.prompt).toContain('Sample 1 input:\n1 2\nSample 1 output:\n3\n\nSample 2 input:\n20 22\nSample 2 output:\n42');
  await expect(page.getByTestId('turn')).toHaveCount(2);
});
