import { useState } from 'react';
import { Badge, Button, DatePicker, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { CategoryTag } from '../categories/CategoryTag.tsx';
import { useAddressUnit } from '../org-units/use-address-unit.ts';
import type { Categories } from '../categories/use-categories.ts';
import { needsApi, type Channel, type Need, type NeedQuery } from './api.ts';
import { channelLabel, channels, percent, urgencyColor, urgencyLabel } from './labels.ts';
import { ExportButton } from '../../components/ListTools.tsx';

const PAGE_SIZE = 20;
type View = 'all' | 'uncategorised';
type Range = [Dayjs | null, Dayjs | null] | null;

interface Props {
  categories: Categories;
  /** Changes when a need was recorded elsewhere on the page, so the list reloads. */
  version: number;
  onCorrect(need: Need): void;
}

/** The needs in the account's subtree, newest first, with the queue of those waiting for a category. */
export function NeedsList({ categories, version, onCorrect }: Props) {
  const { t, locale } = useI18n();
  const [view, setView] = useState<View>('all');
  const [channel, setChannel] = useState<Channel | undefined>(undefined);
  const [categoryId, setCategoryId] = useState<number | undefined>(undefined);
  const [range, setRange] = useState<Range>(null);
  const [page, setPage] = useState(1);
  // A unit's page opens the list filtered to that unit (?under=), shown as a tag that removes it.
  const address = useAddressUnit();
  const query: NeedQuery = {
    under: address.under,
    channel,
    categoryId: view === 'all' ? categoryId : undefined,
    uncategorised: view === 'uncategorised' ? '1' : undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const key = `${JSON.stringify(query)}|${version}`;
  const { data, error, loading, loadedKey, reload } = useLoad(
    (signal) => needsApi.list({ ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    `${key}|${page}`,
  );
  // The queue's size, shown on its tab whichever view is open.
  const queue = useLoad(
    (signal) => needsApi.list({ uncategorised: '1', limit: 1 }, signal),
    `queue|${version}|${data?.total ?? ''}`,
  );
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'short' });
  const changed = () => setPage(1);

  const columns: TableColumnsType<Need> = [
    {
      title: t('needs.col.recordedOn'),
      key: 'date',
      width: 120,
      render: (_, n) => <time dateTime={n.recordedOn}>{format.format(new Date(`${n.recordedOn}T00:00:00`))}</time>,
    },
    { title: t('needs.col.unit'), dataIndex: 'unitName', key: 'unit', responsive: ['lg'] },
    { title: t('needs.col.channel'), key: 'channel', responsive: ['md'], render: (_, n) => channelLabel(t, n.channel) },
    {
      title: t('needs.col.text'),
      key: 'text',
      render: (_, n) => (
        <>
          <Typography.Paragraph
            ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (open) => t(open ? 'needs.less' : 'needs.more') }}
            style={{ marginBottom: 0 }}
          >
            {n.text}
          </Typography.Paragraph>
          {n.residentName && (
            <span className="hm-muted">
              {t('needs.col.resident', { name: n.residentName, phone: n.residentPhone ?? '' })}
            </span>
          )}
        </>
      ),
    },
    {
      title: t('needs.col.urgency'),
      key: 'urgency',
      width: 90,
      render: (_, n) => <Tag color={urgencyColor[n.urgency]}>{urgencyLabel(t, n.urgency)}</Tag>,
    },
    {
      title: t('needs.col.category'),
      key: 'category',
      render: (_, n) => (
        <Space orientation="vertical" size={0}>
          {n.categoryId === null ? (
            <Tag color="orange">{t('needs.uncategorised')}</Tag>
          ) : (
            <CategoryTag category={categories.byId.get(n.categoryId)} />
          )}
          <span className="hm-muted hm-small">
            {n.categorySource === 'staff'
              ? t('needs.source.staff')
              : n.confidence === null
                ? t('needs.source.auto')
                : t('needs.source.autoWith', { p: percent(n.confidence) })}
          </span>
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, n) => (
        <Tooltip title={t('needs.correct.tooltip')}>
          <Button
            size="small"
            type={n.categoryId === null ? 'primary' : 'default'}
            onClick={() => onCorrect(n)}
            aria-label={t('needs.correct.forText', { text: n.text.slice(0, 20) })}
          >
            {n.categoryId === null ? t('needs.correct.set') : t('needs.correct.action')}
          </Button>
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      <div className="hm-list-tools">
        <ExportButton path="/api/needs/export.xlsx" query={query} fallback="needs.xlsx" />
      </div>
      <div className="hm-toolbar" role="search" aria-label={t('needs.filters')}>
        <Segmented<View>
          aria-label={t('needs.view')}
          value={view}
          onChange={(v) => {
            setView(v);
            changed();
          }}
          options={[
            { value: 'all', label: t('needs.view.all') },
            {
              value: 'uncategorised',
              label: (
                <span data-testid="queue-tab">
                  {t('needs.view.queue')}{' '}
                  <Badge count={queue.data?.total ?? 0} showZero color={queue.data?.total ? '#c2410c' : '#6b7280'} />
                </span>
              ),
            },
          ]}
        />
        {address.under !== undefined && (
          <Tag
            closable
            closeIcon={<span aria-label={t('org.clearUnit')}>×</span>}
            onClose={() => {
              address.clear();
              changed();
            }}
          >
            {t('org.filteredTo', { name: address.unit?.name ?? '…' })}
          </Tag>
        )}
        <div className="hm-field">
          <label htmlFor="needs-channel">{t('needs.col.channel')}</label>
          <Select<Channel>
            id="needs-channel"
            value={channel}
            onChange={(v) => {
              setChannel(v);
              changed();
            }}
            allowClear
            placeholder={t('needs.any')}
            style={{ minWidth: 130 }}
            virtual={false}
            options={channels.map((c) => ({ value: c, label: channelLabel(t, c) }))}
          />
        </div>
        {view === 'all' && (
          <div className="hm-field">
            <label htmlFor="needs-category">{t('needs.col.category')}</label>
            <Select<number>
              id="needs-category"
              value={categoryId}
              onChange={(v) => {
                setCategoryId(v);
                changed();
              }}
              allowClear
              placeholder={t('needs.any')}
              style={{ minWidth: 150 }}
              virtual={false}
              options={categories.all.map((c) => ({ value: c.id, label: c.name[locale] }))}
            />
          </div>
        )}
        <div className="hm-field">
          <label htmlFor="needs-range">{t('needs.range')}</label>
          <DatePicker.RangePicker
            id={{ start: 'needs-range' }}
            value={range}
            onChange={(v) => {
              setRange(v);
              changed();
            }}
            allowEmpty={[true, true]}
          />
        </div>
      </div>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="needs-table" aria-busy={loading} data-loaded={loadedKey ?? undefined}>
          <Table<Need>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            caption={
              <span className="hm-visually-hidden">{t(view === 'all' ? 'needs.view.all' : 'needs.view.queue')}</span>
            }
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
