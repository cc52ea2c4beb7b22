import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, chromium, expect, test as base, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath, electronBinary, mainBundle, repoRoot } from './environment';

export interface StartOptions {
  /** A Hugging Face stand-in for model downloads (HF_ENDPOINT). */
  hfEndpoint?: string;
  /**
   * Competitive Companion imports: `any` listens on a free port chosen by the system (read it from
   * `workbench.companionPort` after start), so parallel tests never race for one. Default: off.
   */
  companionPort?: 'any';
}

export interface Workbench {
  /** `web` (browser + vibe serve) or `desktop` (Electron). */
  kind: 'web' | 'desktop';
  /** This test's own, fresh data directory. */
  dataDir: string;
  /** Starts the app on `dataDir` and resolves with its page once the layout is shown. */
  start(options?: StartOptions): Promise<Page>;
  /** Console errors and uncaught exceptions of the app's page; the fixture fails the test if any remain. */
  problems: string[];
  /** Web mode with `companionPort: 'any'`: the port the Competitive Companion listener got. */
  companionPort?: number;
  /** Web mode only: the printed address (with token) and the bare origin. */
  url?: string;
  origin?: string;
}

/** Starts `vibe serve` as a user would and waits for the address it prints. */
async function startServer(dataDir: string, options: StartOptions): Promise<{ child: ChildProcess; url: string; companionPort: number | undefined }> {
  // An explicit models folder inside the test's data dir: a developer's models/ must not leak in.
  const args = ['serve', '--port', '0', '--data-dir', dataDir, '--models-dir', join(dataDir, 'models'), '--companion-port', options.companionPort ?? '0'];
  const env = { ...process.env, ...(options.hfEndpoint ? { HF_ENDPOINT: options.hfEndpoint } : {}) };
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'vibe.mjs'), ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // Printed before the address: "Competitive Companion: send problems to port N.".
    const timer = setTimeout(() => reject(new Error(`vibe serve printed no address:\n${output}`)), 30_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = output.match(/Open: (\S+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`vibe serve exited with ${code}:\n${output}`)));
  });
  const companion = /send problems to port (\d+)/.exec(output)?.[1];
  return { child, url, companionPort: companion === undefined ? undefined : Number(companion) };
}

export const test = base.extend<{ workbench: Workbench }, { webBrowser: () => Promise<Browser> }>({
  // One Chromium per worker, launched only if a web test asks for it.
  webBrowser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern.
    async ({}, use) => {
      let browser: Promise<Browser> | undefined;
      await use(() => (browser ??= chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })));
      if (browser) await (await browser).close();
    },
    { scope: 'worker' },
  ],

  workbench: async ({ webBrowser }, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vibe-e2e-'));
    const cleanups: (() => Promise<unknown>)[] = [];
    const desktop = testInfo.project.name === 'electron';
    if (desktop) {
      const binary = electronBinary();
      testInfo.skip('missing' in binary, 'missing' in binary ? `Electron project skipped: ${binary.missing}` : '');
      testInfo.skip(!existsSync(mainBundle), 'Electron project skipped: run `npm run build` first');
    }

    const workbench: Workbench = {
      kind: desktop ? 'desktop' : 'web',
      dataDir,
      problems: [],
      async start(options = {}) {
        let page: Page;
        if (desktop) {
          const binary = electronBinary();
          if (!('path' in binary)) throw new Error(binary.missing);
          const app: ElectronApplication = await _electron.launch({
            executablePath: binary.path,
            args: [mainBundle, `--data-dir=${dataDir}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
            env: { ...process.env, ...(options.hfEndpoint ? { HF_ENDPOINT: options.hfEndpoint } : {}) } as Record<string, string>,
          });
          cleanups.push(() => app.close());
          page = await app.firstWindow();
          watch(page);
        } else {
          const server = await startServer(dataDir, options);
          // Wait for it to stop: it may still be writing to the data folder that is removed next.
          cleanups.push(async () => {
            const exited = new Promise((resolve) => (server.child.exitCode !== null ? resolve(null) : server.child.once('exit', resolve)));
            server.child.kill('SIGTERM');
            await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
          });
          workbench.url = server.url;
          workbench.companionPort = server.companionPort;
          workbench.origin = new URL(server.url).origin;
          const context = await (await webBrowser()).newContext();
          cleanups.push(() => context.close());
          page = await context.newPage();
          watch(page);
          await page.goto(server.url);
        }
        await page.getByTestId('editor').locator('.monaco-editor').waitFor();
        return page;
      },
    };
    const watch = (page: Page) => {
      page.on('console', (message) => {
        if (message.type() === 'error') workbench.problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => workbench.problems.push(`uncaught: ${error.message}`));
    };
    await use(workbench);
    expect(workbench.problems, 'the page logged errors').toEqual([]);
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  },
});

export { expect } from '@playwright/test';
