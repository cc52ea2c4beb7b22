import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { defaultWindowState, loadWindowState, placeOnDisplays, saveWindowState, type WindowState } from './window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const external = { x: 1920, y: 0, width: 2560, height: 1410 };
const at = (x: number, y: number, width = 1200, height = 800): WindowState => ({ bounds: { x, y, width, height }, maximized: false, fullScreen: false });

describe('window state', () => {
  const makeTempDir = useTempDirs();

  it('round-trips through the file', async () => {
    const path = join(await makeTempDir(), 'window-state.json');
    const state: WindowState = { bounds: { x: 40, y: 30, width: 1300, height: 820 }, maximized: true, fullScreen: false };
    await saveWindowState(path, state);
    expect(await loadWindowState(path)).toEqual(state);
  });

  it('falls back to the default for a missing, broken or absurd file', async () => {
    const dir = await makeTempDir();
    expect(await loadWindowState(join(dir, 'none.json'))).toEqual(defaultWindowState);
    await writeFile(join(dir, 'broken.json'), '{"bounds": ');
    expect(await loadWindowState(join(dir, 'broken.json'))).toEqual(defaultWindowState);
    await writeFile(join(dir, 'absurd.json'), JSON.stringify({ bounds: { width: 5, height: -3 }, maximized: false, fullScreen: false }));
    expect(await loadWindowState(join(dir, 'absurd.json'))).toEqual(defaultWindowState);
  });

  it('keeps a window where it was when that place is on a display', () => {
    expect(placeOnDisplays(at(100, 80), [laptop])).toEqual(at(100, 80));
    expect(placeOnDisplays(at(2100, 100), [laptop, external])).toEqual(at(2100, 100));
  });

  it('lets the system centre a window whose display was unplugged', () => {
    expect(placeOnDisplays(at(2100, 100), [laptop]).bounds).toEqual({ width: 1200, height: 800 });
    // Title bar above the top of the screen: unreachable too.
    expect(placeOnDisplays(at(100, -400), [laptop]).bounds).toEqual({ width: 1200, height: 800 });
  });

  it('shrinks a window larger than every display', () => {
    expect(placeOnDisplays(at(0, 0, 3000, 2000), [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1050 });
  });
});
