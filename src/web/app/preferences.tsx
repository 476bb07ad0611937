import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import 'dayjs/locale/zh-tw.js';
import { setApiLocale } from '../lib/api.ts';
import { hasMessages, isLocale, loadMessages, type Locale } from '../lib/i18n/index.ts';
import { I18nProvider } from '../lib/i18n/react.tsx';
import { readStored, removeStored, writeStored } from './storage.ts';

const LOCALE_KEY = 'huimin.locale';
const LARGE_FONT_KEY = 'huimin.largeFont';
// Set when a setting is chosen while signed out (kept across reloads of the login page).
const CHOSEN_KEY = 'huimin.chosenSignedOut';
const dayjsLocales: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

/** The two settings a person carries from page to page: language and large-font mode. */
export interface Preferences {
  locale: Locale;
  largeFont: boolean;
}

interface PreferencesValue extends Preferences {
  /** Applies settings in this browser (state, localStorage, document); saving them to the account is the caller's job. */
  apply(patch: Partial<Preferences>): void;
  /** Remembers that the person chose a setting while signed out, so sign-in keeps it instead of the account's. */
  markChosenSignedOut(): void;
  /** True once after a signed-out choice; reading it clears it. */
  takeChosenSignedOut(): boolean;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);

function applyToDocument({ locale, largeFont }: Preferences): void {
  // Language must be right before the first request and the first date is formatted.
  setApiLocale(locale);
  dayjs.locale(dayjsLocales[locale]);
  document.documentElement.lang = locale;
  document.documentElement.classList.toggle('hm-large', largeFont);
}

/** The language this browser chose, loaded before the first render so the first paint is in it. */
export function storedLocale(): Locale {
  const stored = readStored(LOCALE_KEY);
  return isLocale(stored) ? stored : 'zh-CN';
}

function initial(): Preferences {
  const stored = readStored(LOCALE_KEY);
  // Simplified Chinese unless this browser chose otherwise (the product's default language).
  const prefs = {
    locale: isLocale(stored) ? stored : 'zh-CN',
    largeFont: readStored(LARGE_FONT_KEY) === '1',
  } satisfies Preferences;
  applyToDocument(prefs);
  return prefs;
}

// Module functions, not closures: they touch only storage, and stable identities keep
// the session's start-up effect from running again on every preference change.
function markChosenSignedOut(): void {
  writeStored(CHOSEN_KEY, '1');
}

function takeChosenSignedOut(): boolean {
  const was = readStored(CHOSEN_KEY) === '1';
  removeStored(CHOSEN_KEY);
  return was;
}

/** Holds language and large-font mode, mirrors them to localStorage and the document. */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [prefs, setPrefs] = useState<Preferences>(initial);
  // The language the text is shown in: the chosen one once its dictionary has arrived.
  const [shown, setShown] = useState<Locale>(() => (hasMessages(prefs.locale) ? prefs.locale : 'zh-CN'));

  useEffect(() => {
    let current = true;
    void loadMessages(prefs.locale).then(() => {
      if (current) setShown(prefs.locale);
    });
    return () => {
      current = false;
    };
  }, [prefs.locale]);

  useEffect(() => {
    applyToDocument(prefs);
    writeStored(LOCALE_KEY, prefs.locale);
    writeStored(LARGE_FONT_KEY, prefs.largeFont ? '1' : '0');
  }, [prefs]);

  const apply = useCallback((patch: Partial<Preferences>) => {
    setPrefs((current) => {
      const next = { ...current, ...patch };
      // Same values, same object: consumers' effects must not re-run for a no-op.
      if (next.locale === current.locale && next.largeFont === current.largeFont) return current;
      applyToDocument(next);
      return next;
    });
  }, []);

  const value = useMemo<PreferencesValue>(
    () => ({ ...prefs, apply, markChosenSignedOut, takeChosenSignedOut }),
    [prefs, apply],
  );

  return (
    <PreferencesContext value={value}>
      <I18nProvider locale={shown}>{children}</I18nProvider>
    </PreferencesContext>
  );
}

/** The current preferences and the means to change them locally. */
export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences outside PreferencesProvider');
  return value;
}
