import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..');
const rawControlMessage = /^Use ui\//;

/** How many raw controls lint finds in a snippet linted as if it lived at `file`. */
async function rawControls(file: string, code: string): Promise<number> {
  const eslint = new ESLint({ cwd: repo });
  const [result] = await eslint.lintText(code, { filePath: join(repo, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax' && rawControlMessage.test(m.message)).length;
}

describe('views build their controls from ui/ (lint)', () => {
  it.each([['<button onClick={f}>{label}</button>'], ['<select value={v} onChange={f} />'], ['<progress max={1} value={v} />'], ['<input type="checkbox" checked={v} onChange={f} />'], ['<input type={"checkbox"} checked={v} onChange={f} />']])(
    'flags %s in a view',
    async (jsx) => {
      expect(await rawControls('src/renderer/src/components/X.tsx', `declare const f: () => void; declare const v: number; declare const label: string;\nexport const x = () => ${jsx};`)).toBe(1);
    },
  );

  it.each([['<Button onClick={f}>{label}</Button>'], ['<input type="text" value={label} onChange={f} />'], ['<input type="color" value={label} onChange={f} />'], ['<textarea value={label} onChange={f} />']])('allows %s', async (jsx) => {
    const code = `declare const Button: (p: object) => null; declare const f: () => void; declare const label: string;\nexport const x = () => ${jsx};`;
    expect(await rawControls('src/renderer/src/components/X.tsx', code)).toBe(0);
  });

  it('lets ui/ itself and tests use the native elements', async () => {
    const code = 'declare const f: () => void;\nexport const x = () => <button onClick={f} />;';
    expect(await rawControls('src/renderer/src/ui/Button.tsx', code)).toBe(0);
    expect(await rawControls('src/renderer/src/components/X.test.tsx', code)).toBe(0);
  });
});
