import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Radio } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { ratings, totalScore, type Rating } from '../../../domain/inspections/checklist.ts';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { inspectionsApi, type Checklist, type InspectionReport, type InspectionSummary } from './api.ts';
import { useSendAuth } from './hooks.ts';
import { ratingLabel } from './labels.ts';
import { VisitPhotos, VisitPosition } from './VisitAttachments.tsx';
import { saveDraft, saveVisit } from './visit-outbox.ts';

/** What a datetime-local input holds. */
export const LOCAL_MINUTE = 'YYYY-MM-DDTHH:mm';

interface Values {
  visitedAt: string;
  items: Record<string, { rating?: Rating; note?: string }>;
  confirmed: boolean;
}

/** What the form starts from: a form kept on the phone, or the inspection as submitted (a correction). */
export interface From {
  ratings: readonly { code: string; rating: Rating; note: string }[];
  visitedAt: string | null;
  photos: string[];
  position: InspectionReport['position'];
  confirmed: boolean;
  error: string | null;
}

/** A visit is kept on the phone and sent through the outbox; a correction is sent at once. */
export type Mode = { kind: 'visit'; key: string } | { kind: 'correct' };

interface FormProps {
  inspection: Pick<InspectionSummary, 'id' | 'studioName' | 'unitName' | 'dueOn'>;
  checklist: Checklist;
  from: From;
  mode: Mode;
}

/** The checklist, notes, photos and position of one visit: kept as a draft, then sent once. */
export function VisitForm({ inspection, checklist, from, mode }: FormProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const auth = useSendAuth();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<string[]>(from.photos);
  const [position, setPosition] = useState<InspectionReport['position']>(from.position);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(from.error);
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
        <VisitPhotos photos={photos} onChange={setPhotos} isCorrection={mode.kind === 'correct'} />
        <VisitPosition position={position} onChange={setPosition} />
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
