import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Select, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useMe } from '../../app/session.tsx';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { orgApi } from '../org-units/api.ts';
import { supervisorsApi, type Supervisor } from './api.ts';

interface FormValues {
  accountId?: number;
  name: string;
  phone: string;
  communityId?: number | null;
  cardNumber?: string;
  appointedOn?: string;
  termEnd?: string;
}

/** Runs a write and shows the server's refusal in the dialog. */
function useSubmit<T>(form: FormInstance<T>, run: (values: T) => Promise<Supervisor>, onDone: (s: Supervisor) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await run(values));
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

function ErrorAlert({ error }: { error: string | null }) {
  if (!error) return null;
  return <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />;
}

/** Appointing a supervisor (their supervisor account, details and term) or editing one's details. */
export function SupervisorFormModal({
  supervisor,
  onClose,
  onDone,
}: {
  supervisor: Supervisor | null;
  onClose(): void;
  onDone(s: Supervisor): void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<FormValues>();
  const editing = supervisor !== null;
  const communities = useLoad(
    () => orgApi.children(supervisor?.streetId ?? me.unit.id),
    String(supervisor?.streetId ?? me.unit.id),
  );
  // The supervisor accounts not on a roster yet.
  const accounts = useLoad(async (signal) => {
    if (editing) return [];
    const [all, roster] = await Promise.all([
      supervisorsApi.accounts(signal),
      supervisorsApi.list({ limit: 100 }, signal),
    ]);
    const taken = new Set(roster.items.map((s) => s.accountId));
    return all.items.filter((a) => !taken.has(a.id) && !a.disabled);
  }, 'accounts');
  // Editing sends the whole record, phone included: the street sees it in full here (an audited read).
  useEffect(() => {
    if (!supervisor) return;
    supervisorsApi.contact(supervisor.id).then(
      (c) => form.setFieldValue('phone', c.phone),
      () => undefined,
    );
  }, [supervisor, form]);
  const { busy, error, submit } = useSubmit<FormValues>(
    form,
    (v) => {
      const details = {
        name: v.name.trim(),
        phone: v.phone.trim(),
        communityId: v.communityId ?? null,
        ...(v.cardNumber?.trim() ? { cardNumber: v.cardNumber.trim() } : {}),
      };
      if (supervisor) return supervisorsApi.update(supervisor.id, details);
      return supervisorsApi.appoint({
        ...details,
        accountId: v.accountId ?? 0,
        appointedOn: v.appointedOn ?? dayjs().format('YYYY-MM-DD'),
        ...(v.termEnd ? { termEnd: v.termEnd } : {}),
      });
    },
    onDone,
  );

  const initial: FormValues = supervisor
    ? {
        name: supervisor.name,
        phone: '',
        communityId: supervisor.communityId,
        cardNumber: supervisor.cardNumber,
      }
    : { name: '', phone: '', communityId: null, appointedOn: dayjs().format('YYYY-MM-DD') };

  return (
    <Modal
      open
      title={
        editing
          ? t('inspections.supervisors.editTitle', { name: supervisor.name })
          : t('inspections.supervisors.appointTitle')
      }
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="supervisor"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
      >
        {!editing && (
          <Form.Item
            label={t('inspections.supervisors.account')}
            name="accountId"
            extra={t('inspections.supervisors.accountHelp')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select<number>
              loading={accounts.loading}
              options={(accounts.data ?? []).map((a) => ({
                value: a.id,
                label: `${a.displayName}（${a.username}）`,
              }))}
              onChange={(id) => {
                const account = accounts.data?.find((a) => a.id === id);
                if (account && !form.getFieldValue('name')) form.setFieldValue('name', account.displayName);
              }}
            />
          </Form.Item>
        )}
        <Form.Item
          label={t('inspections.supervisors.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 50 }]}
        >
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item
          label={t('inspections.supervisors.phone')}
          name="phone"
          rules={[
            { required: true, message: t('common.required') },
            { pattern: /^1[3-9]\d{9}$/, message: t('common.invalid') },
          ]}
        >
          <Input inputMode="tel" autoComplete="off" maxLength={11} />
        </Form.Item>
        <Form.Item label={t('inspections.supervisors.community')} name="communityId">
          <Select<number>
            allowClear
            loading={communities.loading}
            options={(communities.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          label={t('inspections.supervisors.card')}
          name="cardNumber"
          rules={[{ pattern: /^[\p{L}\p{N}-]{3,32}$/u, message: t('common.invalid') }]}
        >
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        {!editing && (
          <>
            <Form.Item
              label={t('inspections.supervisors.appointedOn')}
              name="appointedOn"
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input type="date" />
            </Form.Item>
            <Form.Item label={t('inspections.supervisors.termEnd')} name="termEnd">
              <Input type="date" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 续聘: a new term end, two years on unless given. */
export function RenewModal({
  supervisor,
  onClose,
  onDone,
}: {
  supervisor: Supervisor;
  onClose(): void;
  onDone(s: Supervisor): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ termEnd?: string }>();
  const { busy, error, submit } = useSubmit<{ termEnd?: string }>(
    form,
    (v) => supervisorsApi.renew(supervisor.id, v.termEnd || undefined),
    onDone,
  );
  return (
    <Modal
      open
      title={t('inspections.supervisors.renewTitle', { name: supervisor.name })}
      okText={t('inspections.supervisors.renew')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" name="renew-supervisor" onFinish={(v) => void submit(v)}>
        <Form.Item label={t('inspections.supervisors.termEnd')} name="termEnd">
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 解聘, with the reason. */
export function DismissModal({
  supervisor,
  onClose,
  onDone,
}: {
  supervisor: Supervisor;
  onClose(): void;
  onDone(s: Supervisor): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, error, submit } = useSubmit<{ reason: string }>(
    form,
    (v) => supervisorsApi.dismiss(supervisor.id, v.reason.trim()),
    onDone,
  );
  return (
    <Modal
      open
      title={t('inspections.supervisors.dismissTitle', { name: supervisor.name })}
      okText={t('inspections.supervisors.dismiss')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" name="dismiss-supervisor" onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('inspections.supervisors.dismissReason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
