import { Switch } from 'antd';
import { useI18n } from '../lib/i18n/react.tsx';

interface Props {
  id: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

/** The 适老化 toggle: a labelled switch (role="switch", so its state is announced). */
export function LargeFontSwitch({ id, checked, onChange }: Props) {
  const { t } = useI18n();
  return (
    <span className="hm-inline-field">
      <Switch id={id} checked={checked} onChange={onChange} />
      <label htmlFor={id}>{t('prefs.largeFont')}</label>
    </span>
  );
}
