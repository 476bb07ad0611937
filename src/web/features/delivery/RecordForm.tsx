import { useEffect } from 'react';
import { Button, Checkbox, Form, Input, InputNumber, Radio, Select, type FormInstance, type GetProps } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { Category, RecordCorrection, StudioSummary } from './api.ts';
import { groupLabel, modeLabel, servedGroups, serviceModes, type ServedGroup, type ServiceMode } from './labels.ts';
import { StudioSelect } from './StudioSelect.tsx';

/**
 * A checkbox group as a form field: Form.Item marks a required field with aria-required, which a
 * role="group" may not carry (axe aria-allowed-attr); the label already says it is required.
 */
function CheckboxGroupField(props: GetProps<typeof Checkbox.Group>) {
  const rest: GetProps<typeof Checkbox.Group> & { 'aria-required'?: unknown } = { ...props };
  delete rest['aria-required'];
  return <Checkbox.Group {...rest} />;
}

/** The form's fields; the date and time as the phone's native picker gives it (local time). */
export interface RecordFormValues {
  studioId?: number;
  servedAt: string;
  durationMinutes: number;
  recipientName?: string;
  groups: ServedGroup[];
  categoryId?: number;
  mode: ServiceMode;
  content: string;
  personTimes: number;
}

const LOCAL_MINUTE = 'YYYY-MM-DDTHH:mm';

/** An ISO time as the value of a datetime-local input. */
export const toLocalInput = (iso: string) => dayjs(iso).format(LOCAL_MINUTE);

/** Empty form values: now, half an hour, one person, in the studio. */
export function blankRecord(): RecordFormValues {
  return {
    servedAt: dayjs().format(LOCAL_MINUTE),
    durationMinutes: 30,
    groups: [],
    mode: 'studio',
    content: '',
    personTimes: 1,
  };
}

/** The fields every record has, as the API takes them (the studio and request are added by the caller). */
export function toRecordFields(v: RecordFormValues): RecordCorrection {
  const recipient = v.recipientName?.trim();
  return {
    servedAt: dayjs(v.servedAt).toISOString(),
    durationMinutes: v.durationMinutes,
    recipientName: recipient ? recipient : null,
    groups: v.groups,
    categoryId: v.categoryId ?? 0,
    mode: v.mode,
    content: v.content.trim(),
    personTimes: v.personTimes,
  };
}

/** Where the studio comes from: the member's own list, a search (staff), or fixed (a correction). */
export type StudioChoice =
  { kind: 'mine'; studios: StudioSummary[] } | { kind: 'search' } | { kind: 'fixed'; name: string };

interface Props {
  initial: RecordFormValues;
  studios: StudioChoice;
  categories: Category[] | undefined;
  submitLabel: string;
  busy: boolean;
  /** For a correction: the recipient as the server shows it (masked); the name must be typed again. */
  maskedRecipient?: string | null | undefined;
  onSubmit(values: RecordFormValues): void;
  /** The page's handle on the form, so it can mark the fields the server refused. */
  form?: FormInstance<RecordFormValues>;
}

/** The service record form (服务记录本), laid out for a phone: one column, native pickers, big targets. */
export function RecordForm({
  initial,
  studios,
  categories,
  submitLabel,
  busy,
  maskedRecipient,
  onSubmit,
  form: given,
}: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<RecordFormValues>(given);
  const studioId = Form.useWatch('studioId', form);
  const enabled = (categories ?? []).filter((c) => c.enabled || c.id === initial.categoryId);

  // A member with one studio has nothing to choose: it is filled in and shown as text.
  useEffect(() => {
    if (studios.kind === 'mine' && studios.studios.length === 1 && !form.getFieldValue('studioId'))
      form.setFieldValue('studioId', studios.studios[0]?.id);
  }, [studios, form]);

  // The category follows the studio's first one until the member picks another.
  const pickStudio = (studio: StudioSummary | undefined) => {
    if (studio && !form.isFieldTouched('categoryId')) form.setFieldValue('categoryId', studio.categoryIds[0]);
  };
  useEffect(() => {
    if (studios.kind !== 'mine' || form.getFieldValue('categoryId')) return;
    pickStudio(studios.studios.find((s) => s.id === studioId));
  }, [studioId, studios]);

  return (
    <Form<RecordFormValues>
      form={form}
      layout="vertical"
      name="service-record"
      className="hm-dlv-form"
      initialValues={initial}
      onFinish={onSubmit}
      requiredMark
      scrollToFirstError
    >
      {studios.kind === 'fixed' ? (
        <p className="hm-dlv-meta">{t('delivery.form.studioIs', { name: studios.name })}</p>
      ) : studios.kind === 'mine' && studios.studios.length === 1 ? (
        <>
          <p className="hm-dlv-meta" data-testid="record-studio">
            {t('delivery.form.studioIs', { name: studios.studios[0]?.name ?? '' })}
          </p>
          <Form.Item name="studioId" hidden>
            <Input />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          label={t('delivery.form.studio')}
          name="studioId"
          rules={[{ required: true, message: t('common.required') }]}
        >
          {studios.kind === 'mine' ? (
            <Select<number>
              options={studios.studios.map((s) => ({ value: s.id, label: s.name }))}
              onChange={(id) => pickStudio(studios.studios.find((s) => s.id === id))}
            />
          ) : (
            <StudioSelect serving onChange={(_, studio) => pickStudio(studio)} />
          )}
        </Form.Item>
      )}
      <Form.Item
        label={t('delivery.form.servedAt')}
        name="servedAt"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input type="datetime-local" max={dayjs().add(10, 'minute').format(LOCAL_MINUTE)} />
      </Form.Item>
      <Form.Item
        label={t('delivery.form.category')}
        name="categoryId"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select<number> options={enabled.map((c) => ({ value: c.id, label: c.name[locale] }))} loading={!categories} />
      </Form.Item>
      <Form.Item
        label={t('delivery.form.mode')}
        name="mode"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          aria-label={t('delivery.form.mode')}
          options={serviceModes.map((m) => ({ value: m, label: modeLabel(t, m) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('delivery.form.groups')}
        name="groups"
        rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
      >
        <CheckboxGroupField
          className="hm-dlv-groups"
          role="group"
          aria-label={t('delivery.form.groups')}
          options={servedGroups.map((g) => ({ value: g, label: groupLabel(t, g) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('delivery.form.content')}
        name="content"
        extra={t('delivery.form.contentHelp')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 1000 }]}
      >
        <Input.TextArea rows={4} maxLength={1000} />
      </Form.Item>
      <Form.Item
        label={t('delivery.form.personTimes')}
        name="personTimes"
        extra={t('delivery.form.personTimesHelp')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={1} max={100_000} precision={0} inputMode="numeric" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('delivery.form.duration')}
        name="durationMinutes"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={0} max={24 * 60} precision={0} step={10} inputMode="numeric" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('delivery.form.recipient')}
        name="recipientName"
        extra={
          maskedRecipient
            ? t('delivery.form.recipientCorrectHelp', { name: maskedRecipient })
            : t('delivery.form.recipientHelp')
        }
        rules={[{ max: 50 }]}
      >
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" size="large" loading={busy}>
          {submitLabel}
        </Button>
      </Form.Item>
    </Form>
  );
}
