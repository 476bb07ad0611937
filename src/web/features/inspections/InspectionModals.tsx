import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { inspectionsApi, supervisorsApi, type InspectionSummary } from './api.ts';

function ErrorAlert({ error }: { error: string | null }) {
  if (!error) return null;
  return <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />;
}

/** 改派: another active supervisor of the street takes a planned inspection. */
export function ReassignModal({
  inspection,
  onClose,
  onDone,
}: {
  inspection: InspectionSummary;
  onClose(): void;
  onDone(name: string): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ supervisorId: number; note?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const supervisors = useLoad(
    (signal) => supervisorsApi.list({ under: inspection.streetId, status: 'active', limit: 100 }, signal),
    String(inspection.streetId),
  );
  const options = (supervisors.data?.items ?? [])
    .filter((s) => s.id !== inspection.supervisorId)
    .map((s) => ({ value: s.id, label: s.communityName ? `${s.name}（${s.communityName}）` : s.name }));
  const submit = async (v: { supervisorId: number; note?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const done = await inspectionsApi.reassign(inspection.id, v.supervisorId, v.note?.trim() || undefined);
      onDone(done.supervisorName);
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('inspections.reassign.title', { studio: inspection.studioName })}
      okText={t('inspections.reassign')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" name="reassign" onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('inspections.reassign.to')}
          name="supervisorId"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select<number> loading={supervisors.loading} options={options} />
        </Form.Item>
        <Form.Item label={t('inspections.reassign.note')} name="note" rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 取消检查, with the reason. */
export function CancelModal({
  inspection,
  onClose,
  onDone,
}: {
  inspection: InspectionSummary;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await inspectionsApi.cancel(inspection.id, v.reason.trim());
      onDone();
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('inspections.cancel.title', { studio: inspection.studioName })}
      okText={t('inspections.cancel')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" name="cancel-inspection" onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('inspections.cancel.reason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
