import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { lettersApi, mailboxApi, type LetterAbility, type LetterDetail } from './api.ts';

interface Values {
  handlerId?: number;
  note?: string;
  days?: number;
  reason?: string;
  text?: string;
  finding?: 'substantiated' | 'unsubstantiated';
}

/** Sends one staff step with the form's values. */
function send(letter: LetterDetail, action: LetterAbility, v: Values): Promise<LetterDetail> {
  switch (action) {
    case 'assign':
      return lettersApi.assign(letter.id, v.handlerId ?? 0);
    case 'acknowledge':
      return lettersApi.acknowledge(letter.id, v.note?.trim() ?? '');
    case 'extend':
      return lettersApi.extend(letter.id, v.days ?? 0, v.reason?.trim() ?? '');
    case 'reply':
      return lettersApi.reply(letter.id, v.text?.trim() ?? '');
    case 'replyAgain':
      return lettersApi.replyAgain(letter.id, v.text?.trim() ?? '');
    case 'rule':
      return lettersApi.rule(letter.id, v.finding ?? 'unsubstantiated', v.reason?.trim() ?? '');
  }
}

/** The handler picker: the street's staff who may own the letter. */
function HandlerField({ letterId }: { letterId: number }) {
  const { t } = useI18n();
  const handlers = useLoad((signal) => lettersApi.handlers(letterId, signal), `handlers:${letterId}`);
  return (
    <Form.Item
      name="handlerId"
      label={t('mailbox.form.handler')}
      rules={[{ required: true, message: t('common.required') }]}
    >
      <Select
        loading={handlers.loading}
        options={(handlers.data ?? []).map((h) => ({ value: h.id, label: `${h.displayName}（${h.username}）` }))}
      />
    </Form.Item>
  );
}

/** The longest extension the district allows (the server checks it again). */
function ExtendFields() {
  const { t } = useI18n();
  const settings = useLoad((signal) => mailboxApi.settings(signal), 'mailbox-settings');
  const max = settings.data?.extensionMaxDays ?? 10;
  return (
    <>
      <Form.Item
        name="days"
        label={t('mailbox.form.days', { max })}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={1} max={max} precision={0} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('mailbox.form.reason')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}

/** One staff step of a letter as a dialog; a refusal is shown in it with the server's words. */
export function LetterActionModal({
  letter,
  action,
  onClose,
  onDone,
}: {
  letter: LetterDetail;
  action: LetterAbility;
  onClose(): void;
  onDone(letter: LetterDetail): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = t(`mailbox.action.${action}`);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await send(letter, action, values));
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={title}
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
      <Form<Values>
        form={form}
        layout="vertical"
        name={`letter-${action}`}
        onFinish={(v) => void submit(v)}
        requiredMark
      >
        {action === 'assign' && <HandlerField letterId={letter.id} />}
        {action === 'acknowledge' && (
          <Form.Item name="note" label={t('mailbox.form.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        {action === 'extend' && <ExtendFields />}
        {(action === 'reply' || action === 'replyAgain') && (
          <Form.Item
            name="text"
            label={t('mailbox.form.reply')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={6} maxLength={2000} showCount />
          </Form.Item>
        )}
        {action === 'rule' && (
          <>
            <Form.Item
              name="finding"
              label={t('mailbox.form.finding')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Radio.Group
                options={(['substantiated', 'unsubstantiated'] as const).map((f) => ({
                  value: f,
                  label: t(`mailbox.finding.${f}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('mailbox.form.rulingReason')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea rows={4} maxLength={1000} showCount />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
