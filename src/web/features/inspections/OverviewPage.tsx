import { useState } from 'react';
import { Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { RatesResult } from '../../../contract/mailbox.ts';
import { firstDayOf, lastDayOf, type Quarter } from '../../../domain/inspections/quarters.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { api } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { inspectionsApi, type Coverage } from './api.ts';
import { currentQuarter, recentQuarters } from './labels.ts';
import './inspections.css';

type Rates = RatesResult['rows'][number];
type Inspected = Coverage['streets'][number];

/** One street's line: its 三率 for letters received in the quarter, and its inspection coverage. */
interface Row {
  streetId: number;
  streetName: string;
  rates: Rates | null;
  coverage: Inspected | null;
}

interface Overview {
  rows: Row[];
  rates: RatesResult;
  coverage: Coverage;
}

/** The two reads of a quarter, joined by street: every street that had letters or studios to inspect. */
async function loadOverview(quarter: Quarter, signal: AbortSignal): Promise<Overview> {
  const [rates, coverage] = await Promise.all([
    api.get<RatesResult>(
      '/api/mailbox/rates',
      { from: firstDayOf(quarter), to: lastDayOf(quarter), by: 'street' },
      signal,
    ),
    inspectionsApi.coverage({ quarter }, signal),
  ]);
  const rows = new Map<number, Row>();
  for (const r of rates.rows) rows.set(r.id, { streetId: r.id, streetName: r.name, rates: r, coverage: null });
  for (const c of coverage.streets) {
    const known = rows.get(c.streetId);
    if (known) known.coverage = c;
    else rows.set(c.streetId, { streetId: c.streetId, streetName: c.streetName, rates: null, coverage: c });
  }
  return {
    rows: [...rows.values()].sort((a, b) => a.streetName.localeCompare(b.streetName, 'zh-CN')),
    rates,
    coverage,
  };
}

/**
 * 监督总览: for a quarter, every street in scope side by side — its 三率 of the letters received in
 * the quarter (marked when too few were rated to rank) and how many of its serving studios were
 * inspected — and the studios nobody inspected.
 */
export default function OverviewPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('inspections.overview.heading'));
  const [quarter, setQuarter] = useState<Quarter>(currentQuarter());
  const { data, error, loading, loadedKey, reload } = useLoad((signal) => loadOverview(quarter, signal), quarter);
  const pct = (x: number | null | undefined) =>
    x === null || x === undefined ? '—' : (x * 100).toLocaleString(locale, { maximumFractionDigits: 1 }) + '%';
  const coverageOf = (c: Inspected | null) => (c && c.studios > 0 ? c.inspected / c.studios : null);

  const columns: TableColumnsType<Row> = [
    {
      title: t('inspections.coverage.street'),
      key: 'street',
      render: (_, r) => (
        <>
          <div>{r.streetName}</div>
          {r.rates?.tooFewToRank && (
            <Tag data-testid="too-few">{t('inspections.overview.tooFew', { n: data?.rates.minRatedToRank ?? 5 })}</Tag>
          )}
        </>
      ),
    },
    { title: t('inspections.overview.letters'), key: 'letters', render: (_, r) => r.rates?.letters ?? 0 },
    { title: t('inspections.overview.response'), key: 'response', render: (_, r) => pct(r.rates?.responseRate) },
    {
      title: t('inspections.overview.resolution'),
      key: 'resolution',
      render: (_, r) => pct(r.rates?.resolutionRate),
    },
    {
      title: t('inspections.overview.satisfaction'),
      key: 'satisfaction',
      render: (_, r) => pct(r.rates?.satisfactionRate),
    },
    { title: t('inspections.overview.composite'), key: 'composite', render: (_, r) => pct(r.rates?.composite) },
    { title: t('inspections.coverage.studios'), key: 'studios', render: (_, r) => r.coverage?.studios ?? 0 },
    { title: t('inspections.coverage.inspected'), key: 'inspected', render: (_, r) => r.coverage?.inspected ?? 0 },
    {
      title: t('inspections.overview.coverageRate'),
      key: 'coverageRate',
      render: (_, r) => pct(coverageOf(r.coverage)),
    },
    { title: t('inspections.coverage.overdue'), key: 'overdue', render: (_, r) => r.coverage?.overdue ?? 0 },
  ];

  const uninspected = (data?.coverage.streets ?? []).flatMap((s) =>
    s.uninspected.map((u) => ({ ...u, streetName: s.streetName })),
  );
  const studios = (data?.coverage.streets ?? []).reduce((n, s) => n + s.studios, 0);
  const inspected = (data?.coverage.streets ?? []).reduce((n, s) => n + s.inspected, 0);
  const total = data?.rates.total;

  return (
    <>
      <h1 className="hm-page-title">{t('inspections.overview.heading')}</h1>
      <p className="hm-muted">{t('inspections.overview.help')}</p>
      <div className="hm-toolbar" role="search" aria-label={t('inspections.overview.period')}>
        <div className="hm-field">
          <label htmlFor="overview-quarter">{t('inspections.quarter')}</label>
          <Select<Quarter>
            id="overview-quarter"
            value={quarter}
            onChange={setQuarter}
            style={{ minWidth: 140 }}
            options={recentQuarters().map((q) => ({ value: q, label: q }))}
          />
        </div>
      </div>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="overview-table" aria-busy={loading} data-loaded={loadedKey ?? undefined}>
          <Table<Row>
            rowKey="streetId"
            size="middle"
            columns={columns}
            dataSource={data?.rows ?? []}
            loading={loading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            caption={<span className="hm-visually-hidden">{t('inspections.overview.heading')}</span>}
            summary={() =>
              data && total ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('inspections.overview.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1}>{total.letters}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2}>{pct(total.responseRate)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3}>{pct(total.resolutionRate)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4}>{pct(total.satisfactionRate)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={5}>{pct(total.composite)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={6}>{studios}</Table.Summary.Cell>
                  <Table.Summary.Cell index={7}>{inspected}</Table.Summary.Cell>
                  <Table.Summary.Cell index={8}>{pct(studios > 0 ? inspected / studios : null)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={9}>
                    {(data.coverage.streets ?? []).reduce((n, s) => n + s.overdue, 0)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        </div>
      )}
      {data && (
        <section aria-labelledby="overview-uninspected" className="hm-insp-section">
          <h2 id="overview-uninspected" className="hm-card-title">
            {t('inspections.coverage.uninspected')}
          </h2>
          {uninspected.length === 0 ? (
            <p className="hm-muted">{t('inspections.coverage.allInspected')}</p>
          ) : (
            <ul className="hm-insp-uninspected" data-testid="overview-uninspected">
              {uninspected.map((u) => (
                <li key={u.studioId}>
                  {u.studioName}{' '}
                  <span className="hm-muted">
                    （{u.streetName} · {u.unitName}）
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
