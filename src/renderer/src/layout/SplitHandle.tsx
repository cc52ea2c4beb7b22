import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitHandleProps {
  /** Says which panes it divides, for screen readers. */
  label: string;
  /** The share of the row left of the handle, 0–100, announced as the separator's value. */
  valuePercent: number;
  /** A drag begins (the sizes it is measured from are taken now); returns what to call with the drag so far, in
   * pixels from where it began (positive: to the right). */
  onDragStart: (handle: HTMLElement) => (totalPx: number) => void;
  /** A keyboard step, in pixels. */
  onStep: (deltaPx: number, handle: HTMLElement) => void;
  /** Back to the default sizes (double-click, or Home on the keyboard). */
  onReset: () => void;
}

/** Keyboard steps: an arrow moves the handle this far, with Shift ten times as far. */
const stepPx = 16;

/**
 * A vertical drag handle between two panes: pointer drag (captured, so it keeps following outside the handle),
 * arrow keys, double-click to reset. It reports moves; the sizes and their limits belong to the caller.
 */
export function SplitHandle({ label, valuePercent, onDragStart, onStep, onReset }: SplitHandleProps) {
  // Where the drag began: every move is measured from there, so the handle stays under the pointer even after a
  // pane stopped at its minimum, and moves between two renders never add up from stale sizes.
  const start = useRef<number | null>(null);
  const drag = useRef<((totalPx: number) => void) | null>(null);
  const down = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = e.clientX;
    drag.current = onDragStart(e.currentTarget);
    e.preventDefault();
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    if (start.current === null) return;
    drag.current?.(e.clientX - start.current);
  };
  const up = (e: PointerEvent<HTMLDivElement>) => {
    start.current = null;
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const key = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? stepPx * 10 : stepPx;
    if (e.key === 'ArrowLeft') onStep(-step, e.currentTarget);
    else if (e.key === 'ArrowRight') onStep(step, e.currentTarget);
    else if (e.key === 'Home') onReset();
    else return;
    e.preventDefault();
  };
  return (
    <div
      className="split-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(valuePercent)}
      tabIndex={0}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
      onDoubleClick={onReset}
      onKeyDown={key}
    />
  );
}
