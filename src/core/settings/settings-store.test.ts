import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import type { Logger } from '../logger';
import { SettingsStore, settingsFileName } from './settings-store';

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => {}, warn: (m) => warnings.push(m), error: () => {} };
}

describe('SettingsStore', () => {
  const tempDir = useTempDirs();

  it('starts from defaults when there is no file', async () => {
    const store = await SettingsStore.open(await tempDir(), recordingLogger());
    expect(store.get()).toEqual(defaultSettings());
  });

  it('persists updates as JSON that a new store reads back', async () => {
    const dir = await tempDir();
    const store = await SettingsStore.open(dir, recordingLogger());
    await store.update({ theme: 'dark', editorFontSize: 18 });
    const onDisk = JSON.parse(await readFile(join(dir, settingsFileName), 'utf8')) as unknown;
    expect(onDisk).toMatchObject({ theme: 'dark', editorFontSize: 18 });
    const reopened = await SettingsStore.open(dir, recordingLogger());
    expect(reopened.get()).toEqual({ ...defaultSettings(), theme: 'dark', editorFontSize: 18 });
  });

  it('keeps a file that is not JSON aside and uses defaults', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, settingsFileName), '{ "theme": "dark", oops');
    const log = recordingLogger();
    const store = await SettingsStore.open(dir, log);
    expect(store.get()).toEqual(defaultSettings());
    expect(log.warnings.join('\n')).toMatch(/not valid settings JSON/);
    const files = await readdir(dir);
    const aside = files.find((f) => f.startsWith(`${settingsFileName}.broken-`));
    expect(aside).toBeDefined();
    expect(await readFile(join(dir, aside ?? ''), 'utf8')).toBe('{ "theme": "dark", oops');
  });

  it('treats JSON that is not an object (an array, null) as broken', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, settingsFileName), '[1,2,3]');
    const store = await SettingsStore.open(dir, recordingLogger());
    expect(store.get()).toEqual(defaultSettings());
  });

  it('keeps valid fields and defaults only the invalid ones', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, settingsFileName), JSON.stringify({ theme: 'dark', editorFontSize: 'huge', futureKey: 1 }));
    const log = recordingLogger();
    const store = await SettingsStore.open(dir, log);
    expect(store.get()).toEqual({ ...defaultSettings(), theme: 'dark' });
    expect(log.warnings).toEqual([expect.stringContaining('"editorFontSize"')]);
  });

  it('reads a file from before the language setting as auto, and keeps a chosen language', async () => {
    const dir = await tempDir();
    // Written by an older version: every field it knew, no `language`.
    const { language: _language, ...older } = defaultSettings();
    await writeFile(join(dir, settingsFileName), JSON.stringify({ ...older, theme: 'dark' }));
    const log = recordingLogger();
    const store = await SettingsStore.open(dir, log);
    expect(store.get()).toMatchObject({ theme: 'dark', language: 'auto' });
    expect(log.warnings).toEqual([]);
    await store.update({ language: 'zh-CN' });
    expect((await SettingsStore.open(dir, recordingLogger())).get().language).toBe('zh-CN');
  });

  it('defaults an unknown language (zh-TW is not offered) to auto and keeps the rest', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, settingsFileName), JSON.stringify({ language: 'zh-TW', editorFontSize: 18 }));
    const log = recordingLogger();
    const store = await SettingsStore.open(dir, log);
    expect(store.get()).toEqual({ ...defaultSettings(), editorFontSize: 18 });
    expect(log.warnings).toEqual([expect.stringContaining('"language"')]);
  });

  it('serialises concurrent updates and leaves no temporary files', async () => {
    const dir = await tempDir();
    const store = await SettingsStore.open(dir, recordingLogger());
    await Promise.all([
      store.update({ editorFontSize: 10 }),
      store.update({ editorFontSize: 11 }),
      store.update({ theme: 'light' }),
      store.update({ editorFontSize: 12 }),
    ]);
    const reopened = await SettingsStore.open(dir, recordingLogger());
    expect(reopened.get()).toMatchObject({ editorFontSize: 12, theme: 'light' });
    expect(await readdir(dir)).toEqual([settingsFileName]);
  });

  it('reports a failed write as StorageError and keeps the old settings', async () => {
    const dir = await tempDir();
    const store = await SettingsStore.open(dir, recordingLogger());
    await store.update({ theme: 'dark' });
    // Replace the folder's settings file target with a directory so the rename fails.
    const blocked = await SettingsStore.open(join(dir, 'sub'), recordingLogger());
    await mkdir(join(dir, 'sub', settingsFileName), { recursive: true });
    await writeFile(join(dir, 'sub', settingsFileName, 'keep'), 'x');
    await expect(blocked.update({ theme: 'light' })).rejects.toMatchObject({ name: 'StorageError' });
    expect(blocked.get().theme).toBe('system');
    await expect(store.update({ editorFontSize: 20 })).resolves.toMatchObject({ theme: 'dark', editorFontSize: 20 });
  });
});
