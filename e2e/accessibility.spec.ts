import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SessionStore } from '../src/core/sessions/session-store';
import { sampleSession } from '../test/fixtures/sample-session';
import { expect, test } from './fixtures';
import { saveLayout, updateSettingsFromPage } from './support/page-helpers';

/** Each view, reached from the workbench with a saved session open. */
const views: [string, (page: Page) => Promise<void>][] = [
  ['workbench', async () => undefined],
  ['models', (page) => page.getByRole('button', { name: 'Models', exact: true }).click()],
  ['templates', (page) => page.getByRole('button', { name: 'Templates', exact: true }).click()],
  ['evaluate', (page) => page.getByRole('button', { name: 'Evaluate', exact: true }).click()],
  ['settings', (page) => page.getByRole('button', { name: 'Settings', exact: true }).click()],
  ['presentation', (page) => page.getByRole('button', { name: 'Present', exact: true }).click()],
];

/** The serious and critical problems axe finds on the page as it is, one line each. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

test.describe('accessibility (axe)', () => {
  test.skip(({ workbench }) => workbench.kind !== 'web', 'runs in the browser page');

  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    test(`every view has no serious or critical axe violation, ${theme} theme`, async ({ workbench }) => {
      test.setTimeout(90_000);
      await new SessionStore(workbench.dataDir).save(sampleSession('s1', { title: 'Sum of squares' }));
      const page = await workbench.start();
      await updateSettingsFromPage(page, { theme });
      const found: string[] = [];
      for (const [name, open] of views) {
        await saveLayout(page, { view: 'workbench', sessionId: 's1', sidebarOpen: true });
        await page.reload();
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await page.getByTestId('turn').first().waitFor();
        await open(page);
        await page.waitForTimeout(300);
        for (const line of await violations(page)) found.push(`${name}: ${line}`);
      }
      expect(found).toEqual([]);
    });
  }

  test('the keyboard reaches every action of the workbench, and where it is always shows', async ({ workbench }) => {
    await new SessionStore(workbench.dataDir).save(sampleSession('s1', { title: 'Sum of squares' }));
    const page = await workbench.start();
    await page.getByTestId('session-item').getByRole('button').first().click();
    await page.getByTestId('turn').first().waitFor();
    // From the top of a fresh page (the session reopens), Tab by Tab to the editor, which keeps Tab for indenting
    // (Monaco's Ctrl+M makes Tab move focus instead, as in VS Code).
    await page.reload();
    await page.getByTestId('turn').first().waitFor();
    const reached = new Set<string>();
    const unmarked: string[] = [];
    await page.locator('body').focus();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        // Monaco draws its own cursor for its hidden textarea.
        if (el.closest('.monaco-editor')) return { name: 'editor', marked: true };
        const style = getComputedStyle(el);
        const marked = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName;
        return { name: `${el.tagName.toLowerCase()}:${name}`, marked };
      });
      if (!focus) continue;
      reached.add(focus.name);
      if (focus.name === 'editor') break;
      if (!focus.marked) unmarked.push(focus.name);
    }
    expect(unmarked).toEqual([]);
    for (const action of ['button:Run tests', 'button:Sessions', 'button:Present', 'textarea:Problem statement', 'select:Template', 'editor']) {
      expect([...reached], action).toContain(action);
    }
    expect([...reached].some((n) => n.startsWith('div:Resize the problem'))).toBe(true);
  });
});
