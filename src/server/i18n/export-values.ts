import type { Locale } from '../../contract/common.ts';
import type { MessageKey } from '../../web/lib/i18n/messages.ts';

// The enumerated cells of the list exports (statuses, modes, groups served, roles, audit actions…)
// in the reader's language, in the console's own words: the dictionaries are plain data, so the
// sheet says exactly what the screen beside it says, and a label changed there changes here too.
// They are the whole console's messages (some fifteen modules per language), so they load on
// the first export rather than at every start: `streamWorkbook` awaits `loadExportLabels`
// before it writes a row.
type Dictionaries = Record<Locale, Readonly<Record<MessageKey, string>>>;
let dictionaries: Dictionaries | undefined;
let loading: Promise<void> | undefined;

/** Loads the dictionaries once; the labels below need it done. */
export function loadExportLabels(): Promise<void> {
  loading ??= Promise.all([
    import('../../web/lib/i18n/zh-CN.ts'),
    import('../../web/lib/i18n/zh-TW.ts'),
    import('../../web/lib/i18n/en.ts'),
  ]).then(([{ zhCN }, { zhTW }, { en }]) => {
    dictionaries = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
  });
  return loading;
}

function loaded(): Dictionaries {
  if (!dictionaries) throw new Error('export labels used before loadExportLabels()');
  return dictionaries;
}

/** The console's label for `key` in `locale`. */
export function exportLabel(locale: Locale, key: MessageKey): string {
  return loaded()[locale][key];
}

/**
 * The console's label for a key built from a stored value (`audit.action.${action}`), or the
 * value itself when the console has no label for it (a value newer than the dictionaries).
 */
export function exportLabelOr(locale: Locale, key: string, raw: string): string {
  const dictionary: Readonly<Record<string, string>> = loaded()[locale];
  return Object.hasOwn(dictionary, key) ? (dictionary[key] ?? raw) : raw;
}

/** The console's message for `key` in `locale`, its `{placeholders}` filled from `vars`. */
export function exportText(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return loaded()[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}
