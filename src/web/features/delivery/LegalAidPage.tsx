import { useState } from 'react';
import { Alert, Table } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { recordsApi } from './api.ts';
import { useCategories } from './hooks.ts';
import { groupLabel, LEGAL_CATEGORY_CODE, servedGroups, type ServedGroup } from './labels.ts';
import { RecordFilters, type RecordFilter } from './RecordFilters.tsx';
import './delivery.css';

interface Row {
  group: ServedGroup | 'total';
  records: number;
  personTimes: number;
}

/** 法律援助咨询统计: person-times of 政策法律咨询 records by group served (进城务工人员, 青少年, 台胞侨眷 …). */
export default function LegalAidPage() {
  const { t } = useI18n();
  usePageTitle(t('delivery.legal.heading'));
  const categories = useCategories();
  const legal = categories?.find((c) => c.code === LEGAL_CATEGORY_CODE);
  const [filter, setFilter] = useState<RecordFilter>({});
  const { data, error, loading, reload } = useLoad(
    (signal) => (legal ? recordsApi.stats({ ...filter, categoryId: legal.id }, signal) : Promise.resolve(undefined)),
    `${legal?.id ?? ''}|${JSON.stringify(filter)}`,
  );

  // Every group is listed, also those with none: a zero is an answer too.
  const rows: Row[] = data
    ? [
        ...servedGroups.map((g) => data.byGroup.find((b) => b.group === g) ?? { group: g, records: 0, personTimes: 0 }),
        { group: 'total' as const, records: data.records, personTimes: data.personTimes },
      ]
    : [];

  return (
    <>
      <h1 className="hm-page-title">{t('delivery.legal.heading')}</h1>
      <p className="hm-muted">{t('delivery.legal.intro')}</p>
      <RecordFilters
        idPrefix="legal"
        value={filter}
        onChange={setFilter}
        categories={categories}
        fields={['under', 'studioId', 'from', 'to']}
      />
      {categories && !legal ? (
        <Alert type="warning" showIcon role="alert" title={t('delivery.legal.noCategory')} />
      ) : error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="legal-aid-table">
          <Table<Row>
            rowKey="group"
            size="middle"
            loading={loading || !categories}
            pagination={false}
            dataSource={rows}
            caption={<span className="hm-visually-hidden">{t('delivery.legal.caption')}</span>}
            rowClassName={(r) => (r.group === 'total' ? 'hm-dlv-total' : '')}
            columns={[
              {
                title: t('delivery.legal.group'),
                key: 'group',
                render: (_, r) =>
                  r.group === 'total' ? <strong>{t('delivery.legal.total')}</strong> : groupLabel(t, r.group),
              },
              { title: t('delivery.legal.records'), dataIndex: 'records', key: 'records', align: 'right' },
              {
                title: t('delivery.legal.personTimes'),
                dataIndex: 'personTimes',
                key: 'personTimes',
                align: 'right',
                render: (v: number, r) => (r.group === 'total' ? <strong>{v}</strong> : v),
              },
            ]}
          />
        </div>
      )}
    </>
  );
}
