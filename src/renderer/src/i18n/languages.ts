import type { Settings } from '../../../shared/settings';

/** The languages the interface is written in (the settings' choices, less `auto`). */
export const uiLanguages = ['en', 'zh-CN'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

/** Chinese tags that mean Traditional characters: by script, or by a region that writes them. */
const traditional = /^zh-(hant|tw|hk|mo)\b/i;

/**
 * The interface language for the user's preferred languages (navigator.languages, best first):
 * the first one the interface has. Any Chinese but Traditional (zh, zh-CN, zh-SG, zh-Hans-…)
 * is Simplified Chinese; Traditional Chinese is passed over (there is no catalogue for it, and
 * English is closer to what a reader of zh-TW expects than Simplified); nothing known is English.
 */
export function pickLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const lower = tag.trim().toLowerCase();
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    if (lower === 'zh' || lower.startsWith('zh-')) {
      // zh-Hans-TW names the script outright: Simplified, wherever its region.
      if (lower.startsWith('zh-hans') || !traditional.test(lower)) return 'zh-CN';
    }
  }
  return 'en';
}

/** The language to show for a settings choice: `auto` follows the preferred languages. */
export function resolveLanguage(choice: Settings['language'] | undefined, preferred: readonly string[]): UiLanguage {
  return choice === 'en' || choice === 'zh-CN' ? choice : pickLanguage(preferred);
}

/** The value of `<html lang>` as an interface language (what non-React code goes by). */
export function languageOfTag(tag: string | null | undefined): UiLanguage {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
