import { useState } from 'react';
import { Breadcrumb, Button, Card, Col, DatePicker, Progress, Row, Statistic, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMe } from '../../app/session.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { CategoryTag } from '../categories/CategoryTag.tsx';
import { useCategories } from '../categories/use-categories.ts';
import { needsApi, type PressingNeeds } from './api.ts';
import { iso, presets, type Period } from './period.ts';
import { Trend } from './Trend.tsx';
import './needs.css';

type CategoryRow = PressingNeeds['byCategory'][number];
type UnitRow = PressingNeeds['byUnit'][number];
interface Crumb {
  id: number;
  name: string;
}

/** 最迫切需求: needs by category and by the units one level down, against the previous period; drill down the org tree. */
export default function PressingPage() {
  const { t } = useI18n();
  const me = useMe();
  usePageTitle(t('pressing.heading'));
  const categories = useCategories();
  const named = presets();
  const [period, setPeriod] = useState<Period>(named.thisQuarter);
  // The drill-down path below the account's own unit.
  const [path, setPath] = useState<Crumb[]>([]);
  const under = path.at(-1)?.id;
  const { data, error, loading, loadedKey, reload } = useLoad(
    (signal) => needsApi.pressing({ under, from: iso(period[0]), to: iso(period[1]) }, signal),
    `${under ?? ''}|${iso(period[0])}|${iso(period[1])}`,
  );
  const maxCategory = Math.max(1, ...(data?.byCategory.map((c) => c.count) ?? []));
  const maxUnit = Math.max(1, ...(data?.byUnit.map((u) => u.count) ?? []));

  const categoryColumns: TableColumnsType<CategoryRow> = [
    {
      title: t('pressing.col.category'),
      key: 'category',
      render: (_, r) =>
        r.categoryId === null ? t('needs.uncategorised') : <CategoryTag category={categories.byId.get(r.categoryId)} />,
    },
    {
      title: t('pressing.col.count'),
      key: 'count',
      render: (_, r) => (
        <div className="hm-bar-cell">
          <Progress
            percent={(r.count / maxCategory) * 100}
            status="normal"
            showInfo={false}
            strokeColor={r.categoryId === null ? '#9ca3af' : categories.byId.get(r.categoryId)?.color}
            aria-hidden
          />
          <strong>{r.count}</strong>
        </div>
      ),
    },
    { title: t('pressing.col.previous'), dataIndex: 'previous', key: 'previous', width: 100, responsive: ['sm'] },
    { title: t('pressing.col.trend'), key: 'trend', render: (_, r) => <Trend count={r.count} previous={r.previous} /> },
  ];

  const unitColumns: TableColumnsType<UnitRow> = [
    {
      title: t('pressing.col.unit'),
      key: 'unit',
      render: (_, u) =>
        u.hasChildren ? (
          <Button
            type="link"
            className="hm-link-button"
            onClick={() => setPath((p) => [...p, { id: u.unitId, name: u.name }])}
            aria-label={t('pressing.drill', { name: u.name })}
          >
            {u.name}
          </Button>
        ) : (
          u.name
        ),
    },
    {
      title: t('pressing.col.count'),
      key: 'count',
      render: (_, u) => (
        <div className="hm-bar-cell">
          <Progress percent={(u.count / maxUnit) * 100} status="normal" showInfo={false} aria-hidden />
          <strong>{u.count}</strong>
        </div>
      ),
    },
    {
      title: t('pressing.col.trend'),
      key: 'trend',
      responsive: ['sm'],
      render: (_, u) => <Trend count={u.count} previous={u.previous} />,
    },
    {
      title: t('pressing.col.top'),
      key: 'top',
      responsive: ['md'],
      render: (_, u) =>
        u.topCategoryId === null ? t('common.none') : <CategoryTag category={categories.byId.get(u.topCategoryId)} />,
    },
  ];

  const presetItems = (Object.keys(named) as (keyof typeof named)[]).map((k) => ({
    label: t(`pressing.preset.${k}`),
    value: named[k],
  }));

  return (
    <>
      <h1 className="hm-page-title">{t('pressing.heading')}</h1>
      <div className="hm-toolbar">
        <div className="hm-field">
          <label htmlFor="pressing-period">{t('pressing.period')}</label>
          <DatePicker.RangePicker
            id={{ start: 'pressing-period' }}
            value={period}
            allowClear={false}
            presets={presetItems}
            onChange={(v) => {
              if (v?.[0] && v[1]) setPeriod([v[0], v[1]]);
            }}
          />
        </div>
      </div>
      <nav aria-label={t('pressing.breadcrumb')}>
        <Breadcrumb
          items={[{ id: me.unit.id, name: me.unit.name }, ...path].map((c, i, all) => ({
            key: c.id,
            title:
              i === all.length - 1 ? (
                <span aria-current="page">{c.name}</span>
              ) : (
                <Button type="link" className="hm-link-button" onClick={() => setPath((p) => p.slice(0, i))}>
                  {c.name}
                </Button>
              ),
          }))}
        />
      </nav>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <>
          <div className="hm-pressing-summary" aria-live="polite" data-testid="pressing-summary">
            <Statistic
              title={t('pressing.total', { name: data?.unit.name ?? '' })}
              value={data?.total ?? 0}
              loading={loading}
            />
            <Statistic
              title={t('pressing.previousTotal', { from: data?.previous.from ?? '', to: data?.previous.to ?? '' })}
              value={data?.previousTotal ?? 0}
              loading={loading}
            />
            {data && (
              <div>
                <div className="hm-muted">{t('pressing.col.trend')}</div>
                <Trend count={data.total} previous={data.previousTotal} />
              </div>
            )}
          </div>
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={12}>
              <Card title={<h2 className="hm-card-title">{t('pressing.byCategory')}</h2>} size="small">
                <div data-testid="pressing-categories" aria-busy={loading}>
                  <Table<CategoryRow>
                    rowKey={(r) => String(r.categoryId)}
                    size="small"
                    columns={categoryColumns}
                    dataSource={data?.byCategory ?? []}
                    loading={loading}
                    pagination={false}
                  />
                </div>
              </Card>
            </Col>
            <Col xs={24} xxl={12}>
              <Card
                title={<h2 className="hm-card-title">{t('pressing.byUnit', { name: data?.unit.name ?? '' })}</h2>}
                size="small"
              >
                <p className="hm-muted">{t('pressing.drillHint')}</p>
                <div data-testid="pressing-units" aria-busy={loading} data-loaded={loadedKey ?? undefined}>
                  <Table<UnitRow>
                    rowKey="unitId"
                    size="small"
                    columns={unitColumns}
                    dataSource={data?.byUnit ?? []}
                    loading={loading}
                    pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                  />
                </div>
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
