import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { findRendererDir } from './renderer-dir';

describe('findRendererDir', () => {
  const tempDir = useTempDirs();

  async function checkout(): Promise<string> {
    const root = await tempDir();
    for (const dir of ['src/renderer', 'src/core/static', 'out/renderer', 'out/main']) await mkdir(join(root, dir), { recursive: true });
    await writeFile(join(root, 'src/renderer/index.html'), 'source');
    await writeFile(join(root, 'out/renderer/index.html'), 'built');
    return root;
  }

  it('finds the build from the source tree, never the source index.html', async () => {
    const root = await checkout();
    expect(findRendererDir(pathToFileURL(join(root, 'src/core/static/renderer-dir.ts')).href)).toBe(join(root, 'out/renderer'));
  });

  it('finds the build from the bundled main process', async () => {
    const root = await checkout();
    expect(findRendererDir(pathToFileURL(join(root, 'out/main/index.js')).href)).toBe(join(root, 'out/renderer'));
  });
});
