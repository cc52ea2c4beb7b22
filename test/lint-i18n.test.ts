import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..');
const catalogueMessage = /i18n catalogue/;

/** How many times lint asks for the catalogue in a snippet linted as if it lived at `file`. */
async function untranslated(file: string, code: string): Promise<number> {
  const eslint = new ESLint({ cwd: repo });
  const [result] = await eslint.lintText(code, { filePath: join(repo, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax' && catalogueMessage.test(m.message)).length;
}

describe('renderer text goes through the catalogue (lint)', () => {
  it.each([
    ['<p>Run tests</p>'],
    ['<input placeholder="Search sessions" />'],
    ['<button aria-label={"Delete test"} />'],
    ['<button title={`Delete ${name}`} />'],
    ['<p>{busy ? "Running…" : "Run"}</p>'],
  ])('flags %s', async (jsx) => {
    expect(await untranslated('src/renderer/src/x.tsx', `export const x = (name: string, busy: boolean) => ${jsx};`)).toBeGreaterThan(0);
  });

  it.each([['<p>{t("tests.runTests")}</p>'], ['<span aria-hidden="true">V</span>'], ['<button aria-label={t("common.dismiss")}>×</button>'], ['<div className="tab active" data-testid="x" />']])('allows %s', async (jsx) => {
    expect(await untranslated('src/renderer/src/x.tsx', `const t = (k: string) => k;\nexport const x = () => ${jsx};`)).toBe(0);
  });

  it('does not apply to tests', async () => {
    expect(await untranslated('src/renderer/src/x.test.tsx', 'export const x = () => <p>Run tests</p>;')).toBe(0);
  });
});
