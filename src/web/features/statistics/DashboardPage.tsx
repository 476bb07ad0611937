import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Breadcrumb, Button, Input, Select, Space, Table } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { zhCN as dictionary } from '../../lib/i18n/zh-CN.ts';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { downloadFile } from '../registry/files.ts';
import { EXPORT_PATH, statisticsApi, type Chart, type Figure } from './api.ts';
import { ChartView } from './ChartView.tsx';
import { chartTitle, figureLabel } from './labels.ts';
import { presetPeriod, type Preset } from './period.ts';
import './statistics.css';

const has = (k: string) => k in dictionary;

/** The list behind a figure, as a console path with its filters. */
function hrefOf(f: Figure): string | null {
  if (!f.link) return null;
  const qs = new URLSearchParams(f.link.query).toString();
  return qs ? `${f.link.path}?${qs}` : f.link.path;
}

/**
 * 统计看板: a unit's figures over a period beside the previous one, drilling down the org tree;
 * every figure links to the list behind it and every chart's data exports to .xlsx.
 */
export default function DashboardPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('statistics.heading'));
  const [params, setParams] = useSearchParams();
  // The last twelve months: a newcomer's first look at the demo is its period, the seed's figures.
  const fallback = presetPeriod('last12', new Date());
  const from = params.get('from') ?? fallback.from;
  const to = params.get('to') ?? fallback.to;
  const under = params.get('under') ? Number(params.get('under')) : undefined;
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const { data, error, loading, reload } = useLoad(
    (signal) => statisticsApi.dashboard({ under, from, to }, signal),
    // The categories come named in the reader's language: a language chosen here asks again.
    `${under ?? ''}|${from}|${to}|${locale}`,
  );
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  const exportChart = async (chart: Chart['id']) => {
    try {
      const name = await downloadFile(EXPORT_PATH, { under, from, to, chart }, `${chart}.xlsx`, locale);
      setNotice({ type: 'success', text: t('statistics.exported', { name }) });
    } catch (err) {
      setNotice({ type: 'error', text: errorMessage(err) });
    }
  };

  const names = useMemo(() => ({ current: t('statistics.current'), previous: t('statistics.previous') }), [t]);

  return (
    <>
      <h1 className="hm-page-title">{t('statistics.heading')}</h1>
      <div className="hm-toolbar" role="search" aria-label={t('statistics.preset')}>
        <div className="hm-field">
          <label htmlFor="stat-preset">{t('statistics.preset')}</label>
          <Select<Preset>
            id="stat-preset"
            style={{ minWidth: 140 }}
            placeholder={t('statistics.preset')}
            onChange={(p) => set(presetPeriod(p, new Date()))}
            options={(['last12', 'quarter', 'lastQuarter', 'year', 'lastYear'] as const).map((p) => ({
              value: p,
              label: t(`statistics.preset.${p}`),
            }))}
          />
        </div>
        <div className="hm-field">
          <label htmlFor="stat-from">{t('statistics.from')}</label>
          <Input
            id="stat-from"
            type="date"
            value={from}
            onChange={(e) => e.target.value && set({ from: e.target.value })}
          />
        </div>
        <div className="hm-field">
          <label htmlFor="stat-to">{t('statistics.to')}</label>
          <Input id="stat-to" type="date" value={to} onChange={(e) => e.target.value && set({ to: e.target.value })} />
        </div>
      </div>
      {notice && (
        <Alert
          type={notice.type}
          showIcon
          role={notice.type === 'error' ? 'alert' : 'status'}
          title={notice.text}
          closable={{ onClose: () => setNotice(null) }}
        />
      )}
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : !data ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : (
        <div aria-busy={loading} data-testid="dashboard" data-unit={data.unit.name}>
          <nav aria-label={t('statistics.trail')}>
            <Breadcrumb
              items={data.trail.map((u, i) => ({
                title:
                  i === data.trail.length - 1 ? (
                    <span aria-current="page">{u.name}</span>
                  ) : (
                    <Link to={`/statistics?${new URLSearchParams({ under: String(u.id), from, to }).toString()}`}>
                      {u.name}
                    </Link>
                  ),
              }))}
            />
          </nav>
          <p className="hm-muted">
            {t('statistics.period', {
              from: data.period.from,
              to: data.period.to,
              pfrom: data.previous.from,
              pto: data.previous.to,
            })}
          </p>
          {data.children.length > 0 && (
            <nav aria-label={t('statistics.children')} className="hm-stat-children">
              <Space wrap>
                {data.children.map((c) => (
                  <Button key={c.id} size="small" onClick={() => set({ under: String(c.id) })}>
                    {t('statistics.drill', { name: c.name })}
                  </Button>
                ))}
              </Space>
            </nav>
          )}
          <div className="hm-stat-grid">
            {data.charts.map((chart) => {
              const title = chartTitle(t, chart.id);
              const labels = chart.items.map((f) => figureLabel(t, chart.id, f, has));
              return (
                <section key={chart.id} className="hm-stat-card" aria-labelledby={`stat-${chart.id}`}>
                  <div className="hm-stat-card-head">
                    <h2 id={`stat-${chart.id}`}>{title}</h2>
                    <Button
                      size="small"
                      onClick={() => void exportChart(chart.id)}
                      aria-label={`${t('statistics.export')} ${title}`}
                    >
                      {t('statistics.export')}
                    </Button>
                  </div>
                  {chart.id !== 'headline' && (
                    <ChartView
                      chart={chart}
                      title={title}
                      labels={labels}
                      currentName={names.current}
                      previousName={names.previous}
                      againstName={t('statistics.against')}
                    />
                  )}
                  <Table<Figure & { shown: string }>
                    size="small"
                    rowKey="key"
                    pagination={false}
                    caption={<span className="hm-visually-hidden">{title}</span>}
                    dataSource={chart.items.map((f, i) => ({ ...f, shown: labels[i] ?? f.label }))}
                    columns={[
                      {
                        title: t('statistics.item'),
                        key: 'item',
                        render: (_, f) => {
                          const href = hrefOf(f);
                          return href ? <Link to={href}>{f.shown}</Link> : f.shown;
                        },
                      },
                      { title: names.current, dataIndex: 'current', key: 'current', align: 'right' },
                      {
                        title: names.previous,
                        key: 'previous',
                        align: 'right',
                        render: (_, f) => (f.previous === null ? '—' : f.previous),
                      },
                      ...(chart.against
                        ? [
                            {
                              title: t('statistics.against'),
                              key: 'against',
                              align: 'right' as const,
                              render: (_: unknown, f: Figure) =>
                                chart.against?.find((a) => a.key === f.key)?.current ?? 0,
                            },
                          ]
                        : []),
                    ]}
                  />
                </section>
              );
            })}
          </div>
        </div>
      )}
    </>
  );
}
