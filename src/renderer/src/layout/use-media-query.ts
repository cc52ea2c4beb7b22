import { useCallback, useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now, following changes (window resized, phone turned). */
export function useMediaQuery(query: string): boolean {
  // Stable per query: a new subscribe function on every render would make React subscribe again each time.
  const subscribe = useCallback(
    (onChange: () => void) => {
      const media = window.matchMedia(query);
      media.addEventListener('change', onChange);
      return () => media.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}

/**
 * The three widths the workbench is laid out for. Wide: the sessions sidebar sits beside the panes. Narrow (a
 * 1024-px laptop): the sidebar is a drawer over the panes, which keep the whole width. Phone: one pane at a time.
 */
export type LayoutMode = 'wide' | 'narrow' | 'phone';
export const phoneQuery = '(max-width: 759px)';
export const narrowQuery = '(max-width: 1199px)';

export function useLayoutMode(): LayoutMode {
  const phone = useMediaQuery(phoneQuery);
  const narrow = useMediaQuery(narrowQuery);
  return phone ? 'phone' : narrow ? 'narrow' : 'wide';
}
