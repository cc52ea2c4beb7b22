import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..');

/** Debian's Chromium; Playwright never downloads its own browser here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium quiet and working as root on a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The Electron executable when it is installed, else why not. Reads the
 * package's path.txt instead of `require('electron')`, which may try to
 * download the binary.
 */
export function electronBinary(): { path: string } | { missing: string } {
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'Electron binary not downloaded (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)' };
  const path = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(path)) return { missing: `Electron binary missing at ${path}` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { missing: 'no display for the Electron window (run the suite under xvfb-run)' };
  }
  return { path };
}

export const mainBundle = join(repoRoot, 'out', 'main', 'index.js');
