import { useState } from 'react';
import { Button, DatePicker, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../lib/i18n/react.tsx';
import { auditActionLabel, auditActions, auditEntities } from './entities.ts';

/** The filters as the API takes them: dates as ISO instants bounding whole local days. */
export interface AuditFilterValues {
  entity?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

type Range = [Dayjs | null, Dayjs | null] | null;

/** Object type, action and date range; applied together with the search button. */
export function AuditFilters({ onApply }: { onApply(values: AuditFilterValues): void }) {
  const { t } = useI18n();
  const [entity, setEntity] = useState<string | undefined>(undefined);
  const [action, setAction] = useState<string | undefined>(undefined);
  const [range, setRange] = useState<Range>(null);

  const apply = () => {
    const [start, end] = range ?? [null, null];
    onApply({
      entity,
      action,
      // Local days, so "today" in Xinluo means today there, though the log stores UTC.
      from: start ? start.startOf('day').toISOString() : undefined,
      to: end ? end.add(1, 'day').startOf('day').toISOString() : undefined,
    });
  };

  const reset = () => {
    setEntity(undefined);
    setAction(undefined);
    setRange(null);
    onApply({});
  };

  return (
    <form
      className="hm-toolbar"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <div className="hm-field">
        <label htmlFor="audit-entity">{t('audit.filter.entity')}</label>
        <Select<string>
          id="audit-entity"
          value={entity}
          onChange={setEntity}
          allowClear
          placeholder={t('audit.filter.any')}
          style={{ minWidth: 180 }}
          virtual={false}
          options={auditEntities.map((e) => ({ value: e, label: t(`audit.entity.${e}`) }))}
        />
      </div>
      <div className="hm-field">
        <label htmlFor="audit-action">{t('audit.filter.action')}</label>
        <Select<string>
          id="audit-action"
          value={action}
          onChange={setAction}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.filter.any')}
          style={{ minWidth: 200 }}
          virtual={false}
          options={auditActions.map((a) => ({ value: a, label: auditActionLabel(t, a) }))}
        />
      </div>
      <div className="hm-field">
        <label htmlFor="audit-range">{t('audit.filter.dateRange')}</label>
        <DatePicker.RangePicker
          id={{ start: 'audit-range' }}
          value={range}
          onChange={(v) => setRange(v)}
          allowEmpty={[true, true]}
        />
      </div>
      <Button type="primary" htmlType="submit">
        {t('common.search')}
      </Button>
      <Button onClick={reset}>{t('common.reset')}</Button>
    </form>
  );
}
