import type { Page } from '@playwright/test';
import { SessionStore } from '../src/core/sessions/session-store';
import { sampleSession } from '../test/fixtures/sample-session';
import { expect, test } from './fixtures';
import { saveLayout, updateSettingsFromPage } from './support/page-helpers';

/** Elements inside `selector` whose content is wider than their box (clipped or overflowing text and controls). */
async function overflowing(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('button, label, .hint, h2, .pane-actions, .sampling-row, .solve-controls')]
      // (Text cut on purpose, with an ellipsis, is not clipped: it says that there is more.)
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis')
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').trim().slice(0, 40)}`),
  );
}

/** The box of an element, in the page's coordinates. */
const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not shown`);
  return b;
};

test.describe('the layout at every size', () => {
  test.skip(({ workbench }) => workbench.kind !== 'web', 'window sizes are set on the browser page');

  test('a 1024×700 laptop with the sidebar: every pane fits, nothing is clipped, the sessions are a drawer', async ({ workbench }) => {
    await new SessionStore(workbench.dataDir).save(sampleSession('s1', { title: 'Sum of squares' }));
    await new SessionStore(workbench.dataDir).save(sampleSession('s2', { title: 'Lattice paths', updatedAt: '2026-11-30T10:00:00.000Z' }));
    const page = await workbench.start();
    await page.setViewportSize({ width: 1024, height: 700 });
    // The three panes side by side, the editor whole inside the window (it used to be cut off with no way to reach it).
    for (const pane of ['.problem-pane', '.thread-pane', '.editor-pane']) {
      const b = await box(page, pane);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(1024);
      expect(b.width).toBeGreaterThan(200);
    }
    // One line each: the status bar, the top bar, the Ask button.
    expect((await box(page, '.status-bar')).height).toBeLessThanOrEqual(30);
    expect((await box(page, '.top-bar')).height).toBeLessThanOrEqual(50);
    expect((await page.getByRole('button', { name: 'Ask VibeThinker' }).boundingBox())?.height).toBeLessThan(40);
    expect(await overflowing(page, '.problem-pane')).toEqual([]);
    expect(await overflowing(page, '.status-bar')).toEqual([]);

    // The sessions open as a drawer over the panes; picking one opens it and closes the drawer.
    const drawer = page.getByTestId('sessions-drawer');
    await expect(drawer).toBeHidden();
    await page.getByRole('button', { name: 'Sessions', exact: true }).click();
    await expect(drawer).toBeVisible();
    await drawer.getByTestId('session-item').filter({ hasText: 'Lattice paths' }).getByRole('button').first().click();
    await expect(drawer).toBeHidden();
    await expect(page.getByLabel('Problem statement')).toHaveValue(sampleSession().problem.statement);
    // Opening moves the keyboard into it; Escape closes it and gives focus back; what was typed there stays.
    const sessions = page.getByRole('button', { name: 'Sessions', exact: true });
    await sessions.click();
    await expect(drawer).toBeVisible();
    expect(await drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.type('Lattice');
    await page.mouse.click(900, 400);
    await expect(drawer).toBeHidden();
    await expect(sessions).toBeFocused();
    await sessions.click();
    await expect(drawer.getByRole('searchbox')).toHaveValue('Lattice');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await sessions.click();
    // Escape while renaming cancels the rename only.
    await drawer.getByTestId('session-item').first().getByRole('button', { name: /^Rename/ }).click();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await page.screenshot({ path: test.info().outputPath('layout-1024.png') });
  });

  test('the panes resize by dragging or with the keyboard, and keep their sizes after a reload', async ({ workbench }) => {
    const page = await workbench.start();
    await page.setViewportSize({ width: 1440, height: 900 });
    const width = async (pane: string) => (await box(page, pane)).width;
    const before = { problem: await width('.problem-pane'), thread: await width('.thread-pane'), editor: await width('.editor-pane') };
    const handle = page.getByRole('separator', { name: 'Resize the problem and conversation panes' });
    const h = await handle.boundingBox();
    if (!h) throw new Error('no handle');
    await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await page.mouse.down();
    await page.mouse.move(h.x + h.width / 2 + 60, h.y + h.height / 2, { steps: 4 });
    await page.mouse.move(h.x + h.width / 2 + 120, h.y + h.height / 2, { steps: 4 });
    await page.mouse.up();
    // Only the two panes beside the handle change, by what was dragged.
    expect(await width('.problem-pane')).toBeCloseTo(before.problem + 120, -1);
    expect(await width('.thread-pane')).toBeCloseTo(before.thread - 120, -1);
    expect(await width('.editor-pane')).toBeCloseTo(before.editor, 0);
    const dragged = await width('.problem-pane');

    await page.reload();
    await expect(page.getByRole('region', { name: 'Problem' })).toBeVisible();
    expect(await width('.problem-pane')).toBeCloseTo(dragged, 0);

    // The keyboard: an arrow moves the focused handle 16 px, Home puts every pane back.
    const second = page.getByRole('separator', { name: 'Resize the conversation and editor panes' });
    await second.focus();
    const editor = await width('.editor-pane');
    // (To the right: the conversation was dragged down to near its minimum just now.)
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await width('.editor-pane')).toBeCloseTo(editor - 32, 0);
    await expect(second).toHaveAttribute('aria-valuenow', /\d+/);
    await page.keyboard.press('Home');
    expect(await width('.problem-pane')).toBeCloseTo(before.problem, 0);
    // No drag makes a pane vanish: a huge drag stops at the neighbour's minimum.
    await handle.focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
    expect(await width('.thread-pane')).toBeGreaterThanOrEqual(259);
  });

  test('a phone: one pane at a time, no sideways scrolling, the sessions in a drawer', async ({ workbench }) => {
    await new SessionStore(workbench.dataDir).save(sampleSession('s1', { title: 'Sum of squares' }));
    const page = await workbench.start();
    await page.setViewportSize({ width: 390, height: 844 });
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    const switcher = page.getByRole('tablist', { name: 'Panes' });
    await expect(switcher).toBeVisible();
    await expect(page.getByRole('region', { name: 'Problem' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Reasoning' })).toBeHidden();
    await expect(page.getByRole('region', { name: 'Solution' })).toBeHidden();
    expect(await overflowing(page, '.problem-pane')).toEqual([]);

    await page.getByRole('button', { name: 'Sessions', exact: true }).click();
    await page.getByTestId('sessions-drawer').getByTestId('session-item').getByRole('button').first().click();
    await switcher.getByRole('tab', { name: 'Conversation' }).click();
    await expect(switcher.getByRole('tab', { name: 'Conversation' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('region', { name: 'Reasoning' })).toBeVisible();
    await expect(page.getByTestId('answer-text').first()).toContainText('The sum is');
    await expect(page.getByRole('region', { name: 'Problem' })).toBeHidden();
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    await switcher.getByRole('tab', { name: 'Code' }).click();
    await expect(page.getByRole('region', { name: 'Solution' })).toBeVisible();
    const editor = await box(page, '.editor-pane');
    expect(editor.x + editor.width).toBeLessThanOrEqual(390);
    expect((await box(page, '.status-bar')).height).toBeLessThanOrEqual(30);
    await page.screenshot({ path: test.info().outputPath('layout-phone.png') });
  });

  test('presenting on a phone: the toolbar keeps to two rows, the rest behind More, which Escape closes', async ({ workbench }) => {
    await new SessionStore(workbench.dataDir).save(sampleSession('s1', { title: 'Sum of squares' }));
    const page = await workbench.start();
    await page.setViewportSize({ width: 390, height: 844 });
    await saveLayout(page, { view: 'workbench', sessionId: 's1', presentation: true });
    await page.reload();
    const bar = page.getByRole('toolbar', { name: 'Presentation' });
    await expect(bar).toBeVisible();
    const more = bar.getByRole('button', { name: 'More' });
    const rowHeight = (await more.boundingBox())?.height ?? 0;
    expect(rowHeight).toBeGreaterThan(0);
    // Two rows of buttons and the gaps between them; it was five rows before More.
    expect((await box(page, '.presentation-bar')).height).toBeLessThan(rowHeight * 2.8);
    for (const name of ['Steps', 'Replay', 'Pen', 'Exit presentation']) await expect(bar.getByRole('button', { name, exact: true })).toBeVisible();
    await expect(bar.getByRole('button', { name: 'High contrast' })).toBeHidden();
    await expect(bar.getByRole('button', { name: 'Hide paths' })).toBeHidden();
    // Exit is its icon alone, still named in words.
    await expect(bar.locator('.exit-presentation .bar-label')).toBeHidden();
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await page.screenshot({ path: test.info().outputPath('presentation-phone.png') });

    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    // The tools it shows come before it in the bar: the focus goes to the first of them.
    await expect(bar.getByRole('button', { name: 'S', exact: true })).toBeFocused();
    for (const name of ['High contrast', 'Reasoning', 'Hide paths', 'XL', 'Red']) await expect(bar.getByRole('button', { name, exact: true })).toBeVisible();
    await expect(bar.getByLabel('Replay speed (tokens per second)')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: test.info().outputPath('presentation-phone-more.png') });
    // A tool behind More works, and Escape folds them away again with the focus back on More.
    await bar.getByRole('button', { name: 'High contrast' }).click();
    await expect(page.getByTestId('presentation')).toHaveAttribute('data-contrast', 'true');
    await page.keyboard.press('Escape');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(more).toBeFocused();
    await expect(bar.getByRole('button', { name: 'High contrast' })).toBeHidden();
    // A second Escape does not leave the presentation.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('presentation')).toBeVisible();

    // Wider, every tool is in the row and More is not shown.
    await page.setViewportSize({ width: 1024, height: 700 });
    await expect(more).toBeHidden();
    await expect(bar.getByRole('button', { name: 'High contrast' })).toBeVisible();
    await expect(bar.locator('.exit-presentation .bar-label')).toBeVisible();
  });

  test('the high-contrast theme applies to the whole app, the editor included', async ({ workbench }) => {
    const page = await workbench.start();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('radiogroup', { name: 'Theme' }).getByText('High contrast').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'high-contrast');
    await page.getByRole('button', { name: 'Workbench', exact: true }).click();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    await expect(page.locator('.editor-pane .monaco-editor')).toHaveClass(/hc-black/);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'high-contrast');
  });

  for (const [size, language] of [[{ width: 1024, height: 700 }, 'en'], [{ width: 390, height: 844 }, 'en'], [{ width: 1024, height: 700 }, 'zh-CN'], [{ width: 390, height: 844 }, 'zh-CN']] as const) {
    test(`every view at ${size.width}×${size.height} (${language}): no sideways scrolling, no clipped button or label`, async ({ workbench }) => {
      await new SessionStore(workbench.dataDir).save(sampleSession('s1', { title: 'Sum of squares' }));
      const page = await workbench.start();
      await page.setViewportSize(size);
      await updateSettingsFromPage(page, { language });
      const found: string[] = [];
      for (const view of ['workbench', 'models', 'templates', 'evaluate', 'settings', 'presentation']) {
        await saveLayout(page, { view: view === 'presentation' ? 'workbench' : view, sessionId: 's1', sidebarOpen: true, presentation: view === 'presentation' });
        await page.reload();
        await page.locator(`html[lang="${language}"]`).waitFor();
        await page.waitForTimeout(300);
        if ((await page.evaluate(() => document.documentElement.scrollWidth)) > size.width) found.push(`${view}: the page scrolls sideways`);
        for (const line of await overflowing(page, '.app')) found.push(`${view}: ${line}`);
      }
      expect(found).toEqual([]);
    });
  }
});
