import { Descriptions, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useParams } from 'react-router';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { MessageKey } from '../../lib/i18n/index.ts';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { evaluationApi, type ScoreDetail } from './api.ts';

type Item = ScoreDetail['breakdown']['items'][number];

/** Why a studio got its score: every item's figures, the calculation with the numbers, the points, the ids behind them. */
export default function ScoreDetailPage() {
  const { t, locale } = useI18n();
  const id = Number(useParams().id);
  const { data, error, reload } = useLoad((signal) => evaluationApi.score(id, signal), `score:${id}`);
  usePageTitle(
    data ? t('evaluation.detail.heading', { studio: data.studioName, quarter: data.quarter }) : t('evaluation.heading'),
  );
  if (error) return <LoadError message={error} onRetry={reload} />;
  if (!data) return <div aria-busy="true" />;

  const evidence = (e: Item['evidence']) =>
    Object.entries(e)
      .filter(([, ids]) => ids && ids.length > 0)
      .map(([kind, ids]) => (
        <div key={kind}>
          {t(`evaluation.evidence.${kind}` as MessageKey)}（{ids?.length}）：
          <span className="hm-muted">{ids?.map((i) => `#${i}`).join(' ')}</span>
        </div>
      ));

  const columns: TableColumnsType<Item> = [
    { title: t('evaluation.detail.item'), key: 'item', render: (_, i) => i.title[locale] },
    {
      title: t('evaluation.detail.raw'),
      key: 'raw',
      render: (_, i) =>
        Object.entries(i.raw)
          .map(([k, v]) => `${k} = ${v ?? '—'}`)
          .join('；'),
    },
    { title: t('evaluation.detail.formula'), dataIndex: 'formula', key: 'formula' },
    {
      title: t('evaluation.detail.points'),
      key: 'points',
      render: (_, i) => (
        <strong data-testid={`points-${i.code}`}>{i.direction === 'deduct' ? `−${i.points}` : `+${i.points}`}</strong>
      ),
    },
    { title: t('evaluation.detail.evidence'), key: 'evidence', render: (_, i) => evidence(i.evidence) },
  ];

  return (
    <>
      <p>
        <Link to="/evaluation">{t('evaluation.detail.back')}</Link>
      </p>
      <h1 className="hm-page-title">
        {t('evaluation.detail.heading', { studio: data.studioName, quarter: data.quarter })}
      </h1>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('evaluation.col.total')}>
          <strong data-testid="score-total">{data.total}</strong>
          {data.vetoed ? <Tag color="red">{t('evaluation.vetoed')}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluation.col.districtRank')}>{data.districtRank}</Descriptions.Item>
        <Descriptions.Item label={t('evaluation.col.streetRank')}>{data.streetRank}</Descriptions.Item>
        <Descriptions.Item label={t('evaluation.col.street')}>{data.streetName}</Descriptions.Item>
        <Descriptions.Item label={t('evaluation.detail.scheme', { version: data.schemeVersion })}>
          {data.breakdown.formula}
        </Descriptions.Item>
      </Descriptions>
      <Table<Item>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={data.breakdown.items}
        pagination={false}
        caption={
          <span className="hm-visually-hidden">
            {t('evaluation.detail.heading', { studio: data.studioName, quarter: data.quarter })}
          </span>
        }
        scroll={{ x: true }}
      />
      <h2>{t('evaluation.detail.vetoes')}</h2>
      <ul>
        {data.breakdown.vetoes.map((v) => (
          <li key={v.code}>
            {v.title[locale]}：
            {v.triggered ? (
              <Tag color="red">{t('evaluation.detail.triggered')}</Tag>
            ) : (
              <Tag>{t('evaluation.detail.notTriggered')}</Tag>
            )}
            {evidence(v.evidence)}
          </li>
        ))}
      </ul>
      <h2>{t('evaluation.detail.history')}</h2>
      <ul data-testid="score-history">
        {data.history.map((h) => (
          <li key={h.id}>
            {h.createdAt.slice(0, 16).replace('T', ' ')} · {h.total}
            {h.changes && h.changes.length > 0
              ? ` · ${h.changes.map((c) => `${c.code}: ${c.before ?? '—'} → ${c.after ?? '—'}`).join('；')}`
              : ''}
          </li>
        ))}
      </ul>
    </>
  );
}
