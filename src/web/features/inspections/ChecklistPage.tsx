import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Spin, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useAbilities } from '../../app/abilities.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { checklistApi, type Checklist, type ChecklistInput } from './api.ts';
import './inspections.css';
import { formatDay } from '../../lib/dates.ts';

/** 检查表: the district's checklist; each save publishes a new version, past ones stay readable. */
export default function ChecklistPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const editable = useAbilities().may('update', 'checklist');
  usePageTitle(t('inspections.checklist.heading'));
  const [version, setVersion] = useState(0);
  const current = useLoad((signal) => checklistApi.current(signal), String(version));
  const [form] = Form.useForm<ChecklistInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState<number | null>(null);
  const past = useLoad(
    (signal) => (asked === null ? Promise.resolve(null) : checklistApi.version(asked, signal)),
    String(asked),
  );

  const publish = async (values: ChecklistInput) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await checklistApi.publish(values);
      void message.success(t('inspections.checklist.published', { version: saved.version }));
      setVersion((v) => v + 1);
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  const editor = (c: Checklist) => (
    <Form<ChecklistInput>
      key={c.version}
      form={form}
      layout="vertical"
      name="checklist"
      initialValues={{ threshold: c.threshold, items: c.items }}
      onFinish={(v) => void publish(v)}
      disabled={!editable}
    >
      <Form.Item
        label={t('inspections.checklist.threshold')}
        name="threshold"
        extra={t('inspections.checklist.thresholdHelp')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={0} max={100} precision={0} />
      </Form.Item>
      <h2 className="hm-card-title">{t('inspections.checklist.items')}</h2>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                className="hm-insp-item-card"
                title={t('inspections.checklist.itemN', { n: index + 1 })}
                extra={
                  editable && fields.length > 1 ? (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('inspections.checklist.removeItem', { n: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  ) : null
                }
              >
                <div className="hm-insp-item-grid">
                  <Form.Item
                    label={t('inspections.checklist.code')}
                    name={[field.name, 'code']}
                    rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,31}$/, message: t('common.invalid') }]}
                  >
                    <Input maxLength={32} autoComplete="off" />
                  </Form.Item>
                  <Form.Item
                    label={t('inspections.checklist.weight')}
                    name={[field.name, 'weight']}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <InputNumber min={1} max={100} precision={0} />
                  </Form.Item>
                  <Form.Item
                    label={t('inspections.checklist.titleZhCN')}
                    name={[field.name, 'title', 'zh-CN']}
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item
                    label={t('inspections.checklist.titleZhTW')}
                    name={[field.name, 'title', 'zh-TW']}
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item
                    label={t('inspections.checklist.titleEn')}
                    name={[field.name, 'title', 'en']}
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                </div>
              </Card>
            ))}
            {editable && fields.length < 20 && (
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ code: '', weight: 10, title: { 'zh-CN': '', 'zh-TW': '', en: '' } })}
              >
                {t('inspections.checklist.addItem')}
              </Button>
            )}
          </>
        )}
      </Form.List>
      {editable && (
        <Form.Item className="hm-insp-section">
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('inspections.checklist.publish')}
          </Button>
        </Form.Item>
      )}
    </Form>
  );

  return (
    <>
      <h1 className="hm-page-title">{t('inspections.checklist.heading')}</h1>
      <p className="hm-muted">{t('inspections.checklist.versionNote')}</p>
      {current.data && (
        <p data-testid="checklist-version">
          {t('inspections.checklist.current', {
            version: current.data.version,
            date: formatDay(current.data.createdAt, locale),
          })}
        </p>
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      {current.error ? (
        <LoadError message={current.error} onRetry={current.reload} />
      ) : !current.data || current.loading ? (
        <Spin description={t('common.loading')} />
      ) : (
        editor(current.data)
      )}
      <h2 className="hm-card-title hm-insp-section">{t('inspections.checklist.viewVersion')}</h2>
      <Form
        layout="inline"
        name="checklist-version"
        onFinish={(v: { version: number }) => setAsked(v.version)}
        className="hm-insp-section"
      >
        <Form.Item
          label={t('inspections.checklist.versionLabel')}
          name="version"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">{t('inspections.checklist.show')}</Button>
        </Form.Item>
      </Form>
      {past.error && <LoadError message={past.error} />}
      {past.data && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="checklist-past">
          <p>
            {t('inspections.detail.checklistVersion', { version: past.data.version, threshold: past.data.threshold })}
          </p>
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={past.data.items}
            columns={[
              { title: t('inspections.checklist.code'), dataIndex: 'code', key: 'code' },
              {
                title: t('inspections.detail.item'),
                key: 'title',
                render: (_, i) => i.title[locale],
              },
              { title: t('inspections.checklist.weight'), dataIndex: 'weight', key: 'weight' },
            ]}
          />
        </Space>
      )}
    </>
  );
}
