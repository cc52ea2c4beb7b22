import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeTinyModel } from '../../test/fixtures/tiny-model/tiny-model';
import { expect, type Workbench } from '../fixtures';

export const scriptedName = 'VibeThinker Tiny Scripted';

/** Writes the tiny model with `script` into the test's models folder, starts the app and loads it from the offer in the thread. */
export async function startWithScriptedModel(workbench: Workbench, script: string[]): Promise<Page> {
  await writeTinyModel(join(workbench.dataDir, 'models', 'tiny.gguf'), { script, name: scriptedName });
  const page = await workbench.start();
  await page.getByTestId('load-model').getByRole('button', { name: `Load ${scriptedName}` }).click();
  await expect(page.getByTestId('status-model')).toContainText(scriptedName);
  return page;
}
