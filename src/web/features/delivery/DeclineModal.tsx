import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { requestsApi, type ServiceRequest } from './api.ts';

interface Props {
  request: ServiceRequest | null;
  onClose(): void;
  onDeclined(): void;
}

/** Declining needs a reason; the server then passes the request to the next suitable studio. */
export function DeclineModal({ request, onClose, onDeclined }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ reason }: { reason: string }) => {
    if (!request) return;
    setBusy(true);
    setError(null);
    try {
      await requestsApi.decline(request.id, reason.trim());
      form.resetFields();
      onDeclined();
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={request !== null}
      title={t('delivery.decline.title')}
      okText={t('delivery.decline.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form<{ reason: string }> form={form} layout="vertical" name="decline-request" onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('delivery.decline.reason')}
          name="reason"
          extra={t('delivery.decline.reasonHelp')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
