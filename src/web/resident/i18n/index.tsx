import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLocale } from '../api.ts';
import { readStored, writeStored } from '../storage.ts';
import { isLocale, loadMessages, translate, type Locale, type Translate } from './translate.ts';

export { localeNames, uiLocales, type Locale, type ResidentKey, type Translate } from './translate.ts';

// The same keys as the console (src/web/app/preferences.tsx), so a choice made on one side holds on the other.
const LOCALE_KEY = 'huimin.locale';
const LARGE_FONT_KEY = 'huimin.largeFont';

/** The language and large-font mode this browser chose last (Simplified Chinese by default). */
export function storedPreferences(): { locale: Locale; largeFont: boolean } {
  const stored = readStored(LOCALE_KEY);
  return { locale: isLocale(stored) ? stored : 'zh-CN', largeFont: readStored(LARGE_FONT_KEY) === '1' };
}

function applyToDocument(locale: Locale, largeFont: boolean): void {
  setApiLocale(locale);
  document.documentElement.lang = locale;
  document.documentElement.classList.toggle('hm-large', largeFont);
}

interface ResidentI18n {
  locale: Locale;
  t: Translate;
  largeFont: boolean;
  /** Loads the language's dictionary (a small chunk) first, then switches. */
  setLocale(locale: Locale): Promise<void>;
  setLargeFont(on: boolean): void;
}

const I18nContext = createContext<ResidentI18n | null>(null);

/** Holds language and large-font mode; the initial language's dictionary must already be loaded. */
export function ResidentPreferences({
  initial,
  children,
}: {
  initial: { locale: Locale; largeFont: boolean };
  children: ReactNode;
}) {
  const [locale, setLocaleState] = useState(initial.locale);
  const [largeFont, setLargeFontState] = useState(initial.largeFont);
  // Layout effects run before any page's data effect, so the first request already carries the language.
  useLayoutEffect(() => applyToDocument(locale, largeFont), [locale, largeFont]);

  const setLocale = useCallback(async (next: Locale) => {
    await loadMessages(next);
    writeStored(LOCALE_KEY, next);
    setLocaleState(next);
  }, []);
  const setLargeFont = useCallback((on: boolean) => {
    writeStored(LARGE_FONT_KEY, on ? '1' : '0');
    setLargeFontState(on);
  }, []);

  const value = useMemo<ResidentI18n>(
    () => ({ locale, largeFont, setLocale, setLargeFont, t: (key, vars) => translate(locale, key, vars) }),
    [locale, largeFont, setLocale, setLargeFont],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

/** The current language, `t(key, vars)` and the preference setters. */
export function useT(): ResidentI18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT outside ResidentPreferences');
  return value;
}
