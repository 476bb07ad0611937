import { useState } from 'react';
import { Alert, Button, InputNumber, Progress, Select, Space, Statistic, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { Categories } from '../categories/use-categories.ts';
import type { Area, Coverage, Recommendation } from './api.ts';

interface Props {
  categories: Categories;
  defaultRadius: number;
  coverage: Coverage | null;
  loading: boolean;
  error: string | null;
  onRun(categoryId: number, radius: number): void;
  onClear(): void;
  /** Centres the map on a point (stored GCJ-02 coordinates). */
  onFocus(lng: number, lat: number): void;
}

/**
 * 覆盖分析: for a category and a walking radius, how many residents have a studio near them,
 * which residential areas have none, and the venues that would add the most if a studio opened
 * there (greedy: each pick counts only people the earlier picks leave uncovered).
 */
export function CoveragePanel({ categories, defaultRadius, coverage, loading, error, onRun, onClear, onFocus }: Props) {
  const { t, locale } = useI18n();
  const [categoryId, setCategoryId] = useState<number | undefined>(undefined);
  const [radius, setRadius] = useState<number | null>(null);
  const number = new Intl.NumberFormat(locale);
  const r = radius ?? defaultRadius;
  const share = coverage && coverage.totalPopulation > 0 ? coverage.coveredPopulation / coverage.totalPopulation : 0;
  const uncovered = [...(coverage?.uncovered ?? [])].sort((a, b) => b.population - a.population);
  const uncoveredPopulation = coverage ? coverage.totalPopulation - coverage.coveredPopulation : 0;

  const areaColumns: TableColumnsType<Area> = [
    {
      title: t('siting.col.area'),
      key: 'name',
      render: (_, a) => (
        <Button
          type="link"
          className="hm-link-button"
          onClick={() => onFocus(a.lng, a.lat)}
          aria-label={t('siting.showOnMap', { name: a.name })}
        >
          {a.name}
        </Button>
      ),
    },
    { title: t('siting.col.unit'), dataIndex: 'unitName', key: 'unit', responsive: ['sm'] },
    {
      title: t('siting.col.population'),
      key: 'population',
      align: 'right',
      render: (_, a) => number.format(a.population),
    },
  ];

  return (
    <section aria-labelledby="coverage-heading" className="hm-coverage">
      <h2 id="coverage-heading" className="hm-card-title">
        {t('siting.coverage.heading')}
      </h2>
      <p className="hm-muted">{t('siting.coverage.intro')}</p>
      <form
        className="hm-toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (categoryId !== undefined) onRun(categoryId, r);
        }}
      >
        <div className="hm-field" style={{ minWidth: 180 }}>
          <label htmlFor="coverage-category">{t('siting.coverage.category')}</label>
          <Select<number>
            id="coverage-category"
            value={categoryId}
            onChange={(v) => {
              setCategoryId(v);
              onRun(v, r);
            }}
            placeholder={t('siting.coverage.pickCategory')}
            virtual={false}
            options={categories.enabled.map((c) => ({ value: c.id, label: c.name[locale] }))}
          />
        </div>
        <div className="hm-field">
          <label htmlFor="coverage-radius">{t('siting.coverage.radius')}</label>
          <InputNumber<number>
            id="coverage-radius"
            min={100}
            max={10_000}
            step={100}
            precision={0}
            value={r}
            onChange={setRadius}
            suffix={t('siting.metres')}
            style={{ width: 140 }}
          />
        </div>
        <Button type="primary" htmlType="submit" disabled={categoryId === undefined} loading={loading}>
          {t('siting.coverage.run')}
        </Button>
        {coverage && (
          <Button
            onClick={() => {
              setCategoryId(undefined);
              onClear();
            }}
          >
            {t('siting.coverage.clear')}
          </Button>
        )}
      </form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <div aria-live="polite" data-testid="coverage-result">
        {coverage && (
          <>
            <div className="hm-coverage-stats">
              <Statistic
                title={t('siting.coverage.covered')}
                value={number.format(coverage.coveredPopulation)}
                suffix={`/ ${number.format(coverage.totalPopulation)}`}
              />
              <Statistic title={t('siting.coverage.serving')} value={coverage.servingStudios} />
            </div>
            <Progress
              percent={Math.round(share * 1000) / 10}
              aria-label={t('siting.coverage.share')}
              strokeColor="#15803d"
              railColor="#fecaca"
            />
            <p>
              {t('siting.coverage.summary', {
                category: categories.nameOf(coverage.categoryId),
                radius: number.format(coverage.radius),
                areas: coverage.uncovered.length,
                people: number.format(uncoveredPopulation),
              })}
            </p>

            <h3 className="hm-coverage-subtitle">{t('siting.rec.heading')}</h3>
            {coverage.recommendations.length === 0 ? (
              <p className="hm-muted">{t('siting.rec.none')}</p>
            ) : (
              <ol className="hm-rec-list" data-testid="recommendations">
                {coverage.recommendations.map((rec: Recommendation, i) => (
                  <li key={rec.venue.id}>
                    <Space wrap size={4}>
                      <span className="hm-rec-rank" aria-hidden>
                        {i + 1}
                      </span>
                      <Button
                        type="link"
                        className="hm-link-button"
                        onClick={() => onFocus(rec.venue.lng, rec.venue.lat)}
                        aria-label={t('siting.showOnMap', { name: rec.venue.name })}
                      >
                        {rec.venue.name}
                      </Button>
                      <span className="hm-muted">
                        {t(`siting.venueType.${rec.venue.type}`)} · {rec.venue.unitName}
                      </span>
                      <strong className="hm-rec-gain">{t('siting.rec.gain', { n: number.format(rec.gain) })}</strong>
                    </Space>
                  </li>
                ))}
              </ol>
            )}

            <h3 className="hm-coverage-subtitle">
              {t('siting.uncovered.heading', { count: coverage.uncovered.length })}
            </h3>
            <div data-testid="uncovered-areas">
              <Table<Area>
                rowKey="id"
                size="small"
                columns={areaColumns}
                dataSource={uncovered}
                caption={<span className="hm-visually-hidden">{t('siting.uncovered.caption')}</span>}
                pagination={{
                  pageSize: 8,
                  showSizeChanger: false,
                  size: 'small',
                  showTotal: (total) => t('common.total', { total }),
                }}
              />
            </div>
          </>
        )}
      </div>
    </section>
  );
}
