import { useState, type ReactNode } from 'react';
import { Alert, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { StudioDetail } from './api.ts';

interface Props<V> {
  title: string;
  /** The form's name: field ids become `<name>_<field>`. */
  name: string;
  okText: string;
  danger?: boolean;
  initialValues: Partial<V>;
  onClose(): void;
  /** Sends the transition; a refusal is shown in the dialog with the server's message. */
  onSubmit(values: V): Promise<StudioDetail>;
  onDone(studio: StudioDetail): void;
  onValuesChange?: (changed: Partial<V>, form: FormInstance<V>) => void;
  /** For a step that cannot be undone: what the shared ConfirmDialog asks before it is sent. */
  confirm?: (values: V) => { title: string; body: ReactNode };
  children: ReactNode;
}

/** A lifecycle step as a dialog: the step's fields, the server's answer, and progress while it runs. */
export function ActionModal<V extends object>({
  title,
  name,
  okText,
  danger,
  initialValues,
  onClose,
  onSubmit,
  onDone,
  onValuesChange,
  confirm,
  children,
}: Props<V>) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The checked values waiting for the confirmation, when the step asks for one.
  const [pending, setPending] = useState<V | null>(null);

  const submit = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await onSubmit(values));
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
      setPending(null);
    }
  };
  const asked = pending && confirm ? confirm(pending) : null;

  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="action-error"
        />
      )}
      <Form<V>
        form={form}
        layout="vertical"
        name={name}
        initialValues={initialValues}
        onFinish={(v) => (confirm ? setPending(v) : void submit(v))}
        onValuesChange={(changed: Partial<V>) => onValuesChange?.(changed, form)}
        requiredMark
      >
        {children}
      </Form>
      {asked && pending && (
        <ConfirmDialog
          open
          title={asked.title}
          okText={okText}
          danger={danger}
          busy={busy}
          onConfirm={() => void submit(pending)}
          onCancel={() => setPending(null)}
        >
          {asked.body}
        </ConfirmDialog>
      )}
    </Modal>
  );
}
