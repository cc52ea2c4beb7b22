import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../core/storage/atomic-write';

/**
 * Where the main window was and how big, kept in `window-state.json` in the
 * data folder. Electron-free, so it is tested with plain numbers.
 */
const BoundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
});
const WindowStateSchema = z.object({ bounds: BoundsSchema, maximized: z.boolean(), fullScreen: z.boolean() });
export type WindowBounds = z.infer<typeof BoundsSchema>;
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const defaultWindowState: WindowState = { bounds: { width: 1440, height: 900 }, maximized: false, fullScreen: false };

/**
 * Keeps a saved window on the screens there are now: a window whose title
 * bar would be off every display (a monitor was unplugged) is centred by the
 * system instead, and a window larger than the biggest display shrinks to it.
 */
export function placeOnDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return state;
  const widest = Math.max(...workAreas.map((a) => a.width));
  const tallest = Math.max(...workAreas.map((a) => a.height));
  const width = Math.min(state.bounds.width, widest);
  const height = Math.min(state.bounds.height, tallest);
  const { x, y } = state.bounds;
  // The top strip of the window (where the title bar is) must be on some display, by at least 64 px.
  const reachable =
    x !== undefined &&
    y !== undefined &&
    workAreas.some((a) => y >= a.y && y < a.y + a.height - 32 && x + width > a.x + 64 && x < a.x + a.width - 64);
  return { ...state, bounds: reachable ? { x, y, width, height } : { width, height } };
}

export async function loadWindowState(path: string): Promise<WindowState> {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : defaultWindowState;
  } catch {
    // Missing or not JSON: the default window, nothing else depends on this file.
    return defaultWindowState;
  }
}

export async function saveWindowState(path: string, state: WindowState): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(WindowStateSchema.parse(state), null, 2));
}
