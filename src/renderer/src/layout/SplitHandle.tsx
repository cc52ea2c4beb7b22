import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitHandleProps {
  /** Says which panes it divides, for screen readers. */
  label: string;
  /** The share of the row left of the handle, 0–100, announced as the separator's value. */
  valuePercent: number;
  /** Moves the handle by this many pixels (positive: to the right). */
  onMove: (deltaPx: number) => void;
  /** Back to the default sizes (double-click, or Home on the keyboard). */
  onReset: () => void;
}

/** Keyboard steps: an arrow moves the handle this far, with Shift ten times as far. */
const stepPx = 16;

/**
 * A vertical drag handle between two panes: pointer drag (captured, so it keeps following outside the handle),
 * arrow keys, double-click to reset. It reports moves; the sizes and their limits belong to the caller.
 */
export function SplitHandle({ label, valuePercent, onMove, onReset }: SplitHandleProps) {
  const last = useRef<number | null>(null);
  const down = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    last.current = e.clientX;
    e.preventDefault();
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    if (last.current === null) return;
    const delta = e.clientX - last.current;
    if (delta === 0) return;
    last.current = e.clientX;
    onMove(delta);
  };
  const up = (e: PointerEvent<HTMLDivElement>) => {
    last.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const key = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? stepPx * 10 : stepPx;
    if (e.key === 'ArrowLeft') onMove(-step);
    else if (e.key === 'ArrowRight') onMove(step);
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
