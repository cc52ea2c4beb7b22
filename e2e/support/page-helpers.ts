import type { Page } from '@playwright/test';

/** Replaces the editor's text by typing, as a user does (Monaco takes keystrokes, not a value). */
export async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(code);
}
