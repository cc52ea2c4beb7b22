import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..');

/** Lints a snippet as if it lived at `file` and returns the layering complaints. */
async function layeringErrors(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repo });
  const [result] = await eslint.lintText(code, { filePath: join(repo, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering is enforced by lint', () => {
  it.each([
    ['src/renderer/src/x.ts', "import { WorkbenchCore } from '../../core/workbench-core';"],
    ['src/renderer/src/x.ts', "import { readFile } from 'node:fs';"],
    ['src/shared/x.ts', "import { startWebServer } from '../server/web-server';"],
    ['src/shared/x.ts', "import { app } from 'electron';"],
    ['src/core/x.ts', "import { app } from 'electron';"],
    ['src/core/settings/x.ts', "import { getLlama } from 'node-llama-cpp';"],
    ['src/server/x.ts', "import { getLlama } from 'node-llama-cpp';"],
    ['src/main/x.ts', "import { startWebServer } from '../server/web-server';"],
    ['src/preload/x.ts', "import { dispatch } from '../core/api/dispatch';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['src/core/llm/x.ts', "import { getLlama } from 'node-llama-cpp';"],
    ['src/renderer/src/x.ts', "import { methodNames } from '../../shared/api/names';"],
    ['src/main/x.ts', "import { app } from 'electron';\nimport { dispatch } from '../core/api/dispatch';"],
    ['src/server/x.ts', "import { dispatch } from '../core/api/dispatch';"],
  ])('%s may: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
