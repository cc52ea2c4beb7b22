import { useCallback, useEffect, useState } from 'react';
import { viewNames, type View } from '../../../shared/desktop-commands';
import { defaultPaneSizes, parsePaneSizes, type PaneSizes } from '../layout/pane-sizes';

export type { View };

export const presentationScales = ['S', 'M', 'L', 'XL'] as const;
export type PresentationScale = (typeof presentationScales)[number];

export interface Layout {
  view: View;
  /** The reasoning section open (it can be folded to leave room for the answer). */
  reasoningOpen: boolean;
  /** Presentation mode: large type, chrome hidden, for screenshares. */
  presentation: boolean;
  presentScale: PresentationScale;
  /** High-contrast colours while presenting (projectors, compressed screenshares). */
  contrast: boolean;
  /** Step-through: the solution revealed a step at a time. */
  steps: boolean;
  /** The reasoning shown while presenting (open, and in the steps); by default a tutor shows the worked answer. */
  presentReasoning: boolean;
  /** Paths and tokens masked in the UI. */
  privacy: boolean;
  sidebarOpen: boolean;
  /** The workbench panes' shares of the row (problem, conversation, editor), set by dragging their handles. */
  paneSizes: PaneSizes;
  /** The session to reopen at start. */
  sessionId: string | null;
}

const key = 'vibe.layout';
const views: readonly View[] = viewNames;
export const defaultLayout: Layout = {
  view: 'workbench',
  reasoningOpen: true,
  presentation: false,
  presentScale: 'M',
  contrast: false,
  steps: false,
  presentReasoning: false,
  privacy: false,
  sidebarOpen: true,
  paneSizes: defaultPaneSizes,
  sessionId: null,
};

const bool = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);

/** Reads a saved layout, keeping only fields that make sense (the storage is the user's to edit). */
export function parseLayout(text: string | null): Layout {
  try {
    const raw = JSON.parse(text ?? '{}') as Partial<Record<keyof Layout, unknown>>;
    return {
      view: views.includes(raw.view as View) ? (raw.view as View) : defaultLayout.view,
      reasoningOpen: bool(raw.reasoningOpen, defaultLayout.reasoningOpen),
      presentation: bool(raw.presentation, defaultLayout.presentation),
      presentScale: presentationScales.includes(raw.presentScale as PresentationScale) ? (raw.presentScale as PresentationScale) : defaultLayout.presentScale,
      contrast: bool(raw.contrast, defaultLayout.contrast),
      steps: bool(raw.steps, defaultLayout.steps),
      presentReasoning: bool(raw.presentReasoning, defaultLayout.presentReasoning),
      privacy: bool(raw.privacy, defaultLayout.privacy),
      sidebarOpen: bool(raw.sidebarOpen, defaultLayout.sidebarOpen),
      paneSizes: parsePaneSizes(raw.paneSizes),
      sessionId: typeof raw.sessionId === 'string' && /^[\w-]{1,80}$/.test(raw.sessionId) ? raw.sessionId : null,
    };
  } catch {
    return defaultLayout;
  }
}

/** The window's layout, restored at start and saved on every change (per origin: desktop app or server). */
export function useLayout(): [Layout, (change: Partial<Layout> | ((layout: Layout) => Partial<Layout>)) => void] {
  const [layout, setLayout] = useState<Layout>(() => parseLayout(safeStorage()?.getItem(key) ?? null));
  useEffect(() => {
    safeStorage()?.setItem(key, JSON.stringify(layout));
  }, [layout]);
  // Stable, and a change that changes nothing keeps the same object (no re-render, no effects re-run).
  const update = useCallback(
    (change: Partial<Layout> | ((layout: Layout) => Partial<Layout>)) =>
      setLayout((current) => {
        const patch = typeof change === 'function' ? change(current) : change;
        return Object.entries(patch).every(([k, v]) => Object.is(current[k as keyof Layout], v)) ? current : { ...current, ...patch };
      }),
    [],
  );
  return [layout, update];
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage disabled (privacy settings): the layout just is not remembered.
    return null;
  }
}
