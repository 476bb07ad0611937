import { Input, Select } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import { UnitSelect } from '../org-units/UnitSelect.tsx';
import type { Category, RecordQuery } from './api.ts';
import { groupLabel, servedGroups, UNIT_LEVELS, type ServedGroup } from './labels.ts';
import { StudioSelect } from './StudioSelect.tsx';

/** What staff filter records by: unit, studio, category, group served, period. */
export type RecordFilter = Pick<RecordQuery, 'under' | 'studioId' | 'categoryId' | 'group' | 'mode' | 'from' | 'to'>;

interface Props {
  value: RecordFilter;
  onChange(next: RecordFilter): void;
  categories: Category[] | undefined;
  /** Which filters to show (the legal-aid table has its category fixed). */
  fields?: ReadonlyArray<keyof RecordFilter>;
  idPrefix: string;
}

// `mode` comes only from a dashboard link; it has no field of its own.
const ALL: ReadonlyArray<keyof RecordFilter> = ['under', 'studioId', 'categoryId', 'group', 'from', 'to'];

export function RecordFilters({ value, onChange, categories, fields = ALL, idPrefix }: Props) {
  const { t, locale } = useI18n();
  const set = (patch: RecordFilter) => onChange({ ...value, ...patch });
  const has = (f: keyof RecordFilter) => fields.includes(f);
  const id = (f: string) => `${idPrefix}-${f}`;
  return (
    <div role="search" aria-label={t('delivery.filter.label')} className="hm-dlv-filters">
      {has('under') && (
        <div className="hm-field">
          <label htmlFor={id('unit')}>{t('delivery.filter.unit')}</label>
          <UnitSelect
            id={id('unit')}
            value={value.under}
            onChange={(under) => set({ under, studioId: undefined })}
            levels={UNIT_LEVELS}
            placeholder={t('delivery.filter.all')}
          />
        </div>
      )}
      {has('studioId') && (
        <div className="hm-field">
          <label htmlFor={id('studio')}>{t('delivery.filter.studio')}</label>
          <StudioSelect
            id={id('studio')}
            value={value.studioId}
            under={value.under}
            allowClear
            placeholder={t('delivery.filter.all')}
            onChange={(studioId) => set({ studioId })}
          />
        </div>
      )}
      {has('categoryId') && (
        <div className="hm-field">
          <label htmlFor={id('category')}>{t('delivery.filter.category')}</label>
          <Select<number | ''>
            id={id('category')}
            value={value.categoryId ?? ''}
            onChange={(v) => set({ categoryId: v === '' ? undefined : v })}
            options={[
              { value: '', label: t('delivery.filter.all') },
              ...(categories ?? []).map((c) => ({ value: c.id, label: c.name[locale] })),
            ]}
          />
        </div>
      )}
      {has('group') && (
        <div className="hm-field">
          <label htmlFor={id('group')}>{t('delivery.filter.group')}</label>
          <Select<ServedGroup | ''>
            id={id('group')}
            value={value.group ?? ''}
            onChange={(v) => set({ group: v === '' ? undefined : v })}
            options={[
              { value: '', label: t('delivery.filter.all') },
              ...servedGroups.map((g) => ({ value: g, label: groupLabel(t, g) })),
            ]}
          />
        </div>
      )}
      {has('from') && (
        <div className="hm-field">
          <label htmlFor={id('from')}>{t('delivery.filter.from')}</label>
          <Input
            id={id('from')}
            type="date"
            value={value.from ?? ''}
            max={value.to}
            onChange={(e) => set({ from: e.target.value || undefined })}
          />
        </div>
      )}
      {has('to') && (
        <div className="hm-field">
          <label htmlFor={id('to')}>{t('delivery.filter.to')}</label>
          <Input
            id={id('to')}
            type="date"
            value={value.to ?? ''}
            min={value.from}
            onChange={(e) => set({ to: e.target.value || undefined })}
          />
        </div>
      )}
    </div>
  );
}
