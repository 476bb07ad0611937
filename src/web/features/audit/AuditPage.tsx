import { useState } from 'react';
import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { auditApi, type AuditEntry } from './api.ts';
import { AuditFilters, type AuditFilterValues } from './AuditFilters.tsx';
import { ChangeDetails } from './ChangeDetails.tsx';
import { auditActionLabel, auditEntityLabel } from './entities.ts';
import { ExportButton } from '../../components/ListTools.tsx';

/** The username a failed sign-in tried, from the entry's `after`. */
function triedUsername(after: unknown): string | null {
  if (typeof after !== 'object' || after === null || !('username' in after)) return null;
  const { username } = after as { username: unknown };
  return typeof username === 'string' ? username : null;
}

const PAGE_SIZE = 25;

/** 审计日志: every change and sign-in, filterable, each row expandable to its before/after. */
export default function AuditPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('audit.heading'));
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [page, setPage] = useState(1);
  // Counts searches, so pressing 搜索 again with the same filters fetches the newest entries.
  const [searches, setSearches] = useState(0);
  const { data, error, loading, loadedKey, reload } = useLoad(
    (signal) => auditApi.list({ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    `${JSON.stringify(filters)}|${page}|${searches}`,
  );
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.col.at'),
      key: 'at',
      render: (_, e) => <time dateTime={e.at}>{format.format(new Date(e.at))}</time>,
      width: 190,
    },
    {
      title: t('audit.col.actor'),
      key: 'actor',
      render: (_, e) => {
        // A failed sign-in has no account behind it: show the username that was tried.
        const tried = e.action === 'login.failed' ? triedUsername(e.after) : null;
        if (tried !== null)
          return <span data-testid="tried-username">{t('audit.triedUsername', { username: tried })}</span>;
        return e.actorName === null || e.actorName === 'system' ? t('audit.system') : e.actorName;
      },
    },
    {
      title: t('audit.col.entity'),
      key: 'entity',
      render: (_, e) => auditEntityLabel(t, e.entity),
    },
    { title: t('audit.col.entityId'), dataIndex: 'entityId', key: 'entityId', responsive: ['md'] },
    {
      title: t('audit.col.action'),
      key: 'action',
      render: (_, e) => <Tag title={e.action}>{auditActionLabel(t, e.action)}</Tag>,
    },
    { title: t('audit.col.ip'), dataIndex: 'ip', key: 'ip', responsive: ['lg'] },
  ];

  return (
    <>
      <h1 className="hm-page-title">{t('audit.heading')}</h1>
      <div className="hm-list-tools">
        <ExportButton path="/api/audit-log/export.xlsx" query={{ ...filters }} fallback="audit-log.xlsx" />
      </div>
      <AuditFilters
        onApply={(values) => {
          setFilters(values);
          setPage(1);
          setSearches((n) => n + 1);
        }}
      />
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="audit-table" aria-busy={loading} data-loaded={loadedKey ?? undefined}>
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            // On a narrow screen (or in large font) the table scrolls inside itself, not the page.
            scroll={{ x: 'max-content' }}
            expandable={{ expandedRowRender: (entry) => <ChangeDetails entry={entry} /> }}
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
