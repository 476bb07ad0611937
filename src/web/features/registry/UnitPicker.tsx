import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import { orgApi, type OrgUnit } from '../org-units/api.ts';
import { levelLabel } from '../org-units/labels.ts';

interface Props {
  id?: string;
  value?: number | undefined;
  onChange?: (id: number | undefined) => void;
  /** The unit already chosen, so its name shows before any search (it may not be among the first results). */
  initial?: { id: number; name: string } | undefined;
  placeholder?: string;
  allowClear?: boolean;
}

type Option = { id: number; label: string };

/**
 * Picks any unit of the account's subtree, searching on the server by name, full pinyin or
 * initials. Unlike org's UnitSelect it does not filter by level: a registry record or a need
 * may belong to a street as well as to a community.
 */
export function UnitPicker({ id, value, onChange, initial, placeholder, allowClear }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<OrgUnit[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      orgApi
        .list({ q: q || undefined, limit: 30 }, controller.signal)
        .then((page) => !controller.signal.aborted && setFound(page.items))
        .catch(() => undefined)
        .finally(() => !controller.signal.aborted && setLoading(false));
    }, 250);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [q]);

  const options: Option[] = found.map((u) => ({ id: u.id, label: `${u.name}（${levelLabel(t, u.level)}）` }));
  if (initial && !options.some((o) => o.id === initial.id)) options.unshift({ id: initial.id, label: initial.name });

  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      onClear={() => onChange?.(undefined)}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={loading}
      placeholder={placeholder}
      notFoundContent={loading ? t('common.loading') : undefined}
      virtual={false}
      options={options.map((o) => ({ value: o.id, label: o.label }))}
    />
  );
}
