/**
 * The workbench's three panes (problem, conversation, editor) share the row in proportions the user sets by
 * dragging the handles between them. Proportions, not pixels, are kept: the same layout fits a 1024-px laptop
 * and a 4K screen. Each pane keeps a minimum width in pixels, so no drag can squeeze one to nothing.
 */
export type PaneSizes = readonly [number, number, number];

export const defaultPaneSizes: PaneSizes = [0.3, 0.33, 0.37];
/** The narrowest each pane may become, in CSS pixels (problem, conversation, editor). */
export const paneMinWidths: PaneSizes = [220, 260, 280];

/** A saved value, kept only if it is three positive finite numbers; made to sum to 1. */
export function parsePaneSizes(value: unknown): PaneSizes {
  if (!Array.isArray(value) || value.length !== 3 || !value.every((v) => typeof v === 'number' && Number.isFinite(v) && v > 0)) return defaultPaneSizes;
  const [a, b, c] = value as [number, number, number];
  const sum = a + b + c;
  return [a / sum, b / sum, c / sum];
}

/**
 * Moves the handle after pane `handle` (0: between problem and conversation, 1: between conversation and editor)
 * by `deltaPx`, in a row `rowPx` wide. Only the two panes beside the handle change; each stays at least its minimum
 * (or, in a row too narrow for every minimum, where it was).
 */
export function resizePanes(sizes: PaneSizes, handle: 0 | 1, deltaPx: number, rowPx: number): PaneSizes {
  if (rowPx <= 0 || !Number.isFinite(deltaPx)) return sizes;
  const px = sizes.map((s) => s * rowPx);
  const left = handle;
  const right = handle + 1;
  const pair = (px[left] ?? 0) + (px[right] ?? 0);
  const minLeft = Math.min(paneMinWidths[left] ?? 0, px[left] ?? 0);
  const minRight = Math.min(paneMinWidths[right] ?? 0, px[right] ?? 0);
  const nextLeft = Math.max(minLeft, Math.min(pair - minRight, (px[left] ?? 0) + deltaPx));
  px[left] = nextLeft;
  px[right] = pair - nextLeft;
  return [(px[0] ?? 0) / rowPx, (px[1] ?? 0) / rowPx, (px[2] ?? 0) / rowPx];
}

/** The CSS grid columns for these sizes, with the handles' columns between the panes. */
export function paneColumns(sizes: PaneSizes, handlePx: number): string {
  const col = (i: 0 | 1 | 2) => `minmax(${paneMinWidths[i]}px, ${sizes[i].toFixed(4)}fr)`;
  return `${col(0)} ${handlePx}px ${col(1)} ${handlePx}px ${col(2)}`;
}
