import { Select } from 'antd';
import { localeNames, uiLocales, type Locale } from '../lib/i18n/index.ts';
import { useI18n } from '../lib/i18n/react.tsx';

interface Props {
  id: string;
  value: Locale;
  onChange(locale: Locale): void;
}

/** The language menu, with a visible label; each language is named in itself. */
export function LanguageSelect({ id, value, onChange }: Props) {
  const { t } = useI18n();
  return (
    <span className="hm-inline-field">
      <label htmlFor={id}>{t('prefs.language')}</label>
      <Select<Locale>
        id={id}
        value={value}
        onChange={onChange}
        popupMatchSelectWidth={false}
        options={uiLocales.map((l) => ({
          value: l,
          label: <span lang={l}>{localeNames[l]}</span>,
          title: localeNames[l],
        }))}
        style={{ minWidth: 120 }}
      />
    </span>
  );
}
