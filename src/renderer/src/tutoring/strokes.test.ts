import { describe, expect, it } from 'vitest';
import { erase, strokeOffset, strokePath, type Stroke } from './strokes';

const scroller = (scrollTop: number) => ({ scrollTop }) as Element;
const stroke = (id: number, points: [number, number][], scrolled: Element | null, scrollTop = 0): Stroke => ({ id, tool: 'pen', color: 'red', points, scroller: scrolled, scrollTop });

describe('strokes', () => {
  it('move with the text they were drawn on: up by as much as it scrolled', () => {
    const box = scroller(100);
    const s = stroke(1, [[10, 300]], box, 100);
    expect(strokeOffset(s)).toBe(0);
    (box as { scrollTop: number }).scrollTop = 250;
    expect(strokeOffset(s)).toBe(-150);
    // Drawn where nothing scrolls: it stays put.
    expect(strokeOffset(stroke(2, [[0, 0]], null, 0))).toBe(0);
  });

  it('are erased where the rubber touches them now, after scrolling', () => {
    const box = scroller(0);
    const strokes = [stroke(1, [[10, 300], [50, 300]], box, 0), stroke(2, [[30, 100]], null)];
    expect(erase(strokes, 30, 300, 14).map((s) => s.id)).toEqual([2]);
    (box as { scrollTop: number }).scrollTop = 200;
    // The first stroke is now at y = 100, where the second one also is.
    expect(erase(strokes, 30, 300, 14).map((s) => s.id)).toEqual([1, 2]);
    expect(erase(strokes, 30, 100, 14).map((s) => s.id)).toEqual([]);
  });

  it('draw as a path through their points', () => {
    expect(strokePath([[1, 2], [3.25, 4]])).toBe('M1.0 2.0 L3.3 4.0');
  });
});
