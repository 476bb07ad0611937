import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMe } from '../../app/session.tsx';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { Categories } from '../categories/use-categories.ts';
import { UnitPicker } from '../registry/UnitPicker.tsx';
import { needsApi, type Channel, type Need, type Urgency } from './api.ts';
import { channelLabel, channels, urgencies, urgencyLabel } from './labels.ts';
import { SuggestionPanel } from './SuggestionPanel.tsx';
import { useSuggestion } from './use-suggestion.ts';

// The contract's rule, checked here too so the message is in the user's language.
const MOBILE = /^1[3-9]\d{9}$/;

interface Values {
  unitId: number;
  channel: Channel;
  recordedOn: Dayjs;
  residentName?: string;
  residentPhone?: string;
  text: string;
  urgency: Urgency;
  categoryId?: number | undefined;
}

/**
 * Records a need from a diary, a survey or a visit. While the text is typed the classifier
 * suggests a category; when it is unsure, it asks the person to choose, and a need left
 * without one waits in the uncategorised queue.
 */
export function NeedForm({ categories, onRecorded }: { categories: Categories; onRecorded(need: Need): void }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const text = Form.useWatch('text', form) ?? '';
  const state = useSuggestion(text);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Once the person picks a category, new suggestions no longer overwrite it.
  const chosenByPerson = useRef(false);
  const ask = state.suggestion?.askAPerson ?? false;

  useEffect(() => {
    if (chosenByPerson.current) return;
    const s = state.suggestion;
    form.setFieldValue('categoryId', s && !s.askAPerson && s.categoryId !== null ? s.categoryId : undefined);
  }, [state.suggestion, form]);

  const pick = (categoryId: number) => {
    chosenByPerson.current = true;
    form.setFieldValue('categoryId', categoryId);
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const { need } = await needsApi.record({
        unitId: v.unitId,
        channel: v.channel,
        recordedOn: v.recordedOn.format('YYYY-MM-DD'),
        residentName: v.residentName?.trim() || null,
        residentPhone: v.residentPhone?.trim() || null,
        text: v.text.trim(),
        urgency: v.urgency,
      });
      // The server files it under its own suggestion when confident; a person's choice wins.
      const saved =
        v.categoryId !== undefined && v.categoryId !== need.categoryId
          ? await needsApi.correct(need.id, v.categoryId)
          : need;
      void message.success(
        saved.categoryId === null
          ? t('needs.form.queued')
          : t('needs.form.recorded', { category: categories.nameOf(saved.categoryId) }),
      );
      chosenByPerson.current = false;
      form.setFieldsValue({ text: '', residentName: '', residentPhone: '', categoryId: undefined, urgency: 'normal' });
      onRecorded(saved);
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="need"
      requiredMark
      initialValues={{ unitId: me.unit.id, channel: 'diary', recordedOn: dayjs(), urgency: 'normal' }}
      onFinish={(v) => void submit(v)}
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('needs.form.unit')}
            name="unitId"
            rules={[{ required: true, message: t('common.required') }]}
          >
            <UnitPicker
              initial={{ id: me.unit.id, name: me.unit.name }}
              placeholder={t('needs.form.unitPlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('needs.form.recordedOn')}
            name="recordedOn"
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            label={t('needs.form.channel')}
            name="channel"
            rules={[{ required: true, message: t('common.required') }]}
          >
            {/* A <label for> cannot name a radio group's <div>; aria-label does. */}
            <Radio.Group
              optionType="button"
              aria-label={t('needs.form.channel')}
              options={channels.map((c) => ({ value: c, label: channelLabel(t, c) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            label={t('needs.form.text')}
            name="text"
            extra={t('needs.form.textHelp')}
            rules={[
              { required: true, whitespace: true, message: t('common.required') },
              { min: 4, message: t('needs.form.textShort') },
              { max: 1000, message: t('needs.form.textLong') },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} lang={locale} />
          </Form.Item>
          <SuggestionPanel state={state} categories={categories} onPick={pick} />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('needs.form.category')}
            name="categoryId"
            extra={ask ? t('needs.form.categoryAsk') : t('needs.form.categoryHelp')}
          >
            <Select<number>
              allowClear
              virtual={false}
              placeholder={t('needs.form.categoryPlaceholder')}
              onChange={(v) => {
                chosenByPerson.current = v !== undefined;
              }}
              options={categories.enabled.map((c) => ({ value: c.id, label: c.name[locale] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('needs.form.urgency')} name="urgency">
            <Radio.Group
              optionType="button"
              aria-label={t('needs.form.urgency')}
              options={urgencies.map((u) => ({ value: u, label: urgencyLabel(t, u) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('needs.form.residentName')}
            name="residentName"
            extra={t('needs.form.residentHelp')}
            rules={[{ max: 50 }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('needs.form.residentPhone')}
            name="residentPhone"
            rules={[{ pattern: MOBILE, message: t('needs.form.phoneHelp') }]}
          >
            <Input inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('needs.form.submit')}
      </Button>
    </Form>
  );
}
