import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { recordsApi, type ServiceRecord } from './api.ts';

interface Props {
  record: ServiceRecord | null;
  onClose(): void;
  onSaved(record: ServiceRecord): void;
}

interface Values {
  onDate: string;
  result: string;
}

/** A follow-up (跟踪反馈) on a record: when the member checked back, and what came of the service. */
export function FeedbackModal({ record, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    if (!record) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await recordsApi.feedback(record.id, { onDate: v.onDate, result: v.result.trim() });
      form.resetFields();
      onSaved(saved);
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={record !== null}
      title={t('delivery.feedback.title')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        name="record-feedback"
        initialValues={{ onDate: dayjs().format('YYYY-MM-DD'), result: '' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          label={t('delivery.feedback.onDate')}
          name="onDate"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input type="date" max={dayjs().format('YYYY-MM-DD')} />
        </Form.Item>
        <Form.Item
          label={t('delivery.feedback.result')}
          name="result"
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
