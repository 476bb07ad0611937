import type { Locale } from '../../../contract/common.ts';
import type { MessageKey, Messages, MessageVars } from './messages.ts';
import { zhCN } from './zh-CN.ts';

export type { Locale };
export type { MessageKey, MessageVars };

// Simplified Chinese ships in the first load; the other two are chunks fetched when chosen, so
// the login page on a slow phone does not download three languages to show one.
const dictionaries: Partial<Record<Locale, Messages>> = { 'zh-CN': zhCN };
const loaders: Record<Locale, () => Promise<Messages>> = {
  'zh-CN': () => Promise.resolve(zhCN),
  'zh-TW': () => import('./zh-TW.ts').then((m) => m.zhTW),
  en: () => import('./en.ts').then((m) => m.en),
};

/** Makes sure a language's dictionary is in memory (translate falls back to Simplified Chinese until then). */
export async function loadMessages(locale: Locale): Promise<void> {
  dictionaries[locale] ??= await loaders[locale]();
}

/** Whether a language's dictionary is in memory. */
export function hasMessages(locale: Locale): boolean {
  return dictionaries[locale] !== undefined;
}

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
  return (dictionaries[locale] ?? zhCN)[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** A translate function bound to one language. */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;
