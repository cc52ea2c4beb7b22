import { useEffect, useState } from 'react';

export type View = 'workbench' | 'models' | 'templates' | 'settings';

export interface Layout {
  view: View;
  /** The reasoning section open (it can be folded to leave room for the answer). */
  reasoningOpen: boolean;
  /** Presentation mode: large type, chrome hidden, for screenshares. */
  presentation: boolean;
}

const key = 'vibe.layout';
const views: readonly View[] = ['workbench', 'models', 'templates', 'settings'];
export const defaultLayout: Layout = { view: 'workbench', reasoningOpen: true, presentation: false };

/** Reads a saved layout, keeping only fields that make sense (the storage is the user's to edit). */
export function parseLayout(text: string | null): Layout {
  try {
    const raw = JSON.parse(text ?? '{}') as Partial<Record<keyof Layout, unknown>>;
    return {
      view: views.includes(raw.view as View) ? (raw.view as View) : defaultLayout.view,
      reasoningOpen: typeof raw.reasoningOpen === 'boolean' ? raw.reasoningOpen : defaultLayout.reasoningOpen,
      presentation: typeof raw.presentation === 'boolean' ? raw.presentation : defaultLayout.presentation,
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
  const update = (change: Partial<Layout> | ((layout: Layout) => Partial<Layout>)) =>
    setLayout((current) => ({ ...current, ...(typeof change === 'function' ? change(current) : change) }));
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
