import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './default-data-dir';

describe('defaultDataDir (same folder as Electron userData)', () => {
  it('follows XDG on Linux', () => {
    expect(defaultDataDir({}, 'linux', '/home/ada')).toBe('/home/ada/.config/VibeThinker Workbench');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ada')).toBe('/cfg/VibeThinker Workbench');
  });

  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/ada')).toBe('/Users/ada/Library/Application Support/VibeThinker Workbench');
    expect(defaultDataDir({ APPDATA: 'C:/Users/ada/AppData/Roaming' }, 'win32', 'C:/Users/ada')).toMatch(/Roaming.VibeThinker Workbench$/);
  });

  it('never depends on the current directory, and VIBE_DATA_DIR overrides', () => {
    const before = defaultDataDir({}, 'linux', '/home/ada');
    process.chdir('/');
    expect(defaultDataDir({}, 'linux', '/home/ada')).toBe(before);
    expect(defaultDataDir({ VIBE_DATA_DIR: '/portable/data' }, 'linux', '/home/ada')).toBe('/portable/data');
  });
});
