import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { runVibe, waitForOutput, type VibeRun } from '../../test/helpers/run-vibe';
import { test } from '../fixtures';

/**
 * `vibe serve` runs a test starts and stops itself (to restart one on the same
 * port and data folder), and the browser contexts it opens; both are closed
 * after each test of the describe block that calls this.
 */
export function useOwnServers() {
  const servers: VibeRun[] = [];
  const contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await stopAll();
  });

  /** Starts a server (port 0: any free one) and waits for the address it prints. */
  async function serve(dataDir: string, port: number, extra: string[] = []): Promise<{ url: string; port: number }> {
    const run = runVibe(['serve', '--port', String(port), '--data-dir', dataDir, '--models-dir', join(dataDir, 'models'), '--companion-port', '0', ...extra], { VIBE_TOKEN: '' });
    servers.push(run);
    const [, url = ''] = await waitForOutput(run, /Open: (\S+)/, 30_000);
    return { url, port: Number(new URL(url).port) };
  }

  /** Stops every running server as a shutdown does (SIGTERM, waited for). */
  async function stopAll(): Promise<void> {
    await Promise.all(servers.splice(0).map(stop));
  }

  /** Kills every running server, as a crash or a power cut would: no time to save anything. */
  async function crashAll(): Promise<void> {
    const crashed = servers.splice(0);
    for (const run of crashed) run.child.kill('SIGKILL');
    await Promise.all(crashed.map((run) => run.exit));
  }

  /** Closes `context` after the test too. */
  const track = (context: BrowserContext): BrowserContext => {
    contexts.push(context);
    return context;
  };

  return { serve, stopAll, crashAll, track };
}

async function stop(run: VibeRun): Promise<void> {
  if (run.child.exitCode !== null) return;
  run.child.kill('SIGTERM');
  await Promise.race([run.exit, new Promise((resolve) => setTimeout(resolve, 10_000))]);
}
