import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Breadcrumb, Card, Col, Descriptions, Row, Skeleton } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { kindLabel } from '../registry/labels.ts';
import { statusLabel } from '../studios/labels.ts';
import { orgApi, type OrgUnitSummary } from './api.ts';
import { levelLabel, postKindLabel } from './labels.ts';

/** A unit's page: where it sits, and its subtree's studios, people, needs and venues with links to the full lists. */
export default function UnitDetailPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const { data, error, reload } = useLoad((signal) => orgApi.summary(id, signal), `unit|${id}`);
  const unit = data?.unit.id === id ? data.unit : undefined;
  usePageTitle(unit?.name ?? t('org.heading'));

  if (error) return <LoadError message={error} onRetry={reload} />;
  if (!data || !unit) return <Skeleton active />;
  const trail = [
    { key: 'org', title: <Link to="/org">{t('org.heading')}</Link> },
    ...unit.ancestors.map((a) => ({ key: a.id, title: <Link to={`/org/units/${a.id}`}>{a.shortName}</Link> })),
    { key: unit.id, title: <span aria-current="page">{unit.shortName}</span> },
  ];
  return (
    <>
      <Breadcrumb aria-label={t('org.unit.trail')} className="hm-breadcrumb" items={trail} />
      <h1 className="hm-page-title">{unit.name}</h1>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('org.col.level')}>{levelLabel(t, unit.level)}</Descriptions.Item>
        <Descriptions.Item label={t('org.col.postKind')}>{postKindLabel(t, unit.postKind)}</Descriptions.Item>
        <Descriptions.Item label={t('org.col.code')}>{unit.code}</Descriptions.Item>
        <Descriptions.Item label={t('org.unit.address')}>{unit.address ?? t('common.none')}</Descriptions.Item>
      </Descriptions>
      <SummaryCards summary={data} />
    </>
  );
}

/** One card per kind the reader may read: its count, its first few, and a link to the list filtered to the unit. */
function SummaryCards({ summary }: { summary: OrgUnitSummary }) {
  const { t } = useI18n();
  const under = summary.unit.id;
  const cards: Array<{
    key: 'studios' | 'people' | 'needs' | 'venues';
    part: { total: number } | null;
    to: string;
    items: ReactNode[];
  }> = [
    {
      key: 'studios',
      part: summary.studios,
      to: `/studios?under=${under}`,
      items: (summary.studios?.items ?? []).map((s) => (
        <li key={s.id}>
          {/* Underlined: the link sits in a line of text, which colour alone would not set it apart from. */}
          <Link to={`/studios/${s.id}`} style={{ textDecoration: 'underline' }}>
            {s.name}
          </Link>
          <span className="hm-muted">
            {' '}
            · {statusLabel(t, s.status)} · {s.unitName}
          </span>
        </li>
      )),
    },
    {
      key: 'people',
      part: summary.people,
      to: `/registry?under=${under}`,
      items: (summary.people?.items ?? []).map((p) => (
        <li key={p.id}>
          {p.name}
          <span className="hm-muted">
            {' '}
            · {kindLabel(t, p.kind)} · {p.unitName}
          </span>
        </li>
      )),
    },
    {
      key: 'needs',
      part: summary.needs,
      to: `/needs?under=${under}`,
      items: (summary.needs?.items ?? []).map((n) => (
        <li key={n.id}>
          <time dateTime={n.recordedOn}>{n.recordedOn}</time> {n.text}
          <span className="hm-muted"> · {n.unitName}</span>
        </li>
      )),
    },
    {
      key: 'venues',
      part: summary.venues,
      to: '/map',
      items: (summary.venues?.items ?? []).map((v) => (
        <li key={v.id}>
          {v.name}
          <span className="hm-muted">
            {' '}
            · {t(`siting.venueType.${v.type}`)} · {v.unitName}
          </span>
        </li>
      )),
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards
        .filter((c) => c.part !== null)
        .map((c) => (
          <Col key={c.key} xs={24} lg={12}>
            <Card
              size="small"
              title={<h2 className="hm-card-title">{t(`org.unit.${c.key}`, { n: c.part?.total ?? 0 })}</h2>}
            >
              {c.items.length === 0 ? (
                <p className="hm-muted">{t('org.unit.none')}</p>
              ) : (
                <ul className="hm-unit-list">{c.items}</ul>
              )}
              <Link to={c.to}>{t(`org.unit.all.${c.key}`, { n: c.part?.total ?? 0 })}</Link>
            </Card>
          </Col>
        ))}
    </Row>
  );
}
