import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Radio, Spin } from 'antd';
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import { ratings, totalScore, type Rating } from '../../../domain/inspections/checklist.ts';
import { MAX_PHOTOS } from '../../../contract/inspections.ts';
import { useMe } from '../../app/session.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import type { Checklist, InspectionReport, InspectionSummary } from './api.ts';
import { loadChecklist, loadMyPlan, useOnline, useSendAuth } from './hooks.ts';
import { ratingLabel } from './labels.ts';
import { shrinkPhoto } from './photo-resize.ts';
import { newVisitKey, saveVisit } from './visit-sender.ts';
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
  const me = useMe();
  const { t } = useI18n();
  const online = useOnline();
  const start = useLoad((signal) => loadStart(me.id, Number(id), signal), String(id));
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
    return <VisitForm key={s.key} start={s} inspection={s.inspection} />;
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

function VisitForm({ start, inspection }: { start: Start; inspection: InspectionSummary }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const auth = useSendAuth();
  const [form] = Form.useForm<Values>();
  const { checklist, queued } = start;
  const [photos, setPhotos] = useState<string[]>(queued?.body.photos ?? []);
  const [position, setPosition] = useState<InspectionReport['position']>(queued?.body.position ?? null);
  const [positionState, setPositionState] = useState<'off' | 'asking' | 'ok' | 'failed'>(
    queued?.body.position ? 'ok' : 'off',
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(queued?.error ?? null);
  const fileInput = useRef<HTMLInputElement>(null);
  const watched = Form.useWatch('items', form);

  const initial = useMemo<Values>(() => {
    const items: Values['items'] = {};
    for (const item of checklist.items) {
      const given = queued?.body.ratings.find((r) => r.code === item.code);
      items[item.code] = { rating: given?.rating, note: given?.note ?? '' };
    }
    return {
      visitedAt: dayjs(queued?.body.visitedAt).format(LOCAL_MINUTE),
      items,
      confirmed: queued !== null,
    };
  }, [checklist, queued]);

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

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body: InspectionReport = {
      visitedAt: dayjs(v.visitedAt).toISOString(),
      ratings: checklist.items.map((item) => ({
        code: item.code,
        rating: v.items[item.code]?.rating ?? 'fail',
        note: v.items[item.code]?.note?.trim() ?? '',
      })),
      photos,
      position,
    };
    try {
      const outcome = await saveVisit(
        {
          key: start.key,
          accountId: auth.accountId,
          inspectionId: inspection.id,
          studioName: inspection.studioName,
          body,
        },
        auth,
      );
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
      setError(errorMessage(err));
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
            {t('inspections.form.submit')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
