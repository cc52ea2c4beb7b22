import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SessionStore } from '../src/core/sessions/session-store';
import { sampleSession } from '../test/fixtures/sample-session';
import { expect, test } from './fixtures';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Sessions' });

test('damaged sessions and problems show as damaged rows with the reason and the kept copy; a restore from backup says so', async ({ workbench }) => {
  const sessions = join(workbench.dataDir, 'sessions');
  const store = new SessionStore(workbench.dataDir);
  await store.save(sampleSession('good', { title: 'Lattice paths', problem: { ...sampleSession().problem, statement: 'Count the lattice paths in a 3 by 3 grid.' } }));
  // Two saves leave a backup; then the file is cut short, as a crash on a careless disk would.
  await store.save(sampleSession('restored', { title: 'Sum of squares', problem: { ...sampleSession().problem, statement: 'Older statement' } }));
  await store.save(sampleSession('restored', { title: 'Sum of squares', problem: { ...sampleSession().problem, statement: 'Newer statement' } }));
  await writeFile(join(sessions, 'restored.json'), '{"version": 1, "id": "restored", "title": "Sum');
  // No backup: nothing to put back.
  const cut = '{"version": 1, "id": "cut", "title": "Primes bel';
  await writeFile(join(sessions, 'cut.json'), cut);
  await mkdir(join(workbench.dataDir, 'problems'), { recursive: true });
  await writeFile(join(workbench.dataDir, 'problems', 'edited.json'), JSON.stringify({ name: 'A + B', tests: 'none' }));
  // A crash between writing and renaming leaves a temp file: cleaned at start. A user's own file stays.
  const old = new Date(Date.now() - 60 * 60_000);
  for (const name of ['.good.json.4242.0123abcd.tmp', 'my-notes.tmp']) {
    await writeFile(join(sessions, name), '{"half');
    await utimes(join(sessions, name), old, old);
  }

  const page = await workbench.start();
  const items = page.getByTestId('session-item');
  await expect(items).toHaveCount(2);

  const damaged = sidebar(page).getByTestId('damaged-session');
  await expect(damaged).toHaveCount(1);
  await expect(damaged).toContainText('Damaged session: cut');
  await expect(damaged).toContainText(/The file is not JSON \(.+\)\./);
  await expect(damaged).toContainText(/Kept aside at .*cut\.json\.broken-\d+/);
  // A clear row, not a session to open.
  await expect(damaged.getByRole('button')).toHaveCount(0);

  const restoredItem = items.filter({ hasText: 'Sum of squares' });
  const note = restoredItem.getByTestId('restored-note');
  await expect(note).toContainText(/Restored from its backup of .+: the file was damaged\. The file is not JSON/);
  await expect(note).toContainText(/restored\.json\.broken-\d+\.restored-\d+/);
  await expect(items.filter({ hasText: 'Lattice paths' }).getByTestId('restored-note')).toHaveCount(0);

  const problemRow = page.getByTestId('tests-panel').getByTestId('damaged-problem');
  await expect(problemRow).toContainText('Damaged problem: edited');
  await expect(problemRow).toContainText('The file is not a usable problem: tests:');

  await sidebar(page).screenshot({ path: test.info().outputPath('damaged-sidebar.png') });
  await page.screenshot({ path: test.info().outputPath('damaged-page.png') });

  // The restored session opens as it was at its previous save.
  await restoredItem.getByRole('button', { name: /Sum of squares/ }).click();
  await expect(page.getByLabel('Problem statement')).toHaveValue('Older statement');

  // Nothing was lost: the damaged bytes are kept, the user's file is untouched, the leftover is gone.
  const names = await readdir(sessions);
  const keptCut = names.find((n) => n.startsWith('cut.json.broken-'));
  expect(await readFile(join(sessions, keptCut ?? 'missing'), 'utf8')).toBe(cut);
  expect(names).toContain('my-notes.tmp');
  expect(names).not.toContain('.good.json.4242.0123abcd.tmp');
});
