import { join } from 'node:path';
import { findElectronBinary } from '../scripts/electron-binary';

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

/** The Electron executable when it is installed and a window can open, else why not. */
export function electronBinary(): { path: string } | { missing: string } {
  const found = findElectronBinary();
  if ('missing' in found) return found;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { missing: 'no display for the Electron window (run the suite under xvfb-run)' };
  }
  return found;
}

export const mainBundle = join(repoRoot, 'out', 'main', 'index.js');
