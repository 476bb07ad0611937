import { useState } from 'react';
import { Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { studiosApi, type OutboxMessage } from './api.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { ExportButton } from '../../components/ListTools.tsx';

const PAGE_SIZE = 50;
const STATUSES: ReadonlyArray<OutboxMessage['status']> = ['pending', 'sending', 'sent', 'failed'];
const statusColor: Record<OutboxMessage['status'], string> = {
  pending: 'default',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
};

/** 已发短信: the outbox of the street or district, newest first, recipients masked by the API. */
export default function OutboxPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('studios.outbox.heading'));
  const [status, setStatus] = useState<OutboxMessage['status'] | undefined>(undefined);
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useLoad(
    (signal) => studiosApi.outbox({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    `${status ?? ''}|${page}`,
  );
  const columns: TableColumnsType<OutboxMessage> = [
    { title: t('studios.outbox.recipient'), dataIndex: 'recipient', key: 'recipient', width: 140 },
    { title: t('studios.outbox.body'), dataIndex: 'body', key: 'body' },
    {
      title: t('studios.outbox.status'),
      key: 'status',
      width: 120,
      render: (_, m) => (
        <>
          <Tag color={statusColor[m.status]}>{t(`studios.outbox.status.${m.status}`)}</Tag>
          {m.lastError && <div className="hm-muted">{m.lastError}</div>}
        </>
      ),
    },
    { title: t('studios.outbox.attempts'), dataIndex: 'attempts', key: 'attempts', responsive: ['lg'], width: 90 },
    { title: t('studios.outbox.template'), dataIndex: 'templateId', key: 'template', responsive: ['xl'] },
    {
      title: t('studios.outbox.createdAt'),
      key: 'createdAt',
      responsive: ['md'],
      render: (_, m) => formatDateTime(m.createdAt, locale),
    },
    {
      title: t('studios.outbox.sentAt'),
      key: 'sentAt',
      responsive: ['lg'],
      render: (_, m) => (m.sentAt ? formatDateTime(m.sentAt, locale) : '—'),
    },
  ];
  return (
    <>
      <h1 className="hm-page-title">{t('studios.outbox.heading')}</h1>
      <p className="hm-muted">{t('studios.outbox.help')}</p>
      <div className="hm-list-tools">
        <ExportButton path="/api/outbox/export.xlsx" query={{ status }} fallback="outbox.xlsx" />
      </div>
      <div className="hm-toolbar">
        <div className="hm-field">
          <label htmlFor="outbox-status">{t('studios.outbox.status')}</label>
          <Select<OutboxMessage['status']>
            id="outbox-status"
            style={{ minWidth: 160 }}
            allowClear
            placeholder={t('studios.list.allStatuses')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={STATUSES.map((s) => ({ value: s, label: t(`studios.outbox.status.${s}`) }))}
          />
        </div>
      </div>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="outbox-table" aria-busy={loading}>
          <Table<OutboxMessage>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            caption={<span className="hm-visually-hidden">{t('studios.outbox.heading')}</span>}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: setPage,
            }}
          />
        </div>
      )}
    </>
  );
}
