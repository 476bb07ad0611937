import { App, Card, Descriptions, Image, Spin, Table, Timeline } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useParams } from 'react-router';
import type { Rating } from '../../../domain/inspections/checklist.ts';
import { useAbilities } from '../../app/abilities.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { inspectionsApi, photoUrl, type InspectionDetail } from './api.ts';
import { formatTime } from './labels.ts';
import { ProposalActions } from './ProposalActions.tsx';
import { InspectionTag, ProposalTag, RatingTag } from './Tags.tsx';
import './inspections.css';

interface Row {
  code: string;
  title: string;
  weight: number;
  rating: Rating | null;
  note: string;
}

const HISTORY_ACTIONS = ['plan', 'submit', 'correct', 'reassign', 'cancel'] as const;
type HistoryAction = (typeof HISTORY_ACTIONS)[number];
const isHistoryAction = (a: string): a is HistoryAction => (HISTORY_ACTIONS as readonly string[]).includes(a);

/** One inspection: the checklist version it used, each item's rating and note, photos, history, proposal. */
export default function InspectionDetailPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const abilities = useAbilities();
  usePageTitle(t('inspections.detail.title'));
  const { data, error, loading, reload } = useLoad((signal) => inspectionsApi.get(Number(id), signal), String(id));
  const back = abilities.mayOpen('/inspections') ? '/inspections' : '/my-inspections';

  const body = (d: InspectionDetail) => {
    const rows: Row[] = d.checklist.items.map((item) => {
      const given = d.ratings?.find((r) => r.code === item.code);
      return {
        code: item.code,
        title: item.title[locale],
        weight: item.weight,
        rating: given?.rating ?? null,
        note: given?.note ?? '',
      };
    });
    const columns: TableColumnsType<Row> = [
      { title: t('inspections.detail.item'), dataIndex: 'title', key: 'title' },
      { title: t('inspections.detail.weight'), dataIndex: 'weight', key: 'weight', responsive: ['sm'] },
      {
        title: t('inspections.detail.rating'),
        key: 'rating',
        render: (_, r) => (r.rating ? <RatingTag rating={r.rating} /> : t('inspections.detail.notRated')),
      },
      { title: t('inspections.detail.note'), dataIndex: 'note', key: 'note' },
    ];
    return (
      <>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'studio', label: t('inspections.col.studio'), children: d.studioName },
            { key: 'unit', label: t('inspections.col.unit'), children: d.unitName },
            { key: 'quarter', label: t('inspections.quarter'), children: d.quarter },
            { key: 'supervisor', label: t('inspections.col.supervisor'), children: d.supervisorName },
            { key: 'status', label: t('inspections.col.status'), children: <InspectionTag inspection={d} /> },
            {
              key: 'total',
              label: t('inspections.detail.total'),
              children: <span data-testid="inspection-total">{d.total === null ? '—' : `${d.total}%`}</span>,
            },
            { key: 'visited', label: t('inspections.col.visitedAt'), children: formatTime(d.visitedAt, locale) },
            { key: 'due', label: t('inspections.col.dueOn'), children: d.dueOn },
            ...(d.position
              ? [
                  {
                    key: 'position',
                    label: t('inspections.detail.position'),
                    children: `${d.position.lat.toFixed(5)}, ${d.position.lng.toFixed(5)}`,
                  },
                ]
              : []),
          ]}
        />
        {d.correctableUntil && d.allowedActions.includes('correct') && (
          <p className="hm-insp-actions hm-insp-section">
            <Link to={`/my-inspections/${d.id}?correct=1`} className="hm-insp-start">
              {t('inspections.correct')}
            </Link>
            <span className="hm-muted">
              {t('inspections.detail.correctableUntil', { time: formatTime(d.correctableUntil, locale) })}
            </span>
          </p>
        )}
        {d.cancelReason && (
          <p className="hm-muted">{t('inspections.detail.cancelReason', { reason: d.cancelReason })}</p>
        )}
        <h2 className="hm-card-title hm-insp-section">{t('inspections.detail.item')}</h2>
        <p className="hm-muted">
          {t('inspections.detail.checklistVersion', { version: d.checklist.version, threshold: d.checklist.threshold })}
        </p>
        <div data-testid="inspection-ratings">
          <Table<Row> rowKey="code" size="small" columns={columns} dataSource={rows} pagination={false} />
        </div>
        <h2 className="hm-card-title hm-insp-section">{t('inspections.detail.photos')}</h2>
        {d.photos.length === 0 ? (
          <p className="hm-muted">{t('inspections.detail.noPhotos')}</p>
        ) : (
          <div className="hm-insp-photos" data-testid="inspection-photos">
            <Image.PreviewGroup>
              {d.photos.map((p) => (
                <Image
                  key={p.position}
                  width={120}
                  src={photoUrl(d.id, p.position)}
                  alt={t('inspections.detail.photoAlt', { studio: d.studioName, n: p.position })}
                />
              ))}
            </Image.PreviewGroup>
          </div>
        )}
        {d.proposal && (
          <Card
            size="small"
            className="hm-insp-section"
            data-testid="inspection-proposal"
            title={<h2 className="hm-card-title">{t('inspections.proposals.heading')}</h2>}
          >
            <p>
              <ProposalTag status={d.proposal.status} />{' '}
              {t('inspections.proposals.total', { total: d.proposal.total, threshold: d.proposal.threshold })}
            </p>
            {d.proposal.deadline && <p>{t('inspections.proposals.deadline', { date: d.proposal.deadline })}</p>}
            {d.proposal.reason && <p>{t('inspections.proposals.reason', { reason: d.proposal.reason })}</p>}
            <ProposalActions
              proposal={d.proposal}
              onDone={(_, text) => {
                void message.success(text);
                reload();
              }}
            />
          </Card>
        )}
        <h2 className="hm-card-title hm-insp-section">{t('inspections.detail.history')}</h2>
        <Timeline
          items={d.history.map((h, i) => ({
            key: i,
            content: (
              <>
                {isHistoryAction(h.action) ? t(`inspections.history.${h.action}`) : h.action} ·{' '}
                {h.actorName === 'system' || h.actorName === null ? t('inspections.history.system') : h.actorName} ·{' '}
                {formatTime(h.at, locale)}
                {h.note ? ` · ${h.note}` : ''}
              </>
            ),
          }))}
        />
      </>
    );
  };

  return (
    <>
      <p>
        <Link to={back}>← {t('inspections.detail.back')}</Link>
      </p>
      <h1 className="hm-page-title">
        {data ? `${t('inspections.detail.title')}：${data.studioName}` : t('inspections.detail.title')}
      </h1>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : !data || loading ? (
        <Spin description={t('common.loading')} />
      ) : (
        <div data-testid="inspection-detail">{body(data)}</div>
      )}
    </>
  );
}
