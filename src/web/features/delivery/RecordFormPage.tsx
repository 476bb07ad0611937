import { useState } from 'react';
import { Alert, App, Button, Form, Spin } from 'antd';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAbilities } from '../../app/abilities.ts';
import { useMe } from '../../app/session.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { markFieldErrors, markIssues } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { recordsApi, requestsApi, type ServiceRecord, type ServiceRequest, type StudioSummary } from './api.ts';
import { loadMyStudios, useCategories, useOnline, useSendAuth } from './hooks.ts';
import { getQueued, newRecordKey, saveRecord, type QueuedRecord } from './outbox.ts';
import {
  blankRecord,
  RecordForm,
  toLocalInput,
  toRecordFields,
  type RecordFormValues,
  type StudioChoice,
} from './RecordForm.tsx';
import { ReceiptPanel } from './ReceiptPanel.tsx';
import './delivery.css';

/** /records/new (a walk-in, from a request, or editing an unsent record) and /records/:id/edit (a correction). */
export default function RecordFormPage() {
  const { id } = useParams();
  return id ? <CorrectRecord id={Number(id)} /> : <NewRecord />;
}

function BackLink() {
  const { t } = useI18n();
  return (
    <p>
      <Link to="/records">← {t('delivery.form.back')}</Link>
    </p>
  );
}

/** What the new-record form starts from: an unsent record, a completed request, or nothing. */
interface Start {
  key: string;
  queued: QueuedRecord | null;
  request: ServiceRequest | null;
  studios: StudioSummary[] | null;
}

async function loadStart(
  accountId: number,
  staff: boolean,
  queuedKey: string | null,
  requestId: number | null,
  given: ServiceRequest | null,
  signal: AbortSignal,
): Promise<Start> {
  const studios = staff ? null : await loadMyStudios(accountId, signal);
  if (queuedKey) {
    const queued = (await getQueued(queuedKey)) ?? null;
    return { key: queuedKey, queued: queued?.accountId === accountId ? queued : null, request: null, studios };
  }
  let request = given;
  if (!request && requestId) {
    // Opened from a bookmark or a reload: find the request among the completed ones.
    const page = await requestsApi.list({ status: 'completed', limit: 200 }, signal);
    request = page.items.find((r) => r.id === requestId) ?? null;
  }
  return { key: newRecordKey(), queued: null, request, studios };
}

function NewRecord() {
  const { t } = useI18n();
  const me = useMe();
  const staff = useAbilities().scope('create', 'serviceRecord') !== 'own';
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const online = useOnline();
  const auth = useSendAuth();
  const categories = useCategories();
  const queuedKey = params.get('queued');
  const requestId = Number(params.get('request')) || null;
  const given = (location.state as { request?: ServiceRequest } | null)?.request ?? null;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A walk-in just saved: its receipt is shown here, so the resident can scan it at once.
  const [saved, setSaved] = useState<ServiceRecord | null>(null);
  const [form] = Form.useForm<RecordFormValues>();
  const title = t(queuedKey ? 'delivery.form.editQueuedTitle' : 'delivery.form.newTitle');
  usePageTitle(title);
  // The key is made once, with the start: every later try of this record reuses it.
  const start = useLoad(
    (signal) => loadStart(me.id, staff, queuedKey, requestId, given, signal),
    `${queuedKey ?? ''}|${requestId ?? ''}`,
  );

  const submit = async (start: Start, values: RecordFormValues) => {
    setBusy(true);
    setError(null);
    const requestOf = start.queued?.body.requestId ?? start.request?.id ?? null;
    const body = { ...toRecordFields(values), studioId: values.studioId ?? 0, requestId: requestOf };
    try {
      const outcome = await saveRecord(start.key, body, auth);
      if (outcome.kind === 'sent') {
        void message.success(t('delivery.form.sent'));
        if (outcome.value.allowedActions.includes('showReceipt')) setSaved(outcome.value);
        else void navigate('/records');
      } else if (outcome.kind === 'offline') {
        void message.info(t('delivery.form.queued'));
        void navigate('/records');
      } else if (outcome.kind === 'refused') {
        markIssues(form, outcome.issues);
        setError(t('delivery.form.refused', { message: outcome.message }));
      } else {
        setError(t('delivery.queue.signedOut'));
      }
    } catch (err) {
      // IndexedDB itself failed (private mode, full disk): nothing was saved, say so.
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const initialOf = (s: Start): RecordFormValues => {
    if (s.queued) {
      const b = s.queued.body;
      return {
        studioId: b.studioId,
        servedAt: toLocalInput(b.servedAt),
        durationMinutes: b.durationMinutes,
        recipientName: b.recipientName ?? '',
        groups: [...b.groups],
        categoryId: b.categoryId,
        mode: b.mode,
        content: b.content,
        personTimes: b.personTimes,
      };
    }
    if (s.request)
      return {
        ...blankRecord(),
        studioId: s.request.studioId ?? undefined,
        categoryId: s.request.categoryId,
        content: s.request.text,
      };
    return blankRecord();
  };

  const body = () => {
    if (start.error) return <LoadError message={start.error} onRetry={start.reload} />;
    const s = start.data;
    if (!s || start.loading) return <Spin description={t('common.loading')} />;
    if (queuedKey && !s.queued)
      return <Alert type="warning" showIcon role="alert" title={t('delivery.form.missingQueued')} />;
    if (s.studios && s.studios.length === 0)
      return <Alert type="info" showIcon role="status" title={t('delivery.form.noStudio')} />;
    const choice: StudioChoice = s.studios ? { kind: 'mine', studios: s.studios } : { kind: 'search' };
    return (
      <>
        {s.request && <p className="hm-dlv-meta">{t('delivery.form.fromRequest', { code: s.request.trackingCode })}</p>}
        {s.queued?.error && !error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('delivery.queue.failedMessage', { message: s.queued.error })}
            style={{ marginBottom: 16 }}
          />
        )}
        <RecordForm
          key={s.key}
          initial={initialOf(s)}
          studios={choice}
          categories={categories}
          submitLabel={t('delivery.form.submit')}
          busy={busy}
          onSubmit={(v) => void submit(s, v)}
          form={form}
        />
      </>
    );
  };

  if (saved)
    return (
      <>
        <BackLink />
        <h1 className="hm-page-title">{t('delivery.receipt.savedTitle')}</h1>
        <ReceiptPanel recordId={saved.id} />
        <div className="hm-dlv-actions" style={{ marginTop: 16 }}>
          <Button
            onClick={() => {
              setSaved(null);
              start.reload();
              void navigate('/records/new');
            }}
          >
            {t('delivery.receipt.another')}
          </Button>
        </div>
      </>
    );

  return (
    <>
      <BackLink />
      <h1 className="hm-page-title">{title}</h1>
      {!online && (
        <Alert
          type="warning"
          showIcon
          role="status"
          title={t('delivery.form.offlineBanner')}
          style={{ marginBottom: 16 }}
          data-testid="offline-banner"
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="record-error"
        />
      )}
      {body()}
    </>
  );
}

function CorrectRecord({ id }: { id: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const categories = useCategories();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<RecordFormValues>();
  usePageTitle(t('delivery.form.editTitle'));
  const {
    data: record,
    error: loadError,
    loading,
    reload,
  } = useLoad((signal) => recordsApi.get(id, signal), String(id));

  const submit = async (values: RecordFormValues) => {
    setBusy(true);
    setError(null);
    try {
      await recordsApi.correct(id, toRecordFields(values));
      void message.success(t('delivery.form.corrected'));
      void navigate('/records');
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  const initialOf = (r: ServiceRecord): RecordFormValues => ({
    servedAt: toLocalInput(r.servedAt),
    durationMinutes: r.durationMinutes,
    // The server shows the name masked; sending the mask back would store it. Typed again or left out.
    recipientName: '',
    groups: [...r.groups],
    categoryId: r.categoryId,
    mode: r.mode,
    content: r.content,
    personTimes: r.personTimes,
  });

  return (
    <>
      <BackLink />
      <h1 className="hm-page-title">{t('delivery.form.editTitle')}</h1>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="record-error"
        />
      )}
      {loadError ? (
        <LoadError message={loadError} onRetry={reload} />
      ) : !record || loading ? (
        <Spin description={t('common.loading')} />
      ) : !record.correctable ? (
        <Alert type="warning" showIcon role="alert" title={t('delivery.form.notCorrectable')} />
      ) : (
        <>
          <p className="hm-muted">{t('delivery.form.correctionNote')}</p>
          <RecordForm
            initial={initialOf(record)}
            studios={{ kind: 'fixed', name: record.studioName }}
            categories={categories}
            submitLabel={t('delivery.form.saveCorrection')}
            busy={busy}
            maskedRecipient={record.recipientName}
            onSubmit={(v) => void submit(v)}
            form={form}
          />
        </>
      )}
    </>
  );
}
