import { useEffect, useLayoutEffect, useState } from 'react';
import type { Settings } from '../../../shared/settings';
import { resolveLanguage, type UiLanguage } from './languages';

const preferred = () => (typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language]);

/**
 * The interface language for the settings' choice, following the OS/browser languages live when it
 * is `auto`, and written to `<html lang>` (screen readers, fonts, hyphenation; and the one place
 * non-React code such as the Markdown renderer and the workspace store reads it from).
 */
export function useUiLanguage(choice: Settings['language'] | undefined): UiLanguage {
  const [browser, setBrowser] = useState<readonly string[]>(preferred);
  useEffect(() => {
    const onChange = () => setBrowser(preferred());
    window.addEventListener('languagechange', onChange);
    return () => window.removeEventListener('languagechange', onChange);
  }, []);
  const language = resolveLanguage(choice, browser);
  // A layout effect: it runs before any component's ordinary effect, where DOM built outside React
  // (rendered Markdown) reads the language.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return language;
}
