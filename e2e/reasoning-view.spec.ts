import { join } from 'node:path';
import { writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Workbench } from './fixtures';
import { answerTranscript, reasoningTranscript, tokenPieces } from './support/transcript';
import { connectEventWire } from './support/event-wire';

/** Loads the tiny model for real, then takes over answers at the wire: returns a function that sends events. */
async function liveViewWithWire(workbench: Workbench): Promise<{ page: Page; send: (m: unknown) => void; ask: (prompt: string) => Promise<string> }> {
  await writeTinyModel(join(workbench.dataDir, 'models', 'tiny.gguf'));
  const page = await workbench.start();
  await page.getByRole('button', { name: 'Models' }).click();
  await page.getByTestId('model-row').getByRole('button', { name: 'Load' }).click();
  await expect(page.getByTestId('model-state')).toHaveAttribute('data-state', 'ready');
  await page.getByRole('button', { name: 'Workbench' }).click();
  const inject = await connectEventWire(page);
  const ids: string[] = [];
  // The turn is asked for real up to the server's door; its answer then comes from the test.
  await page.route('**/api/call/askSession', async (route) => {
    const id = (route.request().postDataJSON() as { input: { generationId: string } }).input.generationId;
    ids.push(id);
    await route.fulfill({ json: { ok: true, value: { turnId: `wire-${id}`, generationId: id, pick: 'lastPython' } } });
  });
  const ask = async (prompt: string) => {
    const before = ids.length;
    await page.getByLabel('Problem statement').fill(prompt);
    await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
    await expect.poll(() => ids.length).toBe(before + 1);
    return ids[before] ?? '';
  };
  return { page, send: inject, ask };
}

const finished = (id: string, answer: string) => ({
  type: 'event',
  name: 'generationFinished',
  payload: { id, reasoning: 'thinking', answer, boxed: null, droppedTurns: 0, error: null, stats: { promptTokens: 1, completionTokens: 2, timeToFirstTokenMs: 1, tokensPerSecond: 1, durationMs: 1, stopReason: 'end' } },
});

test('new code from an answer never silently replaces the user\'s edits', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'injects events at the WebSocket, which the desktop IPC does not use');
  const { page, send, ask } = await liveViewWithWire(workbench);
  const lines = page.getByTestId('editor').locator('.view-lines');

  // An untouched editor takes the answer's code directly.
  let id = await ask('first');
  send(finished(id, 'Here:\n\n```python\nprint("first")\n```'));
  await expect(lines).toContainText('print("first")');

  // The user edits; the next answer's code is offered, not forced.
  await lines.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n# my own note');
  id = await ask('second');
  send(finished(id, '```python\nprint("second")\n```'));
  await expect(page.getByTestId('editor-offer')).toBeVisible();
  await expect(lines).toContainText('# my own note');
  await expect(lines).not.toContainText('print("second")');
  await page.getByRole('button', { name: 'Replace (undoable)' }).click();
  await expect(lines).toContainText('print("second")');
  // One undo brings the user's text back.
  await lines.click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(lines).toContainText('# my own note');

  // "Open in editor" on a code block is an explicit request: it replaces (still undoable).
  await page.getByTestId('answer-text').getByRole('button', { name: 'Open in editor' }).click();
  await expect(lines).toContainText('print("second")');
});
test('a long reasoning transcript with math streams through the real view', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'injects events at the WebSocket, which the desktop IPC does not use');
  // The tiny model is really loaded (so Ask is enabled); the answer itself is fed at the wire
  // level: the same generationDelta / generationFinished events the model host sends.
  const { page, send, ask } = await liveViewWithWire(workbench);
  const id = await ask('How many integers n make n^2 + 1 divisible by n + 1?');

  const reasoning = reasoningTranscript(30);
  const pieces = [...tokenPieces(reasoning).map((p) => ({ reasoning: p, answer: '' })), ...tokenPieces(answerTranscript).map((p) => ({ reasoning: '', answer: p }))];
  let sent = 0;
  const scroller = page.getByTestId('reasoning-scroll');
  let heightWhenScrolledUp = 0;
  // Batches of ~12 pieces, as the host's 50 ms batching delivers them.
  for (let i = 0; i < pieces.length; i += 12) {
    const batch = pieces.slice(i, i + 12);
    sent += batch.length;
    send({ type: 'event', name: 'generationDelta', payload: { id, reasoning: batch.map((b) => b.reasoning).join(''), answer: batch.map((b) => b.answer).join(''), completionTokens: sent } });
    if (i === 240) {
      // Mid-stream: the view is live and math is already rendered.
      await expect(page.getByTestId('reasoning-text').locator('.katex').first()).toBeVisible();
      await expect(page.getByTestId('reasoning').locator('summary')).toContainText('thinking…');
    }
    if (i === 360) {
      // The reader scrolls up (once there is something to scroll): the view must stop following the stream…
      await expect.poll(() => scroller.evaluate((el) => el.scrollHeight > el.clientHeight + 100)).toBe(true);
      heightWhenScrolledUp = await scroller.evaluate((el) => {
        el.scrollTop = 0;
        return el.scrollHeight;
      });
    }
    if (i === 480) {
      // What streamed since is on the page, and the view stayed where the reader put it.
      await expect.poll(() => scroller.evaluate((el) => el.scrollHeight)).toBeGreaterThan(heightWhenScrolledUp);
      expect(await scroller.evaluate((el) => el.scrollTop)).toBeLessThan(50);
      // …and resume once they are back at the bottom.
      await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    }
    if (i % 120 === 0) await page.waitForTimeout(10);
  }
  send({
    type: 'event',
    name: 'generationFinished',
    payload: {
      id,
      reasoning,
      answer: answerTranscript,
      boxed: '\\frac{14}{2}',
      droppedTurns: 0,
      error: null,
      stats: { promptTokens: 40, completionTokens: sent, timeToFirstTokenMs: 20, tokensPerSecond: 90, durationMs: 9000, stopReason: 'end' },
    },
  });

  const view = page.getByRole('region', { name: 'Reasoning' });
  await expect(page.getByTestId('generation-stats')).toContainText('finished');
  // Pages far above the end are collapsed to their source (a small DOM), and their text is still in the document.
  await expect.poll(() => view.locator('.md-page-collapsed').count()).toBeGreaterThan(0);
  await expect(page.getByTestId('reasoning-text')).toContainText('Okay, let me');
  // The first page is collapsed now, and its words are still in the document, where the browser's find-in-page
  // searches (content-visibility: auto keeps skipped content searchable; window.find is no stand-in for it: it
  // found them in some runs only).
  expect(await scroller.evaluate((el) => el.querySelector('.md-page')?.classList.contains('md-page-collapsed'))).toBe(true);
  expect(await scroller.evaluate((el) => el.querySelector('.md-page')?.textContent ?? '')).toContain('Okay, let me think about this carefully');
  // Read from the top to the end: every page is rendered when it comes into view, with its math and no errors,
  // and collapsing or rendering a page again never moves the text.
  const pages = await readEveryPage(scroller);
  expect(pages.formulas).toBeGreaterThan(150);
  expect(pages.errors).toBe(0);
  expect(pages.heights.max - pages.heights.min).toBeLessThan(2);
  await expect(page.getByTestId('reasoning-text')).toContainText('a ticket costs $5 and a drink $10, which is irrelevant; the price of $3 too.');
  await expect(page.getByTestId('reasoning-text').locator('table').first()).toBeVisible();
  await expect(page.getByTestId('answer-text').locator('strong')).toHaveText('Approach.');
  await expect(page.getByTestId('answer-text').locator('.code-block .token.keyword').first()).toBeVisible();
  await expect(page.getByTestId('final-answer').locator('.katex')).toBeVisible();
  // The answer's Python went to Monaco on its own (the editor had no edits).
  await expect(page.getByTestId('editor').locator('.view-lines')).toContainText('def solve(n: int) -> int:');
  await expect.poll(() => scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(40);
  await page.screenshot({ path: test.info().outputPath('reasoning-view.png') });
  await page.getByTestId('reasoning-scroll').evaluate((el) => (el.scrollTop = 0));
  await expect(page.getByTestId('reasoning-text').locator('table').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('reasoning-view-top.png') });
  // Printing renders every page (a print cannot scroll them back), and none collapses until it is over.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(view.locator('.md-page-collapsed')).toHaveCount(0);
  expect(await page.getByTestId('reasoning-text').locator('.md-page .katex').count()).toBe(pages.formulas);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect.poll(() => view.locator('.md-page-collapsed').count()).toBeGreaterThan(0);
});

/**
 * Scrolls `scroller` from the top to the end a screen at a time. At each stop it waits until no collapsed page is
 * in view, then counts the formulas and errors of every page in view (each page once).
 */
async function readEveryPage(scroller: Locator): Promise<{ formulas: number; errors: number; heights: { min: number; max: number } }> {
  const seen = new Map<number, { formulas: number; errors: number }>();
  const heights: number[] = [];
  await scroller.evaluate((el) => (el.scrollTop = 0));
  for (;;) {
    await expect.poll(() => scroller.evaluate((el) => {
      const view = el.getBoundingClientRect();
      return [...el.querySelectorAll('.md-page-collapsed')].filter((p) => {
        const r = p.getBoundingClientRect();
        return r.bottom > view.top && r.top < view.bottom;
      }).length;
    })).toBe(0);
    const state = await scroller.evaluate((el) => {
      const view = el.getBoundingClientRect();
      const pages = [...el.querySelectorAll('[data-testid="reasoning-text"] .md-page')].map((p, index) => {
        const r = p.getBoundingClientRect();
        const inView = r.bottom > view.top && r.top < view.bottom;
        return { index, inView, formulas: p.querySelectorAll('.katex').length, errors: p.querySelectorAll('.katex-error, .math-invalid, .math-pending').length };
      });
      return { pages: pages.filter((p) => p.inView), height: el.scrollHeight, atEnd: el.scrollTop + el.clientHeight >= el.scrollHeight - 2 };
    });
    for (const p of state.pages) seen.set(p.index, p);
    heights.push(state.height);
    if (state.atEnd) break;
    await scroller.evaluate((el) => (el.scrollTop += el.clientHeight));
  }
  const all = [...seen.values()];
  return { formulas: all.reduce((n, p) => n + p.formulas, 0), errors: all.reduce((n, p) => n + p.errors, 0), heights: { min: Math.min(...heights), max: Math.max(...heights) } };
}
