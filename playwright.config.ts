import { defineConfig } from '@playwright/test';

/**
 * Two projects run the same specs: `web` drives Debian's Chromium against
 * `vibe serve`; `electron` drives the desktop app through `_electron.launch`
 * where an Electron binary is installed, and reports itself skipped (with the
 * reason) where it is not. See e2e/fixtures.ts.
 */
// The tiny test model runs ~14× faster on one llama.cpp thread than on two on these 2-vCPU
// machines (its work per step is too small to share); every server a test starts inherits this.
process.env.VIBE_THREADS ??= '1';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [{ name: 'web' }, { name: 'electron' }],
});
