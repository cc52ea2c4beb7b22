import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { nodeLlamaCppVersion } from './binding-version';

describe('nodeLlamaCppVersion', () => {
  it('reports the installed binding, which is the pinned one', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    expect(nodeLlamaCppVersion()).toBe(pkg.dependencies['node-llama-cpp']);
  });
});
