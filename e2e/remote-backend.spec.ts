import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vibeThinkerScript, writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';
import { runVibe, waitForOutput } from '../test/helpers/run-vibe';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** A second workbench in web mode (a real process) serving the scripted tiny model, `steps` reasoning steps long. */
async function startRemoteServer(steps: number) {
  const dir = await mkdtemp(join(tmpdir(), 'vibe-remote-'));
  const server = runVibe(['serve', '--port', '0', '--data-dir', join(dir, 'data'), '--models-dir', join(dir, 'models'), '--companion-port', '0']);
  const [, base = '', token = ''] = await waitForOutput(server, /Open: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/);
  const path = await writeTinyModel(join(dir, 'models', 'tiny.gguf'), { script: vibeThinkerScript(steps) });
  await fetch(`${base}/api/call/loadModel`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ input: { path } }) });
  const close = async () => {
    server.child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  };
  return { server, base, token, close };
}

/** Settings ▸ Model: generate on that server, as a user fills it in. */
async function useServer(page: Page, base: string, token: string, continuation?: string) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByText('OpenAI-compatible server').click();
  await page.getByLabel('Server address').fill(`${base}/v1`);
  await page.getByLabel('Model name').fill('tiny');
  await page.getByLabel('API key').fill(token);
  if (continuation) await page.getByLabel('Continuing a reply').selectOption({ label: continuation });
  await page.getByRole('button', { name: 'Use this server' }).click();
  await expect(page.getByTestId('status-model')).toContainText('tiny (remote)');
}

test('answers come from a remote OpenAI-compatible server set in Settings; its failure is shown with Retry', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'starts a second workbench process as the server; the desktop run uses the same settings');
  const { server, base, token, close } = await startRemoteServer(40);
  try {
    const page = await workbench.start();
    await useServer(page, base, token);
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
    await close();
  }
});

test('Answer now on a remote server that continues a reply: the reasoning is closed there and the server writes the answer', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'starts a second workbench process as the server');
  const { base, token, close } = await startRemoteServer(3000);
  try {
    const page = await workbench.start();
    await useServer(page, base, token, 'Continues a final assistant message (llama.cpp server, VibeThinker Workbench)');
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Workbench' }).click();
    await page.getByLabel('Problem statement').fill('What is 2 + 2?');
    await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
    await expect(page.getByTestId('reasoning-text')).toContainText('(20)');
    await page.getByRole('region', { name: 'Reasoning' }).getByRole('button', { name: 'Answer now' }).click();
    await expect(page.getByTestId('answer-text')).toContainText('The answer is', { timeout: 30_000 });
    await expect(page.getByTestId('generation-stats')).toContainText(/reasoning closed at [\d,]+ tokens by Answer now/);
    await expect(page.getByTestId('reasoning-text')).toContainText('give my final answer now');
    await expect(page.getByTestId('reasoning-text')).not.toContainText('(2500)');
    // The server's context is not known here: no warning about it.
    await expect(page.getByTestId('max-tokens-warning')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('remote-answer-now.png') });
  } finally {
    await close();
  }
});
