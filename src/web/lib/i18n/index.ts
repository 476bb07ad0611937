import type { Locale } from '../../../contract/common.ts';
import { en } from './en.ts';
import type { MessageKey, Messages, MessageVars } from './messages.ts';
import { zhCN } from './zh-CN.ts';
import { zhTW } from './zh-TW.ts';

export type { Locale };
export type { MessageKey, MessageVars };

const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** The interface languages, in menu order. */
export const uiLocales: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];

/** Each language named in itself, so a reader finds their own language whatever is showing. */
export const localeNames: Record<Locale, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

/** Narrows an untrusted string (localStorage, the API) to a supported language. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (uiLocales as readonly string[]).includes(value);
}

/** The message for `key` in `locale`, with `{name}` placeholders filled from `vars`. */
export function translate(locale: Locale, key: MessageKey, vars: MessageVars = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** A translate function bound to one language. */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;
