import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { bareImports, unresolvableImports } from '../../scripts/security/bundle-imports';
import { compareWithAllowList, readAllowList, scanWithElectronegativity, stageForScan } from '../../scripts/security/electronegativity-scan';

/**
 * A small insecure app in today's syntax (a class private field, as our bundles have). It lives in
 * a file of its own, as a new window module added to the app would.
 */
const insecureMain = `
import { app, BrowserWindow } from 'electron';
class Windows {
  #all = new Set();
  open() {
    const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
    this.#all.add(win);
    win.loadURL('https://example.com/');
  }
}
app.whenReady().then(() => new Windows().open());
`;

describe('security scan of the built app (Electronegativity)', () => {
  const makeTempDir = useTempDirs();

  async function insecureApp() {
    const app = await makeTempDir();
    await mkdir(join(app, 'out/main'), { recursive: true });
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'insecure', devDependencies: { electron: '41.10.0' } }));
    await writeFile(join(app, 'out/main/settings-window.js'), insecureMain);
    return app;
  }

  it('finds the misconfigurations in an insecure app, once it is lowered so the scanner can parse it', async () => {
    const app = await insecureApp();
    // Unlowered, the scanner skips the file (a parse error) and would report it clean.
    const raw = await scanWithElectronegativity(app, '41.10.0', ['AvailableSecurityFixesGlobalCheck']);
    expect(raw.errors.map((e) => e.file)).toEqual(['out/main/settings-window.js']);

    const stage = await makeTempDir();
    await stageForScan(app, ['package.json', 'out'], stage);
    const scan = await scanWithElectronegativity(stage, '41.10.0', ['AvailableSecurityFixesGlobalCheck']);
    expect(scan.errors).toEqual([]);
    const checks = new Set(scan.findings.map((f) => f.check));
    for (const expected of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']) expect(checks).toContain(expected);

    // None of these is on our allow-list, so the check fails on them.
    const allowList = await readAllowList(join(import.meta.dirname, '../../security/electronegativity-allow.json'));
    const { unexpected } = compareWithAllowList(scan.findings, allowList);
    expect(unexpected.map((f) => f.check)).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
  }, 120_000);

  it('matches allow-list entries by check and file glob, and reports stale entries', () => {
    const finding = { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'out/renderer/assets/EditorPane-KFYX51sD.js', line: 7, severity: 'MEDIUM', description: '' };
    const allowList = {
      excludedChecks: [],
      allowed: [
        { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'out/renderer/assets/EditorPane-*.js', reason: 'Monaco opener service' },
        { check: 'CSP_GLOBAL_CHECK', file: 'out/renderer/index.html', reason: 'no longer found anywhere' },
      ],
    };
    expect(compareWithAllowList([finding], allowList)).toEqual({ unexpected: [], stale: [allowList.allowed[1]] });
    expect(compareWithAllowList([{ ...finding, file: 'out/main/index.js' }], allowList).unexpected).toHaveLength(1);
    // A second finding of a reviewed kind in the same file is new code nobody reviewed: it fails.
    const twice = compareWithAllowList([finding, { ...finding, line: 90 }], allowList);
    expect(twice.unexpected).toEqual([{ ...finding, line: 90 }]);
  });

  it('refuses an allow-list entry without a real reason', async () => {
    const path = join(await makeTempDir(), 'allow.json');
    await writeFile(path, JSON.stringify({ excludedChecks: [], allowed: [{ check: 'X', file: 'a.js', reason: 'ok' }] }));
    await expect(readAllowList(path)).rejects.toThrow(/reason/);
  });
});

describe('imports of the built bundles', () => {
  it('finds bare imports in ESM and CommonJS output', () => {
    const code = `import { app } from "electron";\nimport fs from "node:fs";\nimport { getLlama } from "node-llama-cpp";\nconst z = require('zod');\nimport "@scope/pkg/sub";\nawait import("ws");\nimport x from "./chunk.js";`;
    expect(bareImports(code)).toEqual(['@scope/pkg', 'electron', 'node-llama-cpp', 'node:fs', 'ws', 'zod']);
  });

  it('flags what the packaged app could not load', () => {
    expect(unresolvableImports(['electron', 'node:fs', 'path', 'zod', 'react', 'node-llama-cpp'], ['zod', 'node-llama-cpp'])).toEqual(['react']);
  });
});
