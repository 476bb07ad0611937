import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Radio, Spin } from 'antd';
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ratings, totalScore, type Rating } from '../../../domain/inspections/checklist.ts';
import { MAX_PHOTOS } from '../../../contract/inspections.ts';
import { useMe } from '../../app/session.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { inspectionsApi, type Checklist, type InspectionReport, type InspectionSummary } from './api.ts';
import { loadChecklist, loadMyPlan, useOnline, useSendAuth } from './hooks.ts';
import { ratingLabel } from './labels.ts';
import { shrinkPhoto } from './photo-resize.ts';
import { newVisitKey, saveDraft, saveVisit } from './visit-sender.ts';
import { visitFor, type QueuedVisit } from './visit-outbox.ts';

const LOCAL_MINUTE = 'YYYY-MM-DDTHH:mm';

interface Values {
  visitedAt: string;
  items: Record<string, { rating?: Rating; note?: string }>;
  confirmed: boolean;
}

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

/** What the form starts from: a form kept on the phone, or the inspection as submitted (a correction). */
interface From {
  ratings: readonly { code: string; rating: Rating; note: string }[];
  visitedAt: string | null;
  photos: string[];
  position: InspectionReport['position'];
  confirmed: boolean;
  error: string | null;
}

/** A visit is kept on the phone and sent through the outbox; a correction is sent at once. */
type Mode = { kind: 'visit'; key: string } | { kind: 'correct' };

interface FormProps {
  inspection: Pick<InspectionSummary, 'id' | 'studioName' | 'unitName' | 'dueOn'>;
  checklist: Checklist;
  from: From;
  mode: Mode;
}

function VisitForm({ inspection, checklist, from, mode }: FormProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const auth = useSendAuth();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<string[]>(from.photos);
  const [position, setPosition] = useState<InspectionReport['position']>(from.position);
  const [positionState, setPositionState] = useState<'off' | 'asking' | 'ok' | 'failed'>(from.position ? 'ok' : 'off');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(from.error);
  const fileInput = useRef<HTMLInputElement>(null);
  const watched = Form.useWatch('items', form);

  const initial = useMemo<Values>(() => {
    const items: Values['items'] = {};
    for (const item of checklist.items) {
      const given = from.ratings.find((r) => r.code === item.code);
      items[item.code] = { rating: given?.rating, note: given?.note ?? '' };
    }
    return {
      visitedAt: dayjs(from.visitedAt ?? undefined).format(LOCAL_MINUTE),
      items,
      confirmed: from.confirmed,
    };
  }, [checklist, from]);

  const preview = useMemo(() => {
    const given = checklist.items.map((i) => ({ code: i.code, rating: watched?.[i.code]?.rating, note: '' }));
    if (given.some((g) => !g.rating)) return null;
    return totalScore(
      checklist.items,
      given.map((g) => ({ ...g, rating: g.rating as Rating })),
    );
  }, [watched, checklist]);

  const addPhotos = async (files: FileList | null) => {
    if (!files) return;
    const room = MAX_PHOTOS - photos.length;
    const added: string[] = [];
    for (const file of [...files].slice(0, room)) {
      try {
        added.push(await shrinkPhoto(file));
      } catch {
        void message.error(t('inspections.form.photoFailed'));
      }
    }
    setPhotos((p) => [...p, ...added].slice(0, MAX_PHOTOS));
    if (fileInput.current) fileInput.current.value = '';
  };

  const askPosition = (wanted: boolean) => {
    if (!wanted) {
      setPosition(null);
      setPositionState('off');
      return;
    }
    if (!('geolocation' in navigator)) {
      setPositionState('failed');
      return;
    }
    setPositionState('asking');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setPosition({ lng: p.coords.longitude, lat: p.coords.latitude, datum: 'wgs84' });
        setPositionState('ok');
      },
      () => setPositionState('failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  /** The form as the API takes it; a draft keeps only the items rated so far. */
  const bodyOf = (v: Values): InspectionReport => {
    const visited = dayjs(v.visitedAt);
    return {
      visitedAt: (visited.isValid() ? visited : dayjs()).toISOString(),
      ratings: checklist.items.flatMap((item) => {
        const given = v.items?.[item.code];
        return given?.rating ? [{ code: item.code, rating: given.rating, note: given.note?.trim() ?? '' }] : [];
      }),
      photos,
      position,
    };
  };
  const entryOf = (key: string, body: InspectionReport) => ({
    key,
    accountId: auth.accountId,
    inspectionId: inspection.id,
    studioName: inspection.studioName,
    body,
  });

  // Kept on the phone as it is filled (a moment after each change), so nothing is lost to a reload.
  const draftTimer = useRef<number | undefined>(undefined);
  const keepDraft = () => {
    window.clearTimeout(draftTimer.current);
    if (mode.kind !== 'visit') return;
    draftTimer.current = window.setTimeout(() => {
      void saveDraft(entryOf(mode.key, bodyOf(form.getFieldsValue(true) as Values))).catch(() => undefined);
    }, 300);
  };
  const touched = useRef(false);
  useEffect(() => {
    if (touched.current) keepDraft();
    touched.current = true;
  }, [photos, position]);
  useEffect(() => () => window.clearTimeout(draftTimer.current), []);

  /** A correction goes straight to the server; photos, when added, replace the earlier ones. */
  const correct = async (v: Values) => {
    const { photos: added, position: where, ...rest } = bodyOf(v);
    try {
      await inspectionsApi.correct(inspection.id, {
        ...rest,
        ...(added.length > 0 ? { photos: added } : {}),
        ...(where ? { position: where } : {}),
      });
      void message.success(t('inspections.form.corrected'));
      void navigate(`/inspections/${inspection.id}`);
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    window.clearTimeout(draftTimer.current);
    if (mode.kind === 'correct') {
      await correct(v);
      return;
    }
    try {
      const outcome = await saveVisit(entryOf(mode.key, bodyOf(v)), auth);
      if (outcome.kind === 'sent') {
        void message.success(t('inspections.form.sent'));
        void navigate('/my-inspections');
      } else if (outcome.kind === 'offline') {
        void message.info(t('inspections.form.queued'));
        void navigate('/my-inspections');
      } else if (outcome.kind === 'refused') {
        setError(t('inspections.form.refused', { message: outcome.message }));
      } else {
        setError(t('inspections.queue.signedOut'));
      }
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="hm-muted">
        {inspection.unitName} · {t('inspections.col.dueOn')} {inspection.dueOn}
      </p>
      <p>{t('inspections.form.intro')}</p>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="visit-error"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        name="inspection-visit"
        className="hm-insp-form"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
        onValuesChange={keepDraft}
        requiredMark
        scrollToFirstError
      >
        <Form.Item
          label={t('inspections.form.visitedAt')}
          name="visitedAt"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input type="datetime-local" max={dayjs().add(5, 'minute').format(LOCAL_MINUTE)} />
        </Form.Item>
        {checklist.items.map((item, index) => {
          const name = item.title[locale];
          return (
            <fieldset key={item.code} className="hm-insp-item" data-testid="checklist-item" data-code={item.code}>
              <legend>
                {index + 1}. {name}{' '}
                <span className="hm-muted">
                  （{t('inspections.detail.weight')} {item.weight}）
                </span>
              </legend>
              <Form.Item
                name={['items', item.code, 'rating']}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  size="large"
                  aria-label={t('inspections.form.ratingOf', { item: name })}
                  options={ratings.map((r) => ({ value: r, label: ratingLabel(t, r) }))}
                />
              </Form.Item>
              <Form.Item
                label={t('inspections.form.noteOf', { item: name })}
                name={['items', item.code, 'note']}
                rules={[{ max: 500 }]}
              >
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </fieldset>
          );
        })}
        <section className="hm-insp-section" aria-labelledby="visit-photos-title">
          <h2 id="visit-photos-title" className="hm-card-title">
            {t('inspections.form.photos', { max: MAX_PHOTOS })}
          </h2>
          {mode.kind === 'correct' && <p className="hm-muted">{t('inspections.form.correctPhotos')}</p>}
          <div className="hm-insp-photos" data-testid="visit-photos" data-count={photos.length}>
            {photos.map((src, i) => (
              <figure key={i} className="hm-insp-photo">
                <img src={src} alt={t('inspections.form.photoAlt', { n: i + 1 })} />
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('inspections.form.removePhoto', { n: i + 1 })}
                  onClick={() => setPhotos((p) => p.filter((_, k) => k !== i))}
                />
              </figure>
            ))}
          </div>
          {photos.length < MAX_PHOTOS && (
            <label className="hm-insp-photo-pick">
              <CameraOutlined aria-hidden /> {t('inspections.form.addPhoto')}
              <input
                ref={fileInput}
                type="file"
                accept="image/*"
                multiple
                className="hm-visually-hidden"
                onChange={(e) => void addPhotos(e.target.files)}
              />
            </label>
          )}
        </section>
        <div className="hm-insp-section">
          <Checkbox
            checked={positionState === 'ok' || positionState === 'asking'}
            onChange={(e) => askPosition(e.target.checked)}
          >
            {t('inspections.form.position')}
          </Checkbox>
          {positionState === 'ok' && (
            <span className="hm-muted" role="status">
              {' '}
              {t('inspections.form.positionOk')}
            </span>
          )}
          {positionState === 'failed' && (
            <span className="hm-muted" role="status">
              {' '}
              {t('inspections.form.positionFailed')}
            </span>
          )}
        </div>
        {preview !== null && (
          <p className="hm-insp-section" data-testid="visit-total" role="status">
            <strong>{t('inspections.form.total', { total: preview })}</strong>
          </p>
        )}
        <Form.Item
          name="confirmed"
          valuePropName="checked"
          rules={[
            {
              validator: (_, v) =>
                v ? Promise.resolve() : Promise.reject(new Error(t('inspections.form.confirmRequired'))),
            },
          ]}
        >
          <Checkbox>{t('inspections.form.confirm')}</Checkbox>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t(mode.kind === 'correct' ? 'inspections.form.saveCorrection' : 'inspections.form.submit')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
