import type { Page } from '@playwright/test';

/** Replaces the editor's text by typing, as a user does (Monaco takes keystrokes, not a value). */
export async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(code);
}

/** Puts `code` in the editor's shown tab as a paste does (no auto-closing brackets or auto-indent, as typing gets). */
export async function pasteCode(page: Page, code: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => (globalThis as unknown as { navigator: { clipboard: { writeText(t: string): Promise<void> } } }).navigator.clipboard.writeText(text), code);
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

/** Changes settings through the app's own API from the page (its cookie), as the Settings view would. */
export async function updateSettingsFromPage(page: Page, patch: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (input) => {
    const response = await fetch('/api/call/updateSettings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input }) });
    if (!response.ok) throw new Error(`updateSettings: HTTP ${response.status}`);
  }, patch);
}

/** Saves the window's layout (view, open session, sidebar…) for the next load, as the app keeps it. */
export async function saveLayout(page: Page, layout: Record<string, unknown>): Promise<void> {
  await page.evaluate((text) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('vibe.layout', text), JSON.stringify(layout));
}
