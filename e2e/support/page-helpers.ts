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
