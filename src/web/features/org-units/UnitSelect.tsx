import { useEffect, useState } from 'react';
import { Select } from 'antd';
import type { UnitLevel } from '../../../domain/org-units/units.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { orgApi, type OrgUnit } from './api.ts';
import { levelLabel } from './labels.ts';

interface Props {
  id?: string;
  value?: number;
  onChange?: (id: number) => void;
  /** Only units of these levels can be picked (an account's role binds it to certain levels). */
  levels: readonly UnitLevel[];
  placeholder?: string;
  'aria-describedby'?: string;
}

/**
 * Picks one unit in the account's subtree, searching on the server by name, full pinyin
 * or initials; one query per allowed level, since the API filters one level at a time.
 */
export function UnitSelect({ id, value, onChange, levels, placeholder, ...aria }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<OrgUnit[]>([]);
  const [loading, setLoading] = useState(false);
  const levelKey = levels.join(',');

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      Promise.all(
        levelKey
          .split(',')
          .map((level) => orgApi.list({ q: q || undefined, level: level as UnitLevel, limit: 30 }, controller.signal)),
      )
        .then((pages) => {
          if (!controller.signal.aborted)
            setOptions(pages.flatMap((p) => p.items).sort((a, b) => a.code.localeCompare(b.code)));
        })
        .catch(() => undefined)
        .finally(() => !controller.signal.aborted && setLoading(false));
    }, 250);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [q, levelKey]);

  return (
    <Select<number>
      id={id}
      aria-describedby={aria['aria-describedby']}
      value={value}
      onChange={(v) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={loading}
      placeholder={placeholder}
      notFoundContent={loading ? t('common.loading') : undefined}
      options={options.map((u) => ({ value: u.id, label: `${u.name}（${levelLabel(t, u.level)}）` }))}
    />
  );
}
