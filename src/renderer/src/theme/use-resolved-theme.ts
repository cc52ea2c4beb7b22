import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/settings';

export type ResolvedTheme = 'light' | 'dark';

const darkQuery = '(prefers-color-scheme: dark)';

/** Turns the `system` choice into light or dark, following OS changes live. */
export function useResolvedTheme(choice: Settings['theme'] | undefined): ResolvedTheme {
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(darkQuery).matches);
  useEffect(() => {
    const media = window.matchMedia(darkQuery);
    const onChange = () => setSystemDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  const resolved: ResolvedTheme = choice === 'light' || choice === 'dark' ? choice : systemDark ? 'dark' : 'light';
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
  }, [resolved]);
  return resolved;
}
