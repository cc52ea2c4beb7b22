import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { vibeThinkerScript, writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';
import { expect, test } from './fixtures';
import { useOwnServers } from './support/own-servers';
import { typeCode } from './support/page-helpers';
import { savedSessions, sessionWithTurns } from './support/saved-sessions';

/**
 * The workspace as a new user meets it: sessions that keep their own work, a
 * conversation that shows and continues every turn, and survives restarts.
 */

const editorLines = (page: Page) => page.getByTestId('editor').locator('.view-lines');

/** The tiny model, scripted to reason `steps` steps and answer (deterministic, unlike the random one). */
const scriptedName = 'VibeThinker Tiny Scripted';
const writeScripted = (dataDir: string, steps: number) => writeTinyModel(join(dataDir, 'models', 'tiny.gguf'), { script: vibeThinkerScript(steps), name: scriptedName });

/** Clicks "Load <name>" where the conversation offers it (the empty thread by default) and waits for the model. */
async function loadOffered(page: Page, offer: Locator = page.getByTestId('load-model')): Promise<void> {
  await offer.getByRole('button', { name: `Load ${scriptedName}` }).click();
  await expect(page.getByTestId('status-model')).toContainText(scriptedName);
}

test('a Companion problem never overwrites the open session: it arrives as a new one, and each keeps its own statement, tests, code and verdicts', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'posts to the Companion port, which needs a free one');
  const page = await workbench.start({ companionPort: 'any' });
  const port = workbench.companionPort ?? 0;
  const panel = page.getByTestId('tests-panel');

  // The user's own work: a statement, a test, code, a verdict.
  await page.getByLabel('Problem statement').fill('Print three.\n\nNo input.');
  await panel.getByRole('button', { name: 'Add test' }).click();
  await panel.getByTestId('test-case').nth(0).getByLabel('Expected').fill('3\n');
  await typeCode(page, 'print(3)');
  await panel.getByRole('button', { name: 'Run tests' }).click();
  await expect(panel.getByTestId('verdict-summary')).toContainText('AC 1/1 accepted');
  await expect(page.getByTestId('session-item')).toHaveCount(1);

  const response = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'A. Sum of Two', group: 'CF', url: 'https://codeforces.com/1/A', memoryLimit: 256, timeLimit: 1000, tests: [{ input: '1 2\n', output: '3\n' }, { input: '20 22\n', output: '42\n' }] }),
  });
  expect(response.status).toBe(200);

  // Offered, not opened over the work: nothing of the open session changed.
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('“A. Sum of Two” arrived from Competitive Companion as a new session.');
  await expect(page.getByLabel('Problem statement')).toHaveValue('Print three.\n\nNo input.');
  await expect(panel.getByTestId('test-case')).toHaveCount(1);
  await expect(editorLines(page)).toContainText('print(3)');
  await expect(page.getByTestId('session-item')).toHaveCount(2);
  await expect(page.getByTestId('session-item').filter({ hasText: 'Print three.' })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('companion-offered.png') });

  // Opened: its own tests, no verdicts, no code of the other session.
  await notice.getByRole('button', { name: 'Open it' }).click();
  await expect(panel.getByTestId('problem-limits')).toContainText('A. Sum of Two');
  await expect(panel.getByTestId('test-case')).toHaveCount(2);
  await expect(panel.getByTestId('verdict-summary')).toHaveCount(0);
  await expect(page.getByLabel('Problem statement')).toHaveValue('');
  await expect(editorLines(page)).not.toContainText('print(3)');
  await typeCode(page, 'print(sum(map(int, input().split())))');
  await panel.getByRole('button', { name: 'Run tests' }).click();
  await expect(panel.getByTestId('verdict-summary')).toContainText('AC 2/2 accepted');

  // Back to the first: everything as left, its verdict restored with it.
  await page.getByTestId('session-item').filter({ hasText: 'Print three.' }).getByRole('button', { name: /Print three/ }).click();
  await expect(page.getByLabel('Problem statement')).toHaveValue('Print three.\n\nNo input.');
  await expect(editorLines(page)).toContainText('print(3)');
  await expect(panel.getByTestId('verdict-summary')).toContainText('AC 1/1 accepted');
  await expect(panel.getByTestId('test-case').nth(0)).toContainText('AC');

  // On disk: two sessions, each with its own problem and code.
  const saved = await savedSessions(workbench.dataDir);
  expect(saved.map((s) => s.title).sort()).toEqual(['A. Sum of Two', 'Print three.']);
  expect(saved.find((s) => s.title === 'Print three.')).toMatchObject({ code: 'print(3)', problem: { tests: [{ input: '', output: '3\n' }] } });
  expect(saved.find((s) => s.title === 'A. Sum of Two')?.problem.tests).toHaveLength(2);
});

test('an answer stays with the session that asked: switching sessions mid-answer, and closing the tab, lose nothing', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'closes the browser tab mid-answer');
  test.setTimeout(120_000);
  // Long enough to act while it streams (~2,000 reasoning steps).
  await writeScripted(workbench.dataDir, 2000);
  const page = await workbench.start();
  await loadOffered(page);
  await page.getByLabel('Problem statement').fill('Session A: what is 2 + 2?');
  await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
  await expect(page.getByTestId('reasoning-text')).toContainText('(20)');

  // Another session while A's answer streams: B shows none of it.
  await page.getByRole('complementary', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByTestId('turn')).toHaveCount(0);
  await page.getByLabel('Problem statement').fill('Session B: something else');
  await expect(page.getByTestId('session-item')).toHaveCount(2);
  await expect(page.getByTestId('turn')).toHaveCount(0);

  // The tab closes mid-answer; the server finishes the turn and saves it in A.
  const context = page.context();
  await page.close();
  const a = await sessionWithTurns(workbench.dataDir, 1, (s) => s.problem.statement.startsWith('Session A'));
  expect(a.thread[0]?.answer).toContain('The answer is');
  expect(a.thread[0]?.stats?.stopReason).toBe('end');
  expect((await savedSessions(workbench.dataDir)).find((s) => s.problem.statement.startsWith('Session B'))?.thread).toEqual([]);

  const again = await context.newPage();
  await again.goto(workbench.url ?? '');
  await again.getByTestId('session-item').getByRole('button', { name: /Session A/ }).click();
  await expect(again.getByTestId('turn')).toHaveCount(1);
  await expect(again.getByTestId('answer-text')).toContainText('The answer is');
});

test('a reload mid-answer shows the answer being written, with what it had written, and it streams on', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'reloads the browser tab');
  test.setTimeout(120_000);
  // ~3 s of reasoning at the tiny model's ~1,000 tok/s: a reload and its reconnect land well inside it.
  await writeScripted(workbench.dataDir, 3000);
  const page = await workbench.start();
  await loadOffered(page);
  await page.getByLabel('Problem statement').fill('What is 2 + 2, slowly?');
  await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
  await expect(page.getByTestId('reasoning-text')).toContainText('(30)');

  await page.reload();
  // Reopened with the answer in progress: its text so far at once, then more, and Stop still there.
  await expect(page.getByTestId('turn')).toHaveCount(1);
  await expect(page.getByTestId('reasoning-text')).toContainText('(30)', { timeout: 5_000 });
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(page.getByTestId('answer-text')).toContainText('The answer is', { timeout: 60_000 });
  await expect(page.getByTestId('generation-stats')).toContainText('finished');
  // textContent: innerText leaves out pages scrolled out of view (content-visibility skips their layout).
  const text = (await page.getByTestId('reasoning-text').textContent()) ?? '';
  for (const step of ['(1)', '(29)', '(30)', '(31)', '(700)']) expect(text.split(step).length - 1, `${step} once`).toBe(1);
  await expect(page.getByTestId('turn')).toHaveCount(1);
  expect((await sessionWithTurns(workbench.dataDir, 1)).thread).toHaveLength(1);
});

test.describe('a conversation across restarts', () => {
  test.beforeEach(({ workbench }) => test.skip(workbench.kind !== 'web', 'restarts the web server'));
  test.setTimeout(180_000);
  const { serve, stopAll, crashAll, track } = useOwnServers();

  async function openTab(context: BrowserContext, url: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('editor').locator('.monaco-editor').waitFor();
    return page;
  }

  const turns = (page: Page) => page.getByTestId('turn');
  const finishedTurns = (page: Page) => page.getByTestId('generation-stats').filter({ hasText: 'finished' });

  async function followUp(page: Page, text: string, count: number) {
    await page.getByLabel('Follow-up', { exact: true }).fill(text);
    await page.getByTestId('reply-box').getByRole('button', { name: 'Send' }).click();
    await expect(finishedTurns(page)).toHaveCount(count, { timeout: 30_000 });
  }

  test('load the model in one click, fix max tokens in one, hold a three-turn conversation, restart the server and the browser, and go on with it', async ({ workbench, webBrowser }) => {
    const { dataDir } = workbench;
    await writeScripted(dataDir, 150);
    const first = await serve(dataDir, 0);
    const context = track(await (await webBrowser()).newContext({ viewport: { width: 1440, height: 900 } }));
    const page = await openTab(context, first.url);

    // Models on disk, none loaded: the conversation offers to load the one there is.
    const load = page.getByTestId('load-model');
    await expect(load).toContainText('No model is loaded');
    await loadOffered(page, load);

    // Max tokens (40,960 by default) does not fit the loaded context: said before asking, fixed in one click.
    const warning = page.getByTestId('max-tokens-warning');
    await expect(warning).toContainText('is more than the loaded context');
    await warning.getByRole('button', { name: /^Use / }).click();
    await expect(warning).toHaveCount(0);
    const maxTokens = Number(await page.getByLabel('Max tokens').inputValue());
    expect(maxTokens).toBeLessThanOrEqual(4096);

    await page.getByLabel('Problem statement').fill('What is 2 + 2?');
    await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
    await expect(finishedTurns(page)).toHaveCount(1, { timeout: 30_000 });
    // The view followed the stream: the end of the answer is in sight, not below the fold.
    await expect(page.getByTestId('generation-stats')).toBeInViewport();

    await followUp(page, 'Why is it four?', 2);
    await page.getByLabel('Follow-up', { exact: true }).fill('And two more?');
    await page.getByLabel('Follow-up', { exact: true }).press('Control+Enter');
    await expect(finishedTurns(page)).toHaveCount(3, { timeout: 30_000 });
    await expect(page.getByTestId('generation-stats').last()).toBeInViewport();

    // Every turn in order; earlier reasoning folded; the statement and title are still the problem's.
    await expect(turns(page)).toHaveCount(3);
    await expect(turns(page).nth(1).getByTestId('turn-asked')).toContainText('Why is it four?');
    await expect(turns(page).nth(2).getByTestId('turn-asked')).toContainText('And two more?');
    await expect(turns(page).nth(0).getByTestId('reasoning')).not.toHaveAttribute('open');
    await expect(turns(page).nth(2).getByTestId('reasoning')).toHaveAttribute('open');
    await expect(page.getByLabel('Problem statement')).toHaveValue('What is 2 + 2?');
    await expect(page.getByTestId('session-item')).toHaveCount(1);
    await expect(page.getByTestId('session-item')).toContainText('What is 2 + 2?');
    await expect(page.getByTestId('session-item')).toContainText('3 answers');
    await page.screenshot({ path: test.info().outputPath('thread-1440x900.png') });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: test.info().outputPath('thread-1024x700.png') });

    // The server restarts (a new token), and the browser is a new one: the conversation is all there.
    await stopAll();
    await context.close();
    const second = await serve(dataDir, first.port);
    const context2 = track(await (await webBrowser()).newContext({ viewport: { width: 1440, height: 900 } }));
    const again = await openTab(context2, second.url);
    await again.getByTestId('session-item').getByRole('button', { name: /What is 2 \+ 2\?/ }).click();
    await expect(again.getByLabel('Problem statement')).toHaveValue('What is 2 + 2?');
    await expect(turns(again)).toHaveCount(3);
    await expect(turns(again).nth(2).getByTestId('turn-asked')).toContainText('And two more?');
    await expect(turns(again).nth(0).getByTestId('answer-text')).toContainText('The answer is');

    // No model after the restart: the thread offers to load it, then the conversation goes on.
    await loadOffered(again, again.getByTestId('load-model-bar'));
    await expect(again.getByTestId('load-model-bar')).toHaveCount(0);
    await followUp(again, 'Once more, please.', 4);
    await expect(again.getByLabel('Problem statement')).toHaveValue('What is 2 + 2?');

    // Core rebuilt the context from the saved turns: each follow-up's prompt is longer than the last, nothing dropped.
    const session = await sessionWithTurns(dataDir, 4);
    expect(session.thread.map((t) => t.kind)).toEqual(['ask', 'followUp', 'followUp', 'followUp']);
    const promptTokens = session.thread.map((t) => t.stats?.promptTokens ?? 0);
    for (let i = 1; i < promptTokens.length; i++) expect(promptTokens[i]).toBeGreaterThan(promptTokens[i - 1] ?? 0);
    expect(session.thread.every((t) => t.droppedTurns === 0)).toBe(true);
    expect(session.problem.statement).toBe('What is 2 + 2?');
  });

  test('an answer cut by a server restart never shows as running for ever: a crash leaves its text marked, a shutdown saves it', async ({ workbench, webBrowser }) => {
    const { dataDir } = workbench;
    await writeScripted(dataDir, 3000);
    const first = await serve(dataDir, 0, ['--keep-token']);
    const context = track(await (await webBrowser()).newContext({ viewport: { width: 1280, height: 800 } }));
    const page = await openTab(context, first.url);
    const askWhileServing = async () => {
      await loadOffered(page);
      await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
      await expect(page.getByTestId('reasoning-text').last()).toContainText('(20)');
    };
    await page.getByLabel('Problem statement').fill('What is 2 + 2?');
    await askWhileServing();

    // A crash (no time to save anything): once the tab is back, the answer is no longer "running".
    await crashAll();
    await serve(dataDir, first.port, ['--keep-token']);
    await expect(page.getByTestId('status-connection')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
    const cut = page.getByRole('alert').filter({ hasText: 'The server restarted while this answer was being written' });
    await expect(cut).toBeVisible();
    await expect(page.getByTestId('reasoning-text')).toContainText('(20)');
    await expect(cut.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(page.getByTestId('notice')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('answer-cut-by-crash.png') });
    await page.getByTestId('reasoning-scroll').getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('turn')).toHaveCount(0);

    // A shutdown (SIGTERM, as a classroom box rebooting): the answer so far is saved as a turn, with why it stopped.
    await askWhileServing();
    await stopAll();
    await serve(dataDir, first.port, ['--keep-token']);
    await expect(page.getByTestId('status-connection')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
    await expect(page.getByRole('alert').filter({ hasText: 'The workbench was shut down while this answer was being written' })).toBeVisible();
    await expect(page.getByTestId('turn')).toHaveCount(1);
    const [saved] = (await sessionWithTurns(dataDir, 1)).thread;
    expect(saved?.reasoning).toContain('(20)');
  });
});
