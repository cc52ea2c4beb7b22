import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('a changed setting is saved and survives a reload', async ({ workbench }) => {
  const page = await workbench.start();
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('region', { name: 'Settings' });
  await expect(settings.getByTestId('data-dir')).toHaveText(workbench.dataDir);

  await settings.getByText('Dark', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(settings.getByTestId('settings-status')).toHaveText('Saved');
  // Typed key by key, as a person would: "1" alone is out of range and must not block the "9".
  const fontSize = settings.getByRole('spinbutton', { name: 'Editor font size' });
  await fontSize.fill('');
  await fontSize.pressSequentially('19');
  await expect(settings.getByTestId('settings-status')).toHaveText('Saved');
  await page.screenshot({ path: test.info().outputPath('settings-dark.png') });

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Editor font size' })).toHaveValue('19');
  await page.getByRole('button', { name: 'Workbench' }).click();
  await expect(page.getByTestId('editor').locator('.view-lines')).toHaveCSS('font-size', '19px');
  await page.screenshot({ path: test.info().outputPath('workbench-dark.png') });

  const onDisk = JSON.parse(await readFile(join(workbench.dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
  expect(onDisk).toMatchObject({ theme: 'dark', editorFontSize: 19 });
});

test('a corrupt settings file gives defaults, is kept aside, and the app works', async ({ workbench }) => {
  await writeFile(join(workbench.dataDir, 'settings.json'), '{"theme": "dark",,,');
  const page = await workbench.start();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
  await page.getByText('Light', { exact: true }).click();
  await expect(page.getByTestId('settings-status')).toHaveText('Saved');
  const files = await readdir(workbench.dataDir);
  expect(files.some((f) => f.startsWith('settings.json.broken-'))).toBe(true);
});

test('settings changed in one window reach another', async ({ workbench }) => {
  test.skip(workbench.kind === 'desktop', 'one window per desktop app');
  const first = await workbench.start();
  const second = await first.context().newPage();
  await second.goto(workbench.origin ?? '');
  await expect(second.getByTestId('status-connection')).toHaveAttribute('data-state', 'connected');
  await first.getByRole('button', { name: 'Settings' }).click();
  await first.getByText('Dark', { exact: true }).click();
  await expect(second.locator('html')).toHaveAttribute('data-theme', 'dark');
});
