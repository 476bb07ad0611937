import { useEffect, useState } from 'react';
import { Alert, Descriptions, Form, Input, Modal, Radio, Tag } from 'antd';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { registryApi, type Volunteer } from './api.ts';
import { kindLabel, statusColor, statusLabel } from './labels.ts';

interface Values {
  status: 'selected' | 'declined';
  reason: string;
}

/** 挑选: select or decline a candidate, always with a reason; the server records who decided and when. */
export function ScreeningModal({
  volunteer,
  onClose,
  onSaved,
}: {
  volunteer: Volunteer | null;
  onClose(): void;
  onSaved(v: Volunteer): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!volunteer) return;
    setError(null);
    form.setFieldsValue({ status: volunteer.screeningStatus === 'declined' ? 'declined' : 'selected', reason: '' });
  }, [volunteer, form]);

  const submit = async (values: Values) => {
    if (!volunteer) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await registryApi.screen(volunteer.id, values.status, values.reason.trim()));
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={volunteer !== null}
      title={volunteer ? t('registry.screen.title', { name: volunteer.name }) : ''}
      okText={t('registry.screen.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      forceRender
    >
      {volunteer && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'kind', label: t('registry.col.kind'), children: kindLabel(t, volunteer.kind) },
            { key: 'unit', label: t('registry.col.unit'), children: volunteer.unitName },
            {
              key: 'profession',
              label: t('registry.col.profession'),
              children: volunteer.profession ?? t('common.none'),
            },
            {
              key: 'current',
              label: t('registry.screen.current'),
              children: (
                <>
                  <Tag color={statusColor[volunteer.screeningStatus]}>{statusLabel(t, volunteer.screeningStatus)}</Tag>
                  {volunteer.screeningReason && <span className="hm-muted">{volunteer.screeningReason}</span>}
                </>
              ),
            },
          ]}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" name="screening" onFinish={(v) => void submit(v)} requiredMark>
        <Form.Item
          label={t('registry.screen.decision')}
          name="status"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'selected', label: t('registry.screen.select') },
              { value: 'declined', label: t('registry.screen.decline') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('registry.screen.reason')}
          name="reason"
          extra={t('registry.screen.reasonHelp')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: 500, message: t('registry.form.tooLong', { max: 500 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
