import { Button, Card, Tag } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { Category, ServiceRecord } from './api.ts';
import { categoryName, formatTime, groupLabel, modeLabel } from './labels.ts';

interface Props {
  record: ServiceRecord;
  categories: Category[] | undefined;
  onFeedback(record: ServiceRecord): void;
  onHistory(record: ServiceRecord): void;
  onReceipt(record: ServiceRecord): void;
}

/** One record in a member's book: what was done, for whom, and its follow-ups. */
export function RecordCard({ record: r, categories, onFeedback, onHistory, onReceipt }: Props) {
  const { t, locale } = useI18n();
  const titleId = `record-${r.id}-title`;
  return (
    <li>
      <Card
        size="small"
        className="hm-dlv-card"
        aria-labelledby={titleId}
        data-testid="record-card"
        data-id={r.id}
        title={
          <h2 id={titleId} className="hm-dlv-card-title">
            <span>{categoryName(categories, r.categoryId, locale)}</span>
            <span className="hm-muted">{formatTime(r.servedAt, locale)}</span>
          </h2>
        }
      >
        <p className="hm-dlv-text">{r.content}</p>
        <p className="hm-dlv-meta">
          {modeLabel(t, r.mode)} · {t('delivery.records.personTimes', { n: r.personTimes })} ·{' '}
          {t('delivery.records.duration', { n: r.durationMinutes })}
        </p>
        <div>
          {r.imported && (
            <Tag color="purple" title={t('delivery.records.importedHint')}>
              {t('delivery.records.imported')}
            </Tag>
          )}
          {r.groups.map((g) => (
            <Tag key={g}>{groupLabel(t, g)}</Tag>
          ))}
        </div>
        {r.recipientName && <p className="hm-dlv-meta">{t('delivery.records.recipient', { name: r.recipientName })}</p>}
        <p className="hm-dlv-meta">
          {r.studioName}
          {r.requestId !== null && ` · ${t('delivery.records.fromRequest')}`}
          {r.revisions > 0 && ` · ${t('delivery.records.revised', { n: r.revisions })}`}
        </p>
        {r.feedback.length > 0 && (
          <>
            <h3 className="hm-detail-title">{t('delivery.records.feedback')}</h3>
            <ul className="hm-dlv-feedback" data-testid="record-feedback">
              {r.feedback.map((f, i) => (
                <li key={i}>{t('delivery.records.feedbackLine', { date: f.onDate, result: f.result })}</li>
              ))}
            </ul>
          </>
        )}
        <div className="hm-dlv-actions">
          <Button onClick={() => onFeedback(r)}>{t('delivery.records.addFeedback')}</Button>
          {r.correctable && (
            <Link to={`/records/${r.id}/edit`} className="hm-dlv-link-button">
              {t('delivery.records.correct')}
            </Link>
          )}
          {r.revisions > 0 && <Button onClick={() => onHistory(r)}>{t('delivery.records.history')}</Button>}
          {r.allowedActions.includes('showReceipt') && (
            <Button onClick={() => onReceipt(r)}>{t('delivery.receipt.button')}</Button>
          )}
        </div>
      </Card>
    </li>
  );
}
