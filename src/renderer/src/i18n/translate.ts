import { en } from './en';
import { zhCN } from './zh-CN';
import type { UiLanguage } from './languages';

/*
 * Our own small catalogue instead of an i18n library: two languages, flat keys, `{name}`
 * placeholders and a one/other plural are all the interface needs, and TypeScript can check
 * every key and every placeholder against the English catalogue at no runtime cost.
 */

export type Messages = typeof en;
export type MessageKey = keyof Messages;

/** The `{name}` placeholders of a message, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** What a message's placeholders are filled with. */
export type MessageValues<K extends MessageKey, V = string | number> = Record<Placeholders<Messages[K]>, V>;

/** A message without placeholders takes no values; one with them must get them all. */
export type MessageArgs<K extends MessageKey, V = string | number> = [Placeholders<Messages[K]>] extends [never] ? [] : [values: MessageValues<K, V>];

/** Keys that come in a pair `<base>.one` / `<base>.other`: the base of each pair. */
export type PluralBase = { [K in MessageKey]: K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never }[MessageKey];

export const catalogues: Record<UiLanguage, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

const placeholder = /\{([A-Za-z0-9_]+)\}/g;

/** A message's text in pieces: literal text, and the values put where its placeholders are. */
export function messageParts<V>(template: string, values: Record<string, V>): (string | V)[] {
  const parts: (string | V)[] = [];
  let last = 0;
  for (const match of template.matchAll(placeholder)) {
    if (match.index > last) parts.push(template.slice(last, match.index));
    const name = match[1] ?? '';
    // A value the caller did not give shows as its placeholder: visible, never a crash.
    parts.push(name in values ? (values[name] as V) : match[0]);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

/** One message in one language, its placeholders filled; for code outside React components. */
export function translate<K extends MessageKey>(language: UiLanguage, key: K, ...args: MessageArgs<K>): string {
  const template = catalogues[language][key];
  const values: Record<string, string | number> = args[0] ?? {};
  return messageParts(template, values).map(String).join('');
}

/** `<base>.one` for a count of 1, else `<base>.other`, with `{count}` filled (Chinese has the same text in both). */
export function translatePlural(language: UiLanguage, base: PluralBase, count: number, values: Record<string, string | number> = {}): string {
  const template = catalogues[language][`${base}.${count === 1 ? 'one' : 'other'}`];
  return messageParts(template, { count, ...values }).map(String).join('');
}
