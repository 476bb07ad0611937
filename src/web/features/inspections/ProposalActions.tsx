import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import dayjs from 'dayjs';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { proposalsApi, type Proposal } from './api.ts';

interface Values {
  deadline?: string;
  findings?: string;
  reason?: string;
}

/** The street's buttons on a rectification proposal (from its allowedActions) and their dialogs. */
export function ProposalActions({ proposal, onDone }: { proposal: Proposal; onDone(p: Proposal, text: string): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'confirm' | 'reject' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const close = () => {
    setOpen(null);
    setError(null);
  };
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const done =
        open === 'confirm'
          ? await proposalsApi.confirm(proposal.id, v.deadline ?? '', v.findings?.trim() || undefined)
          : await proposalsApi.reject(proposal.id, v.reason?.trim() ?? '');
      const text = t(open === 'confirm' ? 'inspections.proposals.confirmed' : 'inspections.proposals.rejected');
      close();
      onDone(done, text);
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  if (proposal.allowedActions.length === 0) return null;
  return (
    <>
      <Space wrap size={4}>
        {proposal.allowedActions.includes('confirm') && (
          <Button type="primary" size="small" onClick={() => setOpen('confirm')}>
            {t('inspections.proposals.confirm')}
          </Button>
        )}
        {proposal.allowedActions.includes('reject') && (
          <Button size="small" onClick={() => setOpen('reject')}>
            {t('inspections.proposals.reject')}
          </Button>
        )}
      </Space>
      {open && (
        <Modal
          open
          title={t(open === 'confirm' ? 'inspections.proposals.confirmTitle' : 'inspections.proposals.rejectTitle', {
            studio: proposal.studioName,
          })}
          okText={t(open === 'confirm' ? 'inspections.proposals.confirm' : 'inspections.proposals.reject')}
          cancelText={t('common.cancel')}
          confirmLoading={busy}
          onOk={() => form.submit()}
          onCancel={close}
          destroyOnHidden
        >
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
          <Form<Values>
            form={form}
            layout="vertical"
            name={`proposal-${open}`}
            initialValues={{ deadline: dayjs().add(30, 'day').format('YYYY-MM-DD') }}
            onFinish={(v) => void submit(v)}
          >
            {open === 'confirm' ? (
              <>
                <Form.Item
                  label={t('inspections.proposals.deadlineLabel')}
                  name="deadline"
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <Input type="date" min={dayjs().add(1, 'day').format('YYYY-MM-DD')} />
                </Form.Item>
                <Form.Item label={t('inspections.proposals.findings')} name="findings" rules={[{ max: 1000 }]}>
                  <Input.TextArea rows={3} maxLength={1000} />
                </Form.Item>
              </>
            ) : (
              <Form.Item
                label={t('inspections.proposals.rejectReason')}
                name="reason"
                rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 500 }]}
              >
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
            )}
          </Form>
        </Modal>
      )}
    </>
  );
}
