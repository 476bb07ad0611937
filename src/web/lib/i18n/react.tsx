import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translate, type Locale, type Translate } from './index.ts';

interface I18n {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18n>({ locale: 'zh-CN', t: (key, vars) => translate('zh-CN', key, vars) });

/** Makes the current language and its translate function available below. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(() => ({ locale, t: (key, vars) => translate(locale, key, vars) }), [locale]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

/** The current language and `t(key, vars)`. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
