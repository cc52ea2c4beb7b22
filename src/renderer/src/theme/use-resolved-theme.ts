import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/settings';

export type ResolvedTheme = 'light' | 'dark' | 'high-contrast';

const darkQuery = '(prefers-color-scheme: dark)';

/** Turns the `system` choice into light or dark, following OS changes live; the other choices are taken as they are. */
export function useResolvedTheme(choice: Settings['theme'] | undefined): ResolvedTheme {
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(darkQuery).matches);
  useEffect(() => {
    const media = window.matchMedia(darkQuery);
    const onChange = () => setSystemDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  const resolved: ResolvedTheme = choice && choice !== 'system' ? choice : systemDark ? 'dark' : 'light';
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
  }, [resolved]);
  return resolved;
}
