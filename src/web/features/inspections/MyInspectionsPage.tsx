import { useEffect, useState } from 'react';
import { Alert, Button, Card, Popconfirm, Spin, Tag } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useMe } from '../../app/session.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import type { InspectionSummary } from './api.ts';
import { loadChecklist, loadMyPlan, useFlushVisits, useOnline, useQueuedVisits } from './hooks.ts';
import { currentQuarter, formatTime, tone } from './labels.ts';
import { InspectionTag } from './Tags.tsx';
import { discardVisit, onVisitsChange, type QueuedVisit } from './visit-outbox.ts';
import './inspections.css';

// The form is in this chunk: once the plan has opened with a signal, the form opens without one.
export { InspectionFormPage } from './InspectionForm.tsx';

/** /my-inspections: the supervisor's visits this quarter, phone-first, with what waits on the phone. */
export default function MyInspectionsPage() {
  const { t } = useI18n();
  const me = useMe();
  const online = useOnline();
  const queued = useQueuedVisits();
  const flush = useFlushVisits();
  const quarter = currentQuarter();
  usePageTitle(t('inspections.mine.heading'));
  const [version, setVersion] = useState(0);
  const plan = useLoad((signal) => loadMyPlan(me.id, signal), `${me.id}|${online}|${version}`);
  // The form needs the checklist offline too: keep a fresh copy whenever the plan opens.
  useLoad((signal) => loadChecklist(signal), `checklist|${online}`);
  // A sent inspection changes the plan: read it again when the queue shrinks.
  useEffect(() => onVisitsChange(() => setVersion((v) => v + 1)), []);
  useEffect(() => {
    if (online) void flush();
  }, [online, flush]);

  const items = plan.data?.value ?? [];
  const byInspection = new Map(queued.map((q) => [q.inspectionId, q]));
  const waiting = queued.filter((q) => q.state !== 'draft');
  const todo = items.filter(
    (i) => i.status === 'planned' && (byInspection.get(i.id)?.state ?? 'draft') === 'draft',
  ).length;

  return (
    <div className="hm-insp-phone">
      <h1 className="hm-page-title">{t('inspections.mine.heading')}</h1>
      <p className="hm-muted">
        {t('inspections.mine.quarter', { quarter })} ·{' '}
        <span data-testid="todo-count">{t('inspections.mine.todo', { n: todo })}</span>
      </p>
      {!online && (
        <Alert
          type="warning"
          showIcon
          role="status"
          title={t('inspections.mine.offline')}
          style={{ marginBottom: 16 }}
          data-testid="offline-banner"
        />
      )}
      {plan.data?.stale && online === false && <p className="hm-muted">{t('inspections.mine.offlineCopy')}</p>}
      <QueuedVisits entries={waiting} online={online} onSend={flush} />
      {plan.error ? (
        <LoadError message={plan.error} onRetry={plan.reload} />
      ) : !plan.data ? (
        <Spin description={t('common.loading')} />
      ) : items.length === 0 ? (
        <Alert type="info" showIcon role="status" title={t('inspections.mine.empty')} />
      ) : (
        <ul className="hm-insp-cards" data-testid="my-inspections" aria-busy={plan.loading}>
          {items.map((i) => (
            <VisitCard key={i.id} inspection={i} queued={byInspection.get(i.id)} />
          ))}
        </ul>
      )}
    </div>
  );
}

const queueTone: Record<QueuedVisit['state'], string> = { draft: tone.blue, pending: tone.gold, failed: tone.red };

function VisitCard({ inspection: i, queued }: { inspection: InspectionSummary; queued: QueuedVisit | undefined }) {
  const { t, locale } = useI18n();
  const fillable = i.status === 'planned' && i.allowedActions.includes('submit');
  return (
    <li>
      <Card size="small" data-testid="my-inspection" data-id={i.id} data-studio={i.studioName}>
        <h2 className="hm-card-title">{i.studioName}</h2>
        <p className="hm-muted">
          {i.unitName} · {t('inspections.col.dueOn')} {i.dueOn}
        </p>
        <div className="hm-insp-actions">
          {queued ? (
            <Tag color={queueTone[queued.state]} data-testid="queued-tag" data-state={queued.state}>
              {t(`inspections.queue.${queued.state}`)}
            </Tag>
          ) : (
            <InspectionTag inspection={i} />
          )}
          {i.total !== null && <span>{`${i.total}%`}</span>}
          {i.visitedAt && <span className="hm-muted">{formatTime(i.visitedAt, locale)}</span>}
        </div>
        <div className="hm-insp-actions hm-insp-card-foot">
          {fillable && (
            <Link
              to={`/my-inspections/${i.id}`}
              className="hm-insp-start"
              aria-label={`${t(queued ? 'inspections.mine.continue' : 'inspections.mine.start')} ${i.studioName}`}
            >
              {t(queued ? 'inspections.mine.continue' : 'inspections.mine.start')}
            </Link>
          )}
          {!fillable && i.status !== 'planned' && (
            <Link to={`/inspections/${i.id}`} aria-label={`${t('inspections.open')} ${i.studioName}`}>
              {t('inspections.open')}
            </Link>
          )}
        </div>
      </Card>
    </li>
  );
}

/** What waits on this phone: how many, the refused ones with the server's reason, and "send now". */
function QueuedVisits({
  entries,
  online,
  onSend,
}: {
  entries: QueuedVisit[];
  online: boolean;
  onSend(): Promise<void>;
}) {
  const { t } = useI18n();
  const [sending, setSending] = useState(false);
  if (entries.length === 0) return null;
  const failed = entries.filter((e) => e.state === 'failed');
  return (
    <section aria-labelledby="visit-queue-title" className="hm-insp-queue" data-testid="visit-queue">
      <Alert
        type={failed.length > 0 ? 'error' : 'warning'}
        showIcon
        icon={<CloudUploadOutlined aria-hidden />}
        title={
          <h2
            id="visit-queue-title"
            className="hm-card-title"
            role="status"
            data-testid="visit-queue-count"
            data-count={entries.length}
          >
            {t('inspections.queue.count', { n: entries.length })}
          </h2>
        }
        description={
          <>
            <ul className="hm-insp-queue-list">
              {entries.map((e) => (
                <li key={e.key} data-testid="queued-visit" data-state={e.state}>
                  {e.studioName}
                  {e.state === 'failed' && (
                    <>
                      <p role="alert">{t('inspections.queue.failedMessage', { message: e.error ?? '' })}</p>
                      <Popconfirm
                        title={t('inspections.queue.confirmDiscard')}
                        okText={t('common.ok')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => discardVisit(e.key)}
                      >
                        <Button size="small" danger>
                          {t('inspections.queue.discard')}
                        </Button>
                      </Popconfirm>
                    </>
                  )}
                </li>
              ))}
            </ul>
            {entries.length > failed.length && (
              <Button
                icon={<CloudUploadOutlined aria-hidden />}
                disabled={!online}
                loading={sending}
                onClick={() => {
                  setSending(true);
                  void onSend().finally(() => setSending(false));
                }}
              >
                {t('inspections.queue.sendNow')}
              </Button>
            )}
          </>
        }
      />
    </section>
  );
}
