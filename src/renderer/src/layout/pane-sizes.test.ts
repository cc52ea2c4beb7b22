import { describe, expect, it } from 'vitest';
import { defaultPaneSizes, paneColumns, paneMinWidths, parsePaneSizes, resizePanes } from './pane-sizes';

const sum = (s: readonly number[]) => s.reduce((a, b) => a + b, 0);

describe('pane sizes', () => {
  it('moves only the two panes beside the handle, by the pixels dragged', () => {
    // 600 | 600 | 800 px; the first handle 100 px to the right.
    expect(resizePanes([0.3, 0.3, 0.4], 0, 100, 2000).map((v) => v * 2000)).toEqual([700, 500, 800].map((v) => expect.closeTo(v, 6)));
    expect(resizePanes([0.3, 0.3, 0.4], 1, -100, 2000).map((v) => v * 2000)).toEqual([600, 500, 900].map((v) => expect.closeTo(v, 6)));
  });

  it('never squeezes a pane under its minimum width', () => {
    const next = resizePanes([0.3, 0.3, 0.4], 0, 10_000, 1000);
    expect(next[1] * 1000).toBeCloseTo(paneMinWidths[1]);
    expect(next[2]).toBeCloseTo(0.4);
    const back = resizePanes([0.3, 0.3, 0.4], 1, -10_000, 1000);
    expect(back[1] * 1000).toBeCloseTo(paneMinWidths[1]);
    expect(sum(back)).toBeCloseTo(1);
  });

  it('keeps a row too narrow for every minimum as it is rather than growing a pane past it', () => {
    const next = resizePanes([0.33, 0.33, 0.34], 1, -50, 600);
    expect(next).toEqual([0.33, 0.33, 0.34].map((v) => expect.closeTo(v, 5)));
  });

  it('reads saved sizes defensively: anything but three positive numbers is the default, and they sum to 1', () => {
    expect(parsePaneSizes([1, 1, 2])).toEqual([0.25, 0.25, 0.5]);
    for (const bad of [null, 'x', [1, 2], [1, -1, 1], [1, Number.NaN, 1], [0, 0, 0], { 0: 1 }]) expect(parsePaneSizes(bad)).toBe(defaultPaneSizes);
  });

  it('writes grid columns with the minimums and a column per handle', () => {
    expect(paneColumns([0.25, 0.25, 0.5], 8)).toBe('minmax(220px, 0.2500fr) 8px minmax(260px, 0.2500fr) 8px minmax(280px, 0.5000fr)');
  });
});
