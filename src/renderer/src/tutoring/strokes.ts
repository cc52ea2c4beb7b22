/** Drawing on the presentation: the strokes' data and geometry, apart from React (tested on its own). */

export type DrawTool = 'pen' | 'highlighter' | 'eraser';
export const drawColors = ['red', 'yellow', 'green', 'blue'] as const;
export type NamedDrawColor = (typeof drawColors)[number];
/** One of the four swatches, or a colour of the presenter's own from the colour picker (`#rrggbb`). */
export type DrawColor = NamedDrawColor | `#${string}`;
export const colorValues: Record<NamedDrawColor, string> = { red: '#e5484d', yellow: '#ffd400', green: '#30a46c', blue: '#3e63dd' };

const isNamed = (color: DrawColor): color is NamedDrawColor => (drawColors as readonly string[]).includes(color);
/** A colour from the colour picker (it always gives `#rrggbb`). */
export const isHexColor = (value: string): value is `#${string}` => /^#[0-9a-f]{6}$/i.test(value);
/** The colour a stroke is drawn in. */
export const colorValue = (color: DrawColor): string => (isNamed(color) ? colorValues[color] : color);

export interface Stroke {
  id: number;
  tool: 'pen' | 'highlighter';
  color: DrawColor;
  /** Points in the layer's coordinates at the moment of drawing. */
  points: [number, number][];
  /** The scrolled text under the stroke and how far it was scrolled: the stroke moves with that text. */
  scroller: Element | null;
  scrollTop: number;
}

/** How far a stroke is moved down now: by how much its text scrolled up since it was drawn. */
export const strokeOffset = (s: Stroke): number => s.scrollTop - (s.scroller?.scrollTop ?? s.scrollTop);

/** An SVG path through the points. */
export function strokePath(points: readonly [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');
}

/** The distance from (x, y) to the segment from a to b. */
function distanceToSegment(x: number, y: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The strokes left after erasing at (x, y) with a rubber of radius r (in the layer's coordinates now). */
export function erase(strokes: readonly Stroke[], x: number, y: number, r: number): Stroke[] {
  return strokes.filter((s) => {
    // Where the stroke is now: its text may have scrolled since.
    const at = y - strokeOffset(s);
    const points = s.points;
    if (points.length === 1) return distanceToSegment(x, at, points[0]!, points[0]!) > r;
    return !points.slice(1).some((p, i) => distanceToSegment(x, at, points[i]!, p) <= r);
  });
}

/** The nearest scrolled box under a point, inside `within`: what a stroke drawn there belongs to. */
export function scrollerAt(x: number, y: number, within: Element, skip: Element): Element | null {
  for (const el of document.elementsFromPoint(x, y)) {
    if (el === skip || skip.contains(el)) continue;
    for (let node: Element | null = el; node && within.contains(node); node = node.parentElement) {
      const style = getComputedStyle(node);
      if (/(auto|scroll)/.test(style.overflowY) && node.scrollHeight > node.clientHeight) return node;
    }
    return null;
  }
  return null;
}
