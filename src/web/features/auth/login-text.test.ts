import { describe, expect, it } from 'vitest';
import { en } from '../../lib/i18n/en.ts';
import { localeNames, uiLocales } from '../../lib/i18n/index.ts';
import { zhCN } from '../../lib/i18n/zh-CN.ts';
import { zhTW } from '../../lib/i18n/zh-TW.ts';
import { loginLocales, loginText, type LoginTextKey } from './login-text.ts';

describe('the light login page’s words', () => {
  it('are the console dictionary’s words for the same keys, in every language', () => {
    const dictionaries = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const;
    for (const [locale, text] of Object.entries(loginText) as Array<
      [keyof typeof dictionaries, Record<LoginTextKey, string>]
    >) {
      for (const [key, value] of Object.entries(text))
        expect(value, `${locale} ${key}`).toBe(dictionaries[locale][key as LoginTextKey]);
    }
  });

  it('offers the console’s languages, in its order and names', () => {
    expect(loginLocales).toEqual(uiLocales.map((locale) => ({ locale, name: localeNames[locale] })));
  });
});
