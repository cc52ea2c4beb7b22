import { languageOfTag, type UiLanguage } from './languages';

/**
 * The interface language for code outside React components (the workspace store's notices, the
 * Markdown renderer's buttons): `<html lang>`, which the app keeps current (use-ui-language.ts).
 * English without a document (unit tests in Node).
 */
export function documentLanguage(): UiLanguage {
  // Through globalThis: the workspace store is also compiled for Node-side tests, without the DOM's types.
  const page = (globalThis as { document?: { documentElement?: { lang?: string } } }).document;
  return languageOfTag(page?.documentElement?.lang);
}
