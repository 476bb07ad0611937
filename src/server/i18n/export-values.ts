import type { Locale } from '../../contract/common.ts';
import type { MessageKey } from '../../web/lib/i18n/messages.ts';
import { en } from '../../web/lib/i18n/en.ts';
import { zhCN } from '../../web/lib/i18n/zh-CN.ts';
import { zhTW } from '../../web/lib/i18n/zh-TW.ts';

// The enumerated cells of the list exports (statuses, modes, groups served, roles, audit actions…)
// in the reader's language, in the console's own words: the dictionaries are plain data, so the
// sheet says exactly what the screen beside it says, and a label changed there changes here too.
const dictionaries: Record<Locale, Readonly<Record<MessageKey, string>>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** The console's label for `key` in `locale`. */
export function exportLabel(locale: Locale, key: MessageKey): string {
  return dictionaries[locale][key];
}

/**
 * The console's label for a key built from a stored value (`audit.action.${action}`), or the
 * value itself when the console has no label for it (a value newer than the dictionaries).
 */
export function exportLabelOr(locale: Locale, key: string, raw: string): string {
  const dictionary: Readonly<Record<string, string>> = dictionaries[locale];
  return Object.hasOwn(dictionary, key) ? (dictionary[key] ?? raw) : raw;
}

/** The console's message for `key` in `locale`, its `{placeholders}` filled from `vars`. */
export function exportText(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}
