import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../scripts/electron-binary';

const repo = join(import.meta.dirname, '..');

describe.skipIf('path' in findElectronBinary())('npm start without an Electron binary', () => {
  it('explains what is missing and points at web mode, exit code 1', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'start-desktop.ts')], { cwd: repo, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Cannot start the desktop app: the Electron binary/);
    expect(run.stderr).toContain('npm run serve');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
