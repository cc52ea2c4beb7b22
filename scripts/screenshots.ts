/**
 * `npm run screenshots [-- --out screenshots] [--only workbench,models] [--language zh-CN]`
 *
 * Screenshots every view of the real UI (web mode, the tiny model loaded, a saved session with a thread, tests and
 * verdicts open) in each theme at a desktop, a small laptop and a phone size, into one folder, named
 * `<view>-<theme>-<width>x<height>.png` (with `-zh-CN` before `.png` for the Chinese interface). For people to look at before calling UI work done; it checks nothing itself
 * beyond every view opening.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/environment';
import { writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';
import { sampleSession } from '../test/fixtures/sample-session';
import { SessionStore } from '../src/core/sessions/session-store';
import { themeChoices } from '../src/shared/settings';
import { startWebMode } from './web-mode';
import { saveLayout, updateSettingsFromPage } from '../e2e/support/page-helpers';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'screenshots' }, only: { type: 'string' }, language: { type: 'string', default: 'en' } } });
const language = values.language === 'zh-CN' ? 'zh-CN' : 'en';
const suffix = language === 'en' ? '' : `-${language}`;
const out = resolve(values.out);
const sizes = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
  { width: 390, height: 844 },
];
const themes = themeChoices.filter((t) => t !== 'system');

/**
 * Each view: the saved layout that opens it (so the script does not depend on the interface language), and what
 * to click after. Every view starts from the sample session open and the sidebar shown.
 */
const views: Record<string, { layout?: Record<string, unknown>; then?: (page: Page) => Promise<void> }> = {
  workbench: {},
  // Wide: the sidebar hidden; narrow and phone: the sessions drawer open.
  'sessions-toggled': { then: (page) => page.locator('.top-actions button').first().click() },
  models: { layout: { view: 'models' } },
  templates: { layout: { view: 'templates' } },
  evaluate: { layout: { view: 'evaluate' } },
  settings: { layout: { view: 'settings' } },
  presentation: { layout: { presentation: true }, then: (page) => page.getByTestId('presentation-statement').waitFor() },
};
const only = values.only?.split(',');

const work = await mkdtemp(join(tmpdir(), 'vibe-screenshots-'));
await writeTinyModel(join(work, 'models', 'tiny.gguf'));
await new SessionStore(work).save(sampleSession('shots-1', { title: 'Sum of squares up to $n = 10$' }));
await mkdir(out, { recursive: true });
const { url, server } = await startWebMode(work);

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
let count = 0;
try {
  const context = await browser.newContext({ viewport: sizes[0] });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Models', exact: true }).click();
  await page.getByTestId('model-row').getByRole('button', { name: 'Load' }).click();
  await page.getByTestId('model-state').and(page.locator('[data-state="ready"]')).waitFor();
  const base = new URL(url).origin;
  for (const theme of themes) {
    await updateSettingsFromPage(page, { theme, language });
    for (const size of sizes) {
      await page.setViewportSize(size);
      for (const [name, view] of Object.entries(views)) {
        if (only && !only.includes(name)) continue;
        // Each view from the same start: the workbench with the sample session open and the sidebar shown.
        await saveLayout(page, { view: 'workbench', sessionId: 'shots-1', sidebarOpen: true, ...view.layout });
        await page.goto(base);
        await page.locator(`html[data-theme="${theme}"]`).waitFor();
        if (!view.layout) await page.getByTestId('turn').first().waitFor({ state: 'attached' });
        await view.then?.(page);
        // Fonts, KaTeX and Monaco settle.
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(out, `${name}-${theme}-${size.width}x${size.height}${suffix}.png`) });
        count++;
      }
    }
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await rm(work, { recursive: true, force: true });
}
console.log(`${count} screenshots in ${out}`);
