import { Alert, Spin } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../app/session.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { inspectionsApi, type Checklist, type InspectionSummary } from './api.ts';
import { loadChecklist, loadMyPlan, useOnline } from './hooks.ts';
import { newVisitKey, visitFor, type QueuedVisit } from './visit-outbox.ts';
import { VisitForm } from './VisitForm.tsx';

interface Start {
  inspection: InspectionSummary | null;
  checklist: Checklist;
  queued: QueuedVisit | null;
  key: string;
}

async function loadStart(accountId: number, id: number, signal: AbortSignal): Promise<Start> {
  const [plan, checklist, queued] = await Promise.all([
    loadMyPlan(accountId, signal),
    loadChecklist(signal),
    visitFor(accountId, id).catch(() => undefined),
  ]);
  return {
    inspection: plan.value.find((i) => i.id === id) ?? null,
    checklist: checklist.value,
    queued: queued ?? null,
    // The key is made once per form and kept with it: every later try (and an edit) reuses it.
    key: queued?.key ?? newVisitKey(),
  };
}

/** /my-inspections/:id: the inspection form on the supervisor's phone, which works without a network. */
export function InspectionFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  return params.has('correct') ? <CorrectVisit id={Number(id)} /> : <NewVisit id={Number(id)} />;
}

/** Correcting a submitted inspection within 48 hours: online, against the checklist version it used. */
function CorrectVisit({ id }: { id: number }) {
  const { t } = useI18n();
  const detail = useLoad((signal) => inspectionsApi.get(id, signal), String(id));
  const d = detail.data;
  const title = d ? t('inspections.form.correctTitle', { studio: d.studioName }) : t('inspections.correct');
  usePageTitle(title);
  const body = () => {
    if (detail.error) return <LoadError message={detail.error} onRetry={detail.reload} />;
    if (!d || detail.loading) return <Spin description={t('common.loading')} />;
    if (!d.allowedActions.includes('correct'))
      return <Alert type="info" showIcon role="status" title={t('inspections.form.notCorrectable')} />;
    return (
      <VisitForm
        inspection={d}
        checklist={d.checklist}
        from={{
          ratings: d.ratings ?? [],
          visitedAt: d.visitedAt,
          photos: [],
          position: null,
          confirmed: false,
          error: null,
        }}
        mode={{ kind: 'correct' }}
      />
    );
  };
  return (
    <div className="hm-insp-phone">
      <p>
        <Link to={`/inspections/${id}`}>← {t('inspections.detail.back')}</Link>
      </p>
      <h1 className="hm-page-title">{title}</h1>
      {body()}
    </div>
  );
}

function NewVisit({ id }: { id: number }) {
  const me = useMe();
  const { t } = useI18n();
  const online = useOnline();
  const start = useLoad((signal) => loadStart(me.id, id, signal), String(id));
  const s = start.data;
  const title = s?.inspection
    ? t('inspections.form.title', { studio: s.inspection.studioName })
    : t('inspections.nav.mine');
  usePageTitle(title);

  const body = () => {
    if (start.error) return <LoadError message={start.error} onRetry={start.reload} />;
    if (!s || start.loading) return <Spin description={t('common.loading')} />;
    if (!s.inspection) return <Alert type="warning" showIcon role="alert" title={t('inspections.form.notFound')} />;
    if (s.inspection.status !== 'planned' || !s.inspection.allowedActions.includes('submit'))
      return <Alert type="info" showIcon role="status" title={t('inspections.form.notPlanned')} />;
    const q = s.queued;
    return (
      <VisitForm
        key={s.key}
        inspection={s.inspection}
        checklist={s.checklist}
        from={{
          ratings: q?.body.ratings ?? [],
          visitedAt: q?.body.visitedAt ?? null,
          photos: q?.body.photos ?? [],
          position: q?.body.position ?? null,
          confirmed: q !== null && q.state !== 'draft',
          error: q?.error ?? null,
        }}
        mode={{ kind: 'visit', key: s.key }}
      />
    );
  };

  return (
    <div className="hm-insp-phone">
      <p>
        <Link to="/my-inspections">← {t('inspections.detail.back')}</Link>
      </p>
      <h1 className="hm-page-title">{title}</h1>
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
      {body()}
    </div>
  );
}
