import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vibeThinkerScript, writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';
import { runVibe, waitForOutput } from '../test/helpers/run-vibe';
import { expect, test } from './fixtures';

test('answers come from a remote OpenAI-compatible server set in Settings; its failure is shown with Retry', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'starts a second workbench process as the server; the desktop run uses the same settings');
  // The server: a second workbench in web mode (a real process) with the scripted tiny model.
  const dir = await mkdtemp(join(tmpdir(), 'vibe-remote-'));
  const server = runVibe(['serve', '--port', '0', '--data-dir', join(dir, 'data'), '--models-dir', join(dir, 'models'), '--companion-port', '0']);
  try {
    const [, base, token] = await waitForOutput(server, /Open: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/);
    const path = await writeTinyModel(join(dir, 'models', 'tiny.gguf'), { script: vibeThinkerScript(40) });
    const call = (method: string, input: unknown) =>
      fetch(`${base}/api/call/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ input }) });
    await call('loadModel', { path });

    const page = await workbench.start();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByText('OpenAI-compatible server').click();
    await page.getByLabel('Server address').fill(`${base}/v1`);
    await page.getByLabel('Model name').fill('tiny');
    await page.getByLabel('API key').fill(token ?? '');
    await page.getByRole('button', { name: 'Use this server' }).click();
    await expect(page.getByTestId('status-model')).toContainText('tiny (remote)');
    await expect(page.getByTestId('status-backend')).toContainText('Remote · 127.0.0.1');

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Workbench' }).click();
    await page.getByLabel('Problem statement').fill('What is 2 + 2?');
    await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
    await expect(page.getByTestId('answer-text')).toContainText('The answer is', { timeout: 30_000 });
    await expect(page.getByTestId('reasoning-text')).toContainText('(40)');
    await expect(page.getByTestId('generation-stats')).toContainText('finished');

    // The server goes away: the error says so, and offers a retry that asks again.
    server.child.kill('SIGKILL');
    await server.exit;
    await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Cannot reach' });
    await expect(alert).toContainText('connection refused');
    await page.screenshot({ path: test.info().outputPath('remote-error.png') });
    await alert.getByRole('button', { name: 'Retry' }).click();
    // Asked again, as a new turn of the same conversation: it fails the same way, and only the newest offers Retry.
    await expect(page.getByRole('alert').filter({ hasText: 'Cannot reach' })).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(1);
  } finally {
    server.child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
});
