import { useState } from 'react';
import { DatePicker, Radio, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { mailboxApi, type RatesResult } from './api.ts';
import { percent } from './labels.ts';
import './mailbox.css';

type Row = RatesResult['rows'][number];

/** 三率: response, resolution and satisfaction per street or studio for a period, rows too few to rank marked. */
export default function RatesPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('mailbox.rates.heading'));
  const [from, setFrom] = useState<Dayjs>(() => dayjs().startOf('year'));
  const [to, setTo] = useState<Dayjs>(() => dayjs());
  const [by, setBy] = useState<'street' | 'studio'>('street');
  const query = { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD'), by };
  const { data, error, loading, loadedKey, reload } = useLoad(
    (signal) => mailboxApi.rates(query, signal),
    `${query.from}|${query.to}|${by}`,
  );
  const pct = (x: number | null) => percent(x, locale);
  const columns: TableColumnsType<Row> = [
    {
      title: t('mailbox.rates.name'),
      key: 'name',
      render: (_, r) => (
        <>
          <div>{r.name}</div>
          {by === 'studio' && <div className="hm-muted">{r.streetName}</div>}
          {r.tooFewToRank && (
            <Tag data-testid="too-few">{t('mailbox.rates.tooFew', { n: data?.minRatedToRank ?? 5 })}</Tag>
          )}
        </>
      ),
    },
    { title: t('mailbox.rates.letters'), dataIndex: 'letters', key: 'letters' },
    { title: t('mailbox.rates.rated'), dataIndex: 'rated', key: 'rated', responsive: ['sm'] },
    { title: t('mailbox.rates.response'), key: 'response', render: (_, r) => pct(r.responseRate) },
    { title: t('mailbox.rates.resolution'), key: 'resolution', render: (_, r) => pct(r.resolutionRate) },
    { title: t('mailbox.rates.satisfaction'), key: 'satisfaction', render: (_, r) => pct(r.satisfactionRate) },
    {
      title: t('mailbox.rates.composite'),
      key: 'composite',
      render: (_, r) => pct(r.composite),
    },
    { title: t('mailbox.rates.substantiated'), dataIndex: 'substantiated', key: 'substantiated', responsive: ['md'] },
  ];
  const w = data?.weights;
  return (
    <>
      <h1 className="hm-page-title">{t('mailbox.rates.heading')}</h1>
      <div role="search" aria-label={t('mailbox.filter.label')} className="hm-toolbar">
        <div className="hm-field">
          <label htmlFor="rates-from">{t('mailbox.rates.from')}</label>
          <DatePicker id="rates-from" value={from} allowClear={false} onChange={(d) => d && setFrom(d)} />
        </div>
        <div className="hm-field">
          <label htmlFor="rates-to">{t('mailbox.rates.to')}</label>
          <DatePicker id="rates-to" value={to} allowClear={false} onChange={(d) => d && setTo(d)} />
        </div>
        <Radio.Group
          aria-label={t('mailbox.rates.by')}
          value={by}
          onChange={(e) => setBy(e.target.value as 'street' | 'studio')}
          options={[
            { value: 'street', label: t('mailbox.rates.byStreet') },
            { value: 'studio', label: t('mailbox.rates.byStudio') },
          ]}
          optionType="button"
        />
      </div>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="rates-table" aria-busy={loading} data-loaded={loadedKey ?? undefined}>
          <Table<Row>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.rows ?? []}
            loading={loading}
            pagination={false}
            // On a narrow phone (large font) the table scrolls inside itself, not the page.
            scroll={{ x: 'max-content' }}
            caption={<span className="hm-visually-hidden">{t('mailbox.rates.heading')}</span>}
            summary={() =>
              data ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('mailbox.rates.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1}>{data.total.letters}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2}>{data.total.rated}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3}>{pct(data.total.responseRate)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4}>{pct(data.total.resolutionRate)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={5}>{pct(data.total.satisfactionRate)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={6}>{pct(data.total.composite)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={7}>{data.total.substantiated}</Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        </div>
      )}
      {data && w && (
        <p className="hm-muted hm-rates-note">
          {t('mailbox.rates.note', {
            basic: data.basicSatisfiedWeight,
            w: `(${w.response} × ${t('mailbox.rates.response')} + ${w.resolution} × ${t('mailbox.rates.resolution')} + ${w.satisfaction} × ${t('mailbox.rates.satisfaction')}) ÷ ${w.response + w.resolution + w.satisfaction}`,
          })}
        </p>
      )}
    </>
  );
}
