import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVibe } from './helpers/run-vibe';
import { useTempDirs } from './helpers/temp-dir';

describe('vibe templates (real process)', () => {
  const tempDir = useTempDirs();

  it('lists the built-ins, exports one and imports it back under a new id', async () => {
    const dataDir = await tempDir();
    const list = runVibe(['templates', 'list', '--data-dir', dataDir]);
    expect(await list.exit).toBe(0);
    expect(list.stdout).toMatch(/^math\s+Math \(as evaluated\) \(built-in\) \[math\]$/m);
    const out = join(dataDir, 'export.json');
    const exported = runVibe(['templates', 'export', 'math', '--out', out, '--data-dir', dataDir]);
    expect(await exported.exit).toBe(0);
    await writeFile(out, (await readFile(out, 'utf8')).replace('"id": "math"', '"id": "my-math"'));
    const imported = runVibe(['templates', 'import', out, '--data-dir', dataDir]);
    expect(await imported.exit).toBe(0);
    expect(imported.stdout.trim()).toBe('Imported my-math');
    const again = runVibe(['templates', 'import', out, '--data-dir', dataDir]);
    expect(await again.exit).toBe(1);
    expect(again.stderr).toMatch(/^vibe templates: Nothing was imported\. template 1 \("my-math"\): a template with this id already exists/);
  });
});
