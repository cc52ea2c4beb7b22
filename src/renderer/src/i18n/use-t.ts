import { createContext, createElement, Fragment, useContext, type ReactNode } from 'react';
import type { UiLanguage } from './languages';
import { catalogues, messageParts, translate, translatePlural, type MessageArgs, type MessageKey, type PluralBase } from './translate';

/** The interface language of everything below; English where no provider is (component tests). */
export const LanguageContext = createContext<UiLanguage>('en');

/** A message lookup bound to one language. */
export interface Translator {
  <K extends MessageKey>(key: K, ...args: MessageArgs<K>): string;
  /** A count's message: `<base>.one` or `<base>.other`, `{count}` filled with the count unless given. */
  plural: (base: PluralBase, count: number, values?: Record<string, string | number>) => string;
  /** A message whose placeholders hold elements (`<code>`, `<strong>`, a link), as one node. */
  rich: <K extends MessageKey>(key: K, ...args: MessageArgs<K, ReactNode>) => ReactNode;
  language: UiLanguage;
}

function makeTranslator(language: UiLanguage): Translator {
  const t = (<K extends MessageKey>(key: K, ...args: MessageArgs<K>) => translate(language, key, ...args)) as Translator;
  t.plural = (base, count, values) => translatePlural(language, base, count, values);
  t.rich = (key, ...args) => createElement(Fragment, null, ...messageParts<ReactNode>(catalogues[language][key], args[0] ?? {}));
  t.language = language;
  return t;
}

// One translator per language, made once: a stable identity, safe in hooks' dependency lists.
const translators = new Map<UiLanguage, Translator>();

/** The translator for a language (the same object each time). */
export function translatorFor(language: UiLanguage): Translator {
  let t = translators.get(language);
  if (!t) {
    t = makeTranslator(language);
    translators.set(language, t);
  }
  return t;
}

/** The message lookup for the current interface language. */
export function useT(): Translator {
  return translatorFor(useContext(LanguageContext));
}
