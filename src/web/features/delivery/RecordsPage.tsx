import { useEffect, useRef, useState } from 'react';
import { App, Button, Empty, Pagination, Space, Spin, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useAbilities } from '../../app/abilities.ts';
import { useMe } from '../../app/session.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { recordsApi, type ServiceRecord } from './api.ts';
import { ExportButton, PrintButton } from '../../components/ListTools.tsx';
import { FeedbackModal } from './FeedbackModal.tsx';
import { loadMyStudios, useCategories, useOutbox } from './hooks.ts';
import { categoryName, formatTime, groupLabel, modeLabel } from './labels.ts';
import { QueuedRecords } from './QueuedRecords.tsx';
import { RecordCard } from './RecordCard.tsx';
import { RecordFilters, type RecordFilter } from './RecordFilters.tsx';
import { ReceiptModal } from './ReceiptModal.tsx';
import { RevisionsModal } from './RevisionsModal.tsx';
import { withOfflineCopy } from './reference-cache.ts';
import './delivery.css';

const PAGE_SIZE = 20;

/** The filters a link carries (?under=&categoryId=&group=&mode=&from=&to=). */
function filterFromParams(p: URLSearchParams): RecordFilter {
  const num = (k: string) => (p.get(k) ? Number(p.get(k)) : undefined);
  const str = <T extends string>(k: string) => (p.get(k) ?? undefined) as T | undefined;
  const f: RecordFilter = {
    under: num('under'),
    studioId: num('studioId'),
    categoryId: num('categoryId'),
    group: str<NonNullable<RecordFilter['group']>>('group'),
    mode: str<NonNullable<RecordFilter['mode']>>('mode'),
    from: str('from'),
    to: str('to'),
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as RecordFilter;
}

/** 服务记录本: a member's own records and unsent ones; staff see and export the records in scope. */
export default function RecordsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  // A member keeps the book of its own studios; the organisations above see every record in scope.
  const staff = useAbilities().scope('create', 'serviceRecord') !== 'own';
  usePageTitle(t('delivery.records.heading'));
  const categories = useCategories();
  const { entries } = useOutbox();
  // A figure of the dashboard opens this list with its filters in the address.
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<RecordFilter>(() => filterFromParams(params));
  const [page, setPage] = useState(1);
  const [feedbackFor, setFeedbackFor] = useState<ServiceRecord | null>(null);
  const [historyFor, setHistoryFor] = useState<ServiceRecord | null>(null);
  const [receiptFor, setReceiptFor] = useState<ServiceRecord | null>(null);
  const query = staff ? filter : { mine: '1' as const };
  const { data, error, loading, reload } = useLoad(
    (signal) => {
      const load = () => recordsApi.list({ ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal);
      // A member offline still sees the book as it last was (recipients come masked from the server).
      return staff ? load() : withOfflineCopy(`records.${me.id}.${page}`, load);
    },
    `${JSON.stringify(query)}|${page}`,
  );

  // 人次 of every record the filters select, not only of the page shown.
  const totals = useLoad(
    (signal) => (staff ? recordsApi.stats(filter, signal) : Promise.resolve(null)),
    `${staff}|${JSON.stringify(filter)}|${data?.total ?? ''}`,
  );

  // Get the form ready while online: its code and the member's studios, so it opens offline too.
  useEffect(() => {
    void import('./RecordFormPage.tsx').catch(() => undefined);
    if (!staff) void loadMyStudios(me.id).catch(() => undefined);
  }, [staff, me.id]);

  // Queued records that went out appear in the list without a reload.
  const queued = useRef(entries.length);
  useEffect(() => {
    if (entries.length < queued.current) reload();
    queued.current = entries.length;
  }, [entries.length, reload]);

  const columns: TableColumnsType<ServiceRecord> = [
    { title: t('delivery.records.col.servedAt'), key: 'servedAt', render: (_, r) => formatTime(r.servedAt, locale) },
    {
      title: t('delivery.records.col.studio'),
      key: 'studio',
      render: (_, r) => t('delivery.studioInUnit', { name: r.studioName, unit: r.unitName }),
      responsive: ['md'],
    },
    {
      title: t('delivery.records.col.category'),
      key: 'category',
      render: (_, r) => categoryName(categories, r.categoryId, locale),
    },
    {
      title: t('delivery.records.col.groups'),
      key: 'groups',
      responsive: ['lg'],
      render: (_, r) => r.groups.map((g) => <Tag key={g}>{groupLabel(t, g)}</Tag>),
    },
    { title: t('delivery.records.col.mode'), key: 'mode', responsive: ['lg'], render: (_, r) => modeLabel(t, r.mode) },
    {
      title: t('delivery.records.col.content'),
      dataIndex: 'content',
      key: 'content',
      ellipsis: true,
      responsive: ['sm'],
    },
    { title: t('delivery.records.col.personTimes'), dataIndex: 'personTimes', key: 'personTimes', align: 'right' },
    { title: t('delivery.records.col.author'), dataIndex: 'authorName', key: 'author', responsive: ['md'] },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space wrap>
          <Button size="small" onClick={() => setFeedbackFor(r)}>
            {t('delivery.records.addFeedback')}
          </Button>
          {r.revisions > 0 && (
            <Button
              size="small"
              onClick={() => setHistoryFor(r)}
              aria-label={`${t('delivery.records.history')} ${formatTime(r.servedAt, locale)}`}
            >
              {t('delivery.records.historyCount', { n: r.revisions })}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const list = () => {
    if (error) return <LoadError message={error} onRetry={reload} />;
    if (staff) {
      return (
        <div data-testid="records-table">
          <Table<ServiceRecord>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            locale={{ emptyText: t('delivery.records.empty') }}
            expandable={{
              rowExpandable: (r) => r.feedback.length > 0,
              expandedRowRender: (r) => (
                <ul className="hm-dlv-feedback">
                  {r.feedback.map((f, i) => (
                    <li key={i}>{t('delivery.records.feedbackLine', { date: f.onDate, result: f.result })}</li>
                  ))}
                </ul>
              ),
            }}
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
      );
    }
    return (
      <Spin spinning={loading} description={t('common.loading')}>
        {data && data.items.length === 0 ? (
          <Empty description={t('delivery.records.empty')} />
        ) : (
          <ul className="hm-dlv-list" data-testid="record-list" data-total={data?.total} aria-busy={loading}>
            {data?.items.map((r) => (
              <RecordCard
                key={r.id}
                record={r}
                categories={categories}
                onFeedback={setFeedbackFor}
                onHistory={setHistoryFor}
                onReceipt={setReceiptFor}
              />
            ))}
          </ul>
        )}
        {(data?.total ?? 0) > PAGE_SIZE && (
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={data?.total ?? 0}
            showSizeChanger={false}
            showTotal={(total) => t('common.total', { total })}
            onChange={setPage}
          />
        )}
      </Spin>
    );
  };

  return (
    <>
      <h1 className="hm-page-title">{t('delivery.records.heading')}</h1>
      <QueuedRecords entries={entries} categories={categories} />
      <div className="hm-toolbar">
        <Link to="/records/new" className="hm-dlv-link-button hm-dlv-primary" data-testid="new-record">
          <PlusOutlined aria-hidden style={{ marginRight: 8 }} />
          {t('delivery.records.new')}
        </Link>
        {staff && <ExportButton path="/api/records/export.xlsx" query={filter} fallback="records.xlsx" />}
        <PrintButton />
      </div>
      <h2 className="hm-card-title" style={{ marginBottom: 12 }}>
        {t(staff ? 'delivery.records.inScope' : 'delivery.records.mine')}
      </h2>
      {staff && (
        <RecordFilters
          idPrefix="records"
          value={filter}
          categories={categories}
          onChange={(next) => {
            setFilter(next);
            setPage(1);
          }}
        />
      )}
      {staff && totals.data && (
        <p className="hm-dlv-totals" role="status" data-testid="records-totals">
          {t('delivery.records.totals', {
            records: totals.data.records.toLocaleString(locale),
            personTimes: totals.data.personTimes.toLocaleString(locale),
          })}
        </p>
      )}
      {list()}
      <FeedbackModal
        record={feedbackFor}
        onClose={() => setFeedbackFor(null)}
        onSaved={() => {
          setFeedbackFor(null);
          void message.success(t('delivery.feedback.saved'));
          reload();
        }}
      />
      <RevisionsModal record={historyFor} categories={categories} onClose={() => setHistoryFor(null)} />
      <ReceiptModal record={receiptFor} onClose={() => setReceiptFor(null)} />
    </>
  );
}
