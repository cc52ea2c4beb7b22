import { useEffect, useReducer, useRef, useState, type PointerEvent } from 'react';
import { colorValue, erase, scrollerAt, strokeOffset, strokePath, type DrawColor, type DrawTool, type Stroke } from './strokes';

interface AnnotationLayerProps {
  /** The tool in hand; null: the layer lets every pointer through (text can be selected, links clicked). */
  tool: DrawTool | null;
  color: DrawColor;
  /** Says how many strokes there are (for the toolbar's Clear). */
  onCount?: (count: number) => void;
}

const eraserRadius = 14;
let nextId = 1;

/**
 * A transparent layer over the presented solution to draw on while screen-sharing: a pen, a highlighter and an
 * eraser. A stroke belongs to the text under it: when that text scrolls (the next step revealed and brought into
 * view), the stroke moves with it. It is remounted (cleared) by its parent for a new answer or on Clear.
 */
export function AnnotationLayer({ tool, color, onCount }: AnnotationLayerProps) {
  const svg = useRef<SVGSVGElement>(null);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const drawing = useRef<Stroke | null>(null);
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  // Any scroll inside the presentation moves the strokes drawn on it.
  useEffect(() => {
    const host = svg.current?.parentElement;
    if (!host) return;
    host.addEventListener('scroll', redraw, { capture: true, passive: true });
    return () => host.removeEventListener('scroll', redraw, { capture: true });
  }, []);
  useEffect(() => onCount?.(strokes.length), [strokes.length, onCount]);

  const point = (e: PointerEvent<SVGSVGElement>): [number, number] => {
    const box = e.currentTarget.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  };
  const down = (e: PointerEvent<SVGSVGElement>) => {
    if (!tool || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const [x, y] = point(e);
    if (tool === 'eraser') {
      setStrokes((all) => erase(all, x, y, eraserRadius));
      return;
    }
    const host = e.currentTarget.parentElement ?? e.currentTarget;
    const scroller = scrollerAt(e.clientX, e.clientY, host, e.currentTarget);
    drawing.current = { id: nextId++, tool, color, points: [[x, y]], scroller, scrollTop: scroller?.scrollTop ?? 0 };
    setStrokes((all) => [...all, drawing.current as Stroke]);
  };
  const move = (e: PointerEvent<SVGSVGElement>) => {
    if (!tool || !e.currentTarget.hasPointerCapture(e.pointerId)) return;
    const [x, y] = point(e);
    if (tool === 'eraser') {
      setStrokes((all) => erase(all, x, y, eraserRadius));
      return;
    }
    const current = drawing.current;
    if (!current) return;
    // The stroke is kept in the coordinates of the moment it began (its text may not scroll while drawing anyway).
    current.points.push([x, y + (current.scroller?.scrollTop ?? 0) - current.scrollTop]);
    redraw();
  };
  const up = (e: PointerEvent<SVGSVGElement>) => {
    drawing.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };

  return (
    <svg ref={svg} className="annotation-layer" data-tool={tool ?? undefined} data-testid="annotation-layer" aria-hidden="true" onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerCancel={up}>
      {strokes.map((s) => (
        <path
          key={s.id}
          d={strokePath(s.points)}
          transform={`translate(0 ${strokeOffset(s).toFixed(1)})`}
          stroke={colorValue(s.color)}
          strokeWidth={s.tool === 'highlighter' ? 18 : 3}
          strokeOpacity={s.tool === 'highlighter' ? 0.35 : 1}
          strokeLinecap="round"
          strokeLinejoin="round"
          fill="none"
          data-tool={s.tool}
        />
      ))}
    </svg>
  );
}
