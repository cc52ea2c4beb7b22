import { translate } from './i18n/translate';
import type { UiLanguage } from './i18n/languages';

export { formatBytes, formatCount } from '../../shared/format';

/** A duration as "12s" or "3m 05s" (in the interface language); a dash when unknown. */
export function formatSeconds(seconds: number | null, language: UiLanguage = 'en'): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? translate(language, 'time.minutesSeconds', { minutes: Math.floor(s / 60), seconds: String(s % 60).padStart(2, '0') }) : translate(language, 'time.seconds', { seconds: s });
}
