import { useState } from 'react';
import { Link } from 'react-router';
import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { orgApi, type OrgUnit } from './api.ts';
import { levelLabel, postKindLabel } from './labels.ts';
import { trailOf } from './use-address-unit.ts';

const PAGE_SIZE = 20;

/** One page of a unit's subtree (the unit itself first), optionally filtered by name, pinyin or initials. */
export function UnitTable({ under, q, caption }: { under: number; q: string; caption: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState({ under, q, number: 1 });
  // A new unit or search starts again at page 1.
  const current = page.under === under && page.q === q ? page.number : 1;
  const { data, error, loading, loadedKey, reload } = useLoad(
    (signal) => orgApi.list({ under, q: q || undefined, limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE }, signal),
    `${under}|${q}|${current}`,
  );

  const columns: TableColumnsType<OrgUnit> = [
    {
      title: t('org.col.name'),
      dataIndex: 'name',
      key: 'name',
      render: (_, u) => <Link to={`/org/units/${u.id}`}>{u.name}</Link>,
    },
    { title: t('org.col.path'), key: 'path', render: (_, u) => trailOf(u) },
    {
      title: t('org.col.level'),
      dataIndex: 'level',
      key: 'level',
      render: (_, u) => levelLabel(t, u.level),
      width: 110,
    },
    {
      title: t('org.col.postKind'),
      dataIndex: 'postKind',
      key: 'postKind',
      render: (_, u) => <Tag>{postKindLabel(t, u.postKind)}</Tag>,
      width: 150,
    },
    { title: t('org.col.code'), dataIndex: 'code', key: 'code', width: 160, responsive: ['md'] },
    {
      title: t('org.col.location'),
      key: 'location',
      responsive: ['xl'],
      render: (_, u) =>
        u.lng === null || u.lat === null ? (
          <span className="hm-muted">{t('common.none')}</span>
        ) : (
          `${u.lng.toFixed(5)}, ${u.lat.toFixed(5)}`
        ),
    },
  ];

  if (error) return <LoadError message={error} onRetry={reload} />;
  return (
    <div data-testid="unit-table" aria-busy={loading} data-loaded={loadedKey ?? undefined}>
      <Table<OrgUnit>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        caption={<span className="hm-visually-hidden">{caption}</span>}
        pagination={{
          current,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: (number) => setPage({ under, q, number }),
        }}
      />
    </div>
  );
}
