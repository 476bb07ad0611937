import type { Locale } from '../../../contract/common.ts';
import { zhCN, type ResidentKey, type ResidentMessages } from './zh-CN.ts';

export type { Locale, ResidentKey };
export type Vars = Record<string, string | number>;
export type Translate = (key: ResidentKey, vars?: Vars) => string;

export const uiLocales: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];
/** Each language named in itself, so a reader finds their own whatever is showing. */
export const localeNames: Record<Locale, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

// zh-CN ships in the first load; the other two are separate chunks fetched only when chosen.
const loaded: Partial<Record<Locale, ResidentMessages>> = { 'zh-CN': zhCN };
const loaders: Record<Locale, () => Promise<ResidentMessages>> = {
  'zh-CN': () => Promise.resolve(zhCN),
  'zh-TW': () => import('./zh-TW.ts').then((m) => m.zhTW),
  en: () => import('./en.ts').then((m) => m.en),
};

/** Makes sure a language's dictionary is in memory. */
export async function loadMessages(locale: Locale): Promise<void> {
  loaded[locale] ??= await loaders[locale]();
}

/** The message for `key`, with `{name}` placeholders filled; Simplified Chinese until a dictionary is in. */
export function translate(locale: Locale, key: ResidentKey, vars: Vars = {}): string {
  const text = (loaded[locale] ?? zhCN)[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Narrows an untrusted string (localStorage) to a supported language. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (uiLocales as readonly string[]).includes(value);
}
