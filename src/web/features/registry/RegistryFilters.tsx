import { useState } from 'react';
import { Button, Input, Select } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { Categories } from '../categories/use-categories.ts';
import type { ScreeningStatus, VolunteerKind } from './api.ts';
import { kindLabel, screeningStatuses, statusLabel, volunteerKinds } from './labels.ts';
import { UnitPicker } from './UnitPicker.tsx';

/** The filters as the API takes them (and the export repeats). */
export interface RegistryFilterValues {
  q?: string | undefined;
  kind?: VolunteerKind | undefined;
  categoryId?: number | undefined;
  screeningStatus?: ScreeningStatus | undefined;
  under?: number | undefined;
}

interface Props {
  categories: Categories;
  /** Whether the account's unit has units below it to filter by. */
  pickUnit: boolean;
  /** The unit the page was opened for, already applied. */
  initialUnit?: { id: number; name: string } | undefined;
  onApply(values: RegistryFilterValues): void;
}

/** Name/pinyin/initials/skill search, kind, category, screening status and unit; applied together. */
export function RegistryFilters({ categories, pickUnit, initialUnit, onApply }: Props) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<VolunteerKind | undefined>(undefined);
  const [categoryId, setCategoryId] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<ScreeningStatus | undefined>(undefined);
  const [under, setUnder] = useState<number | undefined>(initialUnit?.id);

  const apply = () => onApply({ q: q.trim() || undefined, kind, categoryId, screeningStatus: status, under });
  const reset = () => {
    setQ('');
    setKind(undefined);
    setCategoryId(undefined);
    setStatus(undefined);
    setUnder(undefined);
    onApply({});
  };

  return (
    <form
      className="hm-toolbar"
      role="search"
      aria-label={t('registry.filters')}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <div className="hm-field hm-field-wide">
        <label htmlFor="registry-q">{t('registry.searchLabel')}</label>
        <Input
          id="registry-q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('registry.searchPlaceholder')}
          aria-describedby="registry-q-hint"
          allowClear
        />
        <span id="registry-q-hint" className="hm-muted">
          {t('registry.searchHint')}
        </span>
      </div>
      <div className="hm-field">
        <label htmlFor="registry-kind">{t('registry.col.kind')}</label>
        <Select<VolunteerKind>
          id="registry-kind"
          value={kind}
          onChange={setKind}
          allowClear
          placeholder={t('registry.any')}
          style={{ minWidth: 150 }}
          virtual={false}
          options={volunteerKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
        />
      </div>
      <div className="hm-field">
        <label htmlFor="registry-category">{t('registry.col.categories')}</label>
        <Select<number>
          id="registry-category"
          value={categoryId}
          onChange={setCategoryId}
          allowClear
          placeholder={t('registry.any')}
          style={{ minWidth: 150 }}
          virtual={false}
          options={categories.all.map((c) => ({ value: c.id, label: c.name[locale] }))}
        />
      </div>
      <div className="hm-field">
        <label htmlFor="registry-status">{t('registry.col.status')}</label>
        <Select<ScreeningStatus>
          id="registry-status"
          value={status}
          onChange={setStatus}
          allowClear
          placeholder={t('registry.any')}
          style={{ minWidth: 130 }}
          virtual={false}
          options={screeningStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
        />
      </div>
      {pickUnit && (
        <div className="hm-field" style={{ minWidth: 220 }}>
          <label htmlFor="registry-unit">{t('registry.col.unit')}</label>
          <UnitPicker
            id="registry-unit"
            value={under}
            onChange={setUnder}
            initial={initialUnit}
            allowClear
            placeholder={t('registry.anyUnit')}
          />
        </div>
      )}
      <Button type="primary" htmlType="submit">
        {t('common.search')}
      </Button>
      <Button onClick={reset}>{t('common.reset')}</Button>
    </form>
  );
}
