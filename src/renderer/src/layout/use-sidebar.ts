import { useCallback, useState } from 'react';
import type { Layout } from '../state/use-layout';
import type { LayoutMode } from './use-media-query';

/**
 * Whether the sessions sidebar shows, and its toggle. Wide: the layout's choice, kept across starts. Narrow: a
 * drawer that starts closed every time (it would cover the panes).
 */
export function useSidebar(mode: LayoutMode, layout: Layout, updateLayout: (change: (layout: Layout) => Partial<Layout>) => void) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);
  const shown = mode === 'wide' ? layout.sidebarOpen : drawerOpen;
  const toggle = () => (mode === 'wide' ? updateLayout((l) => ({ sidebarOpen: !l.sidebarOpen })) : setDrawerOpen((open) => !open));
  return { shown, toggle, closeDrawer };
}
