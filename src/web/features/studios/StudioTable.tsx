import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { StudioSummary } from './api.ts';
import { StatusTag } from './StatusTag.tsx';
import { formatDay } from '../../lib/dates.ts';

interface Props {
  items: StudioSummary[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage(page: number): void;
  caption: string;
}

/** Studios as a table whose names link to the detail page; shared by the lists, the queue and "mine". */
export function StudioTable({ items, total, loading, page, pageSize, onPage, caption }: Props) {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<StudioSummary> = [
    { title: t('studios.col.name'), key: 'name', render: (_, s) => <Link to={`/studios/${s.id}`}>{s.name}</Link> },
    { title: t('studios.col.status'), key: 'status', render: (_, s) => <StatusTag status={s.status} /> },
    { title: t('studios.col.unit'), dataIndex: 'unitName', key: 'unit', responsive: ['sm'] },
    {
      title: t('studios.col.leader'),
      key: 'leader',
      responsive: ['md'],
      render: (_, s) => s.leaderName ?? t('common.none'),
    },
    { title: t('studios.col.plaque'), key: 'plaque', responsive: ['lg'], render: (_, s) => s.plaqueNumber ?? '—' },
    {
      title: t('studios.col.changedAt'),
      key: 'changedAt',
      responsive: ['lg'],
      render: (_, s) => formatDay(s.statusChangedAt, locale),
    },
  ];
  return (
    <div data-testid="studios-table" aria-busy={loading}>
      <Table<StudioSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        caption={<span className="hm-visually-hidden">{caption}</span>}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { total: n }),
          onChange: onPage,
          hideOnSinglePage: true,
        }}
      />
    </div>
  );
}
