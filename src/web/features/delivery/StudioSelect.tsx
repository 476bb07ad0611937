import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import { referenceApi, type StudioSummary } from './api.ts';

interface Props {
  id?: string;
  value?: number | undefined;
  onChange?: (id: number | undefined, studio: StudioSummary | undefined) => void;
  /** Only studios under this unit (staff filters). */
  under?: number | undefined;
  /** Only serving studios, for writing a record. */
  serving?: boolean;
  allowClear?: boolean;
  placeholder?: string;
}

/** Picks a studio in the account's scope, searching on the server by name. */
export function StudioSelect({ id, value, onChange, under, serving, allowClear, placeholder }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<StudioSummary[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      referenceApi
        .studios({ q: q || undefined, under, status: serving ? 'active' : undefined, limit: 30 }, controller.signal)
        .then((page) => !controller.signal.aborted && setOptions(page.items))
        .catch(() => undefined)
        .finally(() => !controller.signal.aborted && setLoading(false));
    }, 250);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [q, under, serving]);

  return (
    <Select<number>
      id={id}
      value={value}
      allowClear={allowClear}
      onChange={(v) =>
        onChange?.(
          v,
          options.find((s) => s.id === v),
        )
      }
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={loading}
      placeholder={placeholder ?? t('delivery.form.studioSearch')}
      notFoundContent={loading ? t('common.loading') : undefined}
      options={options.map((s) => ({
        value: s.id,
        label: t('delivery.studioInUnit', { name: s.name, unit: s.unitName }),
      }))}
    />
  );
}
