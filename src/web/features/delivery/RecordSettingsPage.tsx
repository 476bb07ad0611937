import { useState } from 'react';
import { App, Button, Card, Form, InputNumber, Spin } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { recordSettingsApi, type RecordSettings } from './api.ts';

/**
 * 服务记录设置: how long a member may correct a record, and how long a walk-in's 服务回执 (its
 * rating code) stays valid. Until now only the API could change them; the district does it here.
 */
export default function RecordSettingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  usePageTitle(t('delivery.settings.heading'));
  const loaded = useLoad((signal) => recordSettingsApi.get(signal), 'record-settings');
  const [form] = Form.useForm<RecordSettings>();
  const [busy, setBusy] = useState(false);

  const save = async (values: RecordSettings) => {
    setBusy(true);
    try {
      form.setFieldsValue(await recordSettingsApi.save(values));
      void message.success(t('delivery.settings.saved'));
    } catch (err) {
      const text = markFieldErrors(form, err);
      if (text) void message.error(text);
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('common.required') }];
  return (
    <>
      <h1 className="hm-page-title">{t('delivery.settings.heading')}</h1>
      {loaded.error ? (
        <LoadError message={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Spin description={t('common.loading')} />
      ) : (
        <Card size="small">
          <Form<RecordSettings>
            form={form}
            layout="vertical"
            name="record-settings"
            initialValues={loaded.data}
            onFinish={(v) => void save(v)}
          >
            <Form.Item
              name="receiptDays"
              label={t('delivery.settings.receiptDays')}
              extra={t('delivery.settings.receiptDaysHelp')}
              rules={required}
            >
              <InputNumber min={1} max={366} precision={0} />
            </Form.Item>
            <Form.Item
              name="correctionHours"
              label={t('delivery.settings.correctionHours')}
              extra={t('delivery.settings.correctionHoursHelp')}
              rules={required}
            >
              <InputNumber min={0} max={720} precision={0} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('delivery.settings.save')}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
