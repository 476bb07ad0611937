import { Card, Descriptions, Tag } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { StudioDetail } from './api.ts';
import { rectificationKindLabel } from './labels.ts';
import { formatDay, formatDateTime } from '../../lib/dates.ts';

type Review = StudioDetail['reviews'][number];
const CHECKS = ['politicalQuality', 'professionalSpecialty', 'serviceItems'] as const;

function Verdict({ pass }: { pass: boolean }) {
  const { t } = useI18n();
  return <Tag color={pass ? 'green' : 'red'}>{t(pass ? 'studios.review.pass' : 'studios.review.fail')}</Tag>;
}

function ReviewCard({ review }: { review: Review }) {
  const { t, locale } = useI18n();
  return (
    <section className="hm-record" data-testid={`review-${review.stage}`}>
      <h3 className="hm-record-title">
        {t(`studios.review.stage.${review.stage}`)}{' '}
        <Tag color={review.decision === 'pass' ? 'green' : 'red'}>
          {t(review.decision === 'pass' ? 'studios.review.decisionPass' : 'studios.review.decisionFail')}
        </Tag>
      </h3>
      <Descriptions size="small" column={1} bordered>
        {CHECKS.map((c) => (
          <Descriptions.Item key={c} label={t(`studios.review.${c}`)}>
            <Verdict pass={review[c].pass} /> {review[c].comment}
          </Descriptions.Item>
        ))}
        {review.reason && <Descriptions.Item label={t('studios.review.reason')}>{review.reason}</Descriptions.Item>}
        <Descriptions.Item label={t('studios.detail.reviewer')}>
          {review.reviewerName} · {formatDateTime(review.at, locale)}
        </Descriptions.Item>
      </Descriptions>
    </section>
  );
}

/** Reviews (资质把关), agreements, plaques and rectifications, each only when there is one. */
export function StudioRecords({ studio }: { studio: StudioDetail }) {
  const { t, locale } = useI18n();
  const day = (iso: string) => formatDay(iso, locale);
  return (
    <>
      {studio.reviews.length > 0 && (
        <Card
          size="small"
          title={<h2 className="hm-card-title">{t('studios.detail.reviews')}</h2>}
          className="hm-studio-card"
        >
          {studio.reviews.map((r, i) => (
            <ReviewCard key={i} review={r} />
          ))}
        </Card>
      )}
      {studio.contracts.length > 0 && (
        <Card
          size="small"
          title={<h2 className="hm-card-title">{t('studios.detail.contracts')}</h2>}
          className="hm-studio-card"
        >
          {studio.contracts.map((c) => (
            <section key={c.number} className="hm-record" data-testid="contract-record">
              <h3 className="hm-record-title">
                {c.number} {c.renewal && <Tag>{t('studios.detail.renewal')}</Tag>}
              </h3>
              <p>{t('studios.detail.termLine', { start: c.termStart, end: c.termEnd })}</p>
              {c.signatories.length > 0 && <p>{c.signatories.map((s) => `${s.party} ${s.name}`).join(' / ')}</p>}
              <p className="hm-muted">{t('studios.detail.signedAt', { date: day(c.signedAt) })}</p>
            </section>
          ))}
        </Card>
      )}
      {studio.plaques.length > 0 && (
        <Card
          size="small"
          title={<h2 className="hm-card-title">{t('studios.detail.plaques')}</h2>}
          className="hm-studio-card"
        >
          {studio.plaques.map((p) => (
            <section key={p.number} className="hm-record" data-testid="plaque-record">
              <h3 className="hm-record-title">
                {p.number}{' '}
                {p.retiredOn ? (
                  <Tag color="red">{t('studios.detail.retired')}</Tag>
                ) : (
                  <Tag color="green">{t('studios.detail.current')}</Tag>
                )}
              </h3>
              <p>{t('studios.detail.awardedOn', { date: p.awardedOn })}</p>
              {p.retiredOn && (
                <p>{t('studios.detail.retiredOn', { date: p.retiredOn, reason: p.retiredReason ?? '' })}</p>
              )}
            </section>
          ))}
        </Card>
      )}
      {studio.rectifications.length > 0 && (
        <Card
          size="small"
          title={<h2 className="hm-card-title">{t('studios.detail.rectifications')}</h2>}
          className="hm-studio-card"
        >
          {studio.rectifications.map((r, i) => (
            <section key={i} className="hm-record" data-testid="rectification-record">
              <h3 className="hm-record-title">
                {rectificationKindLabel(t, r.kind)}{' '}
                {r.closedAt ? (
                  <Tag>{t('studios.detail.closed')}</Tag>
                ) : (
                  <Tag color="orange">{t('studios.detail.open')}</Tag>
                )}
              </h3>
              <p>{r.findings}</p>
              <p className="hm-muted">{t('studios.detail.deadline', { date: r.deadline, opened: day(r.openedAt) })}</p>
              {r.outcome && <p>{t('studios.detail.outcome', { outcome: r.outcome })}</p>}
            </section>
          ))}
        </Card>
      )}
    </>
  );
}
