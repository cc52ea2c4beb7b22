import { createServer } from 'node:net';
import type { Page } from '@playwright/test';

/** A port nothing listens on now (for the Competitive Companion listener of a test's server). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** Replaces the editor's text by typing, as a user does (Monaco takes keystrokes, not a value). */
export async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(code);
}
