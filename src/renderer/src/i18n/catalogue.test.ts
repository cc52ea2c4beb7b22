import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';
import { languageOfTag, pickLanguage, resolveLanguage } from './languages';
import { translate, translatePlural } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogues', () => {
  it('have the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty message', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(zhCN)]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(en)) expect(placeholders(zhCN[key as keyof typeof en]), key).toEqual(placeholders(text));
  });

  it('have no brace that is not a placeholder (code in a message is passed as a value)', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(zhCN)]) expect(text.replace(/\{[A-Za-z0-9_]+\}/g, ''), key).not.toMatch(/[{}]/);
  });

  it('come in one/other pairs for counts', () => {
    for (const key of Object.keys(en).filter((k) => k.endsWith('.one'))) expect(Object.keys(en), key).toContain(key.replace(/\.one$/, '.other'));
  });
});

describe('translate', () => {
  it('fills placeholders, and shows one it was not given rather than failing', () => {
    expect(translate('en', 'load.model', { name: 'VibeThinker-1.5B' })).toBe('Load VibeThinker-1.5B');
    expect(translate('zh-CN', 'load.model', { name: 'VibeThinker-1.5B' })).toBe('加载 VibeThinker-1.5B');
    expect(translate('en', 'load.model', {} as { name: string })).toBe('Load {name}');
  });

  it('picks one or other by the count', () => {
    expect(translatePlural('en', 'sessions.answers', 1)).toBe('1 answer');
    expect(translatePlural('en', 'sessions.answers', 3)).toBe('3 answers');
    expect(translatePlural('zh-CN', 'sessions.answers', 3)).toBe('3 个答案');
  });
});

describe('pickLanguage', () => {
  it('takes Simplified Chinese for zh tags but Traditional ones', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-cn', 'zh-SG', 'zh-Hans', 'zh-Hans-TW']) expect(pickLanguage([tag]), tag).toBe('zh-CN');
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-CN']) expect(pickLanguage([tag]), tag).toBe('en');
  });

  it('takes the first preferred language there is a catalogue for, else English', () => {
    expect(pickLanguage(['en-US', 'zh-CN'])).toBe('en');
    expect(pickLanguage(['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(pickLanguage(['zh-TW', 'zh-CN'])).toBe('zh-CN');
    expect(pickLanguage(['de', 'ja'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('is overridden by a choice in the settings', () => {
    expect(resolveLanguage('auto', ['zh-CN'])).toBe('zh-CN');
    expect(resolveLanguage(undefined, ['zh-CN'])).toBe('zh-CN');
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });

  it('reads <html lang> back', () => {
    expect(languageOfTag('zh-CN')).toBe('zh-CN');
    expect(languageOfTag('en')).toBe('en');
    expect(languageOfTag('')).toBe('en');
  });
});
