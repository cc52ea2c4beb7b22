/**
 * Renders resources/icon.svg into the PNG sizes the installers use
 * (resources/icons/<N>x<N>.png). electron-builder takes the Linux set as a
 * folder and converts the 1024 px one into .icns (macOS) and .ico (Windows).
 * Run after changing the SVG: `npm run make:icons`. Uses the system Chromium
 * (as the e2e tests do), so the drawing is the browser's own rasteriser.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { iconSizes } from '../resources/icon-sizes';

const root = join(import.meta.dirname, '..');
const svg = await readFile(join(root, 'resources/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const size of iconSizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.locator('svg').screenshot({ path: join(root, 'resources/icons', `${size}x${size}.png`), omitBackground: true });
  }
  console.log(`wrote ${iconSizes.length} icons to resources/icons/`);
} finally {
  await browser.close();
}
