import { homedir } from 'node:os';
import { join } from 'node:path';

/** Electron names the user data folder after package.json's productName. */
export const appDirName = 'VibeThinker Workbench';

/**
 * The folder Electron's `app.getPath('userData')` returns for this app, computed
 * without Electron so that the CLI and web mode share the desktop app's data.
 * Never derived from the current directory: a double-clicked app has cwd `/`.
 * `VIBE_DATA_DIR` overrides it (useful for portable installs and tests).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.VIBE_DATA_DIR;
  if (override) return override;
  return join(appDataDir(env, platform, home), appDirName);
}

function appDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(home, '.config');
}
