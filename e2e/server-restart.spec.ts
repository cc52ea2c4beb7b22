import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';
import { expect, test } from './fixtures';
import { useOwnServers } from './support/own-servers';

/**
 * `vibe serve` restarting under an open tab (a classroom box rebooting). These tests run their own
 * servers, on one port and one data folder, so they can stop one and start the next; the fixture
 * only provides the browser and the folder.
 */
test.describe('web mode restarts', () => {
  test.beforeEach(({ workbench }) => test.skip(workbench.kind !== 'web', 'web mode only'));
  test.setTimeout(120_000);

  const { serve, stopAll, track } = useOwnServers();

  /** A tab on the printed address; uncaught errors fail the test. Refused requests log console errors by design. */
  async function openTab(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.getByTestId('editor').locator('.monaco-editor').waitFor();
    await expect(page.getByTestId('status-connection')).toHaveAttribute('data-state', 'connected');
    return page;
  }

  test('with a kept token, a restart does not break the tab: it reconnects, refetches and keeps working', async ({ workbench, webBrowser }) => {
    await writeTinyModel(join(workbench.dataDir, 'models', 'random-tiny.gguf'));
    const first = await serve(workbench.dataDir, 0, ['--keep-token']);
    const context = track(await (await webBrowser()).newContext({ viewport: { width: 1280, height: 800 } }));
    const errors: string[] = [];
    const page = await openTab(context, first.url, errors);
    const loadModel = async () => {
      await page.getByRole('button', { name: 'Models' }).click();
      await page.getByTestId('model-row').filter({ hasText: 'random-tiny.gguf' }).getByRole('button', { name: 'Load' }).click();
      await expect(page.getByTestId('model-state')).toHaveAttribute('data-state', 'ready');
      await page.getByRole('button', { name: 'Workbench' }).click();
    };
    await loadModel();
    await expect(page.getByTestId('status-model')).not.toContainText('none loaded');
    await page.getByLabel('Problem statement').fill('Print the sum of two integers.');

    await stopAll();
    const banner = page.getByTestId('connection-banner');
    await expect(banner).toHaveAttribute('data-state', 'unreachable');
    await expect(banner).toContainText(/Cannot reach the workbench server\. .*Trying again (in \d+ s|now) \(attempt \d+\)/);
    await expect(page.getByTestId('status-connection')).toHaveAttribute('data-state', 'reconnecting');
    await page.screenshot({ path: test.info().outputPath('kept-token-unreachable.png') });

    const second = await serve(workbench.dataDir, first.port, ['--keep-token']);
    expect(second.url).toBe(first.url);
    await expect(page.getByTestId('status-connection')).toHaveAttribute('data-state', 'connected');
    await expect(banner).toHaveAttribute('data-state', 'reconnected');
    await expect(banner).toContainText('Reconnected. The server had restarted');
    // Refetched: the restarted server has no model loaded, and the status bar says so.
    await expect(page.getByTestId('status-model')).toContainText('none loaded');
    await page.screenshot({ path: test.info().outputPath('kept-token-reconnected.png') });

    // And it keeps working: calls and events go through, the text typed before is still there.
    await expect(page.getByLabel('Problem statement')).toHaveValue('Print the sum of two integers.');
    await loadModel();
    await expect(page.getByTestId('status-model')).not.toContainText('none loaded');
    await expect(banner).toBeHidden({ timeout: 15_000 });
    // A reload still gets in: the cookie from before the restart is accepted.
    await page.reload();
    await page.getByTestId('editor').locator('.monaco-editor').waitFor();
    expect(errors).toEqual([]);
  });

  test('without a kept token, the tab says the server restarted with a new address, and gets back in when it is opened', async ({ workbench, webBrowser }) => {
    const first = await serve(workbench.dataDir, 0);
    const context = track(await (await webBrowser()).newContext({ viewport: { width: 1280, height: 800 } }));
    const errors: string[] = [];
    const page = await openTab(context, first.url, errors);

    await stopAll();
    const second = await serve(workbench.dataDir, first.port);
    expect(second.url).not.toBe(first.url);
    const banner = page.getByTestId('connection-banner');
    await expect(banner).toHaveAttribute('data-state', 'refused');
    await expect(banner).toContainText('The workbench server restarted with a new access address.');
    await expect(banner).toContainText('Open the address it printed (or ask the person running it).');
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(page.getByTestId('status-connection')).toHaveAttribute('data-state', 'refused');
    await expect(page.getByTestId('status-connection')).toContainText('Access refused');
    await page.screenshot({ path: test.info().outputPath('restarted-new-address.png') });

    // Reloading with the stale cookie shows the 401 page (a page, with no token in it).
    const other = await context.newPage();
    other.on('pageerror', (error) => errors.push(error.message));
    const refusedLoad = await other.goto(new URL('/', first.url).href);
    expect(refusedLoad?.status()).toBe(401);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('This workbench needs its access address');
    expect(await other.content()).not.toContain(new URL(first.url).searchParams.get('token') ?? '');
    await other.screenshot({ path: test.info().outputPath('refused-page.png') });

    // Opening the new address in another tab sets the browser's cookie: the first tab gets back in by itself.
    await other.goto(second.url);
    await other.getByTestId('editor').locator('.monaco-editor').waitFor();
    await expect(page.getByTestId('status-connection')).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
    await expect(banner).toHaveAttribute('data-state', 'reconnected');
    expect(errors).toEqual([]);
  });
});
