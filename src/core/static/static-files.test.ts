import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { readStaticFile } from './static-files';

describe('readStaticFile', () => {
  const tempDir = useTempDirs();

  async function site(): Promise<string> {
    const root = await tempDir();
    await mkdir(join(root, 'site', 'assets'), { recursive: true });
    await writeFile(join(root, 'site', 'index.html'), '<!doctype html>');
    await writeFile(join(root, 'site', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(root, 'secret.txt'), 'do not serve');
    return join(root, 'site');
  }

  it('serves files with their content type, and index.html for /', async () => {
    const root = await site();
    expect(await readStaticFile(root, '/assets/app.js')).toMatchObject({ contentType: 'text/javascript; charset=utf-8', isFallback: false });
    expect((await readStaticFile(root, '/'))?.body.toString()).toBe('<!doctype html>');
  });

  it('falls back to the app shell for routes but 404s missing assets', async () => {
    const root = await site();
    expect(await readStaticFile(root, '/settings')).toMatchObject({ isFallback: true });
    expect(await readStaticFile(root, '/assets/missing.js')).toBeNull();
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..\\secret.txt', '/%00', '/%E0%A4%A'])(
    'refuses %s',
    async (path) => {
      const result = await readStaticFile(await site(), path);
      expect(result?.body.toString() ?? null).not.toBe('do not serve');
      if (result) expect(result.isFallback).toBe(true);
    },
  );
});
