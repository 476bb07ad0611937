import { useRef, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Popconfirm, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LoadError } from '../../components/LoadError.tsx';
import { ApiError } from '../../lib/api.ts';
import { fieldPathOf, markFieldErrors, type FieldPath } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { evaluationApi, type Scheme, type SchemePreview } from './api.ts';
import { SchemeEditor, type SchemeForm } from './SchemeEditor.tsx';

type Row = SchemePreview['scores'][number];

/** The first day of the quarter after today: the earliest a new version usually takes effect. */
function nextQuarterStart(): Dayjs {
  const now = dayjs();
  return now.startOf('month').month(Math.floor(now.month() / 3) * 3 + 3);
}

/**
 * 考评办法: the district edits a draft of the scheme (items, veto items, bounds, proposal rules),
 * previews last quarter under it, and publishes it as a version in force from a day. The server's
 * refusals are marked at the field they name.
 */
export default function SchemePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  usePageTitle(t('evaluation.scheme.heading'));
  const { data, error, loading, reload } = useLoad((signal) => evaluationApi.schemes(signal), 'schemes');
  const [form] = Form.useForm<SchemeForm>();
  const [preview, setPreview] = useState<SchemePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const from = Form.useWatch('effectiveFrom', form) as Dayjs | undefined;

  // The fields the server refused stay marked until the draft changes, then the next preview judges again.
  const serverMarked = useRef<FieldPath[]>([]);
  const refused = (err: unknown) => {
    if (err && typeof err === 'object' && 'errorFields' in err)
      return void message.error(t('evaluation.scheme.invalid'));
    if (err instanceof ApiError) serverMarked.current = (err.issues ?? []).map((i) => fieldPathOf(i.path));
    void message.error(markFieldErrors(form, err));
  };
  const onValuesChange = () => {
    setPreview(null);
    if (serverMarked.current.length === 0) return;
    form.setFields(
      serverMarked.current.map((name) => ({ name, errors: [] })) as unknown as Parameters<typeof form.setFields>[0],
    );
    serverMarked.current = [];
  };

  /** Every value of the draft, the fields the editor does not show (codes, other languages' titles) too. */
  const draft = () => form.getFieldsValue(true) as SchemeForm;
  const runPreview = async () => {
    setBusy(true);
    try {
      await form.validateFields();
      setPreview(await evaluationApi.preview(draft().config));
    } catch (err) {
      refused(err);
    } finally {
      setBusy(false);
    }
  };
  const publish = async () => {
    try {
      await form.validateFields();
      const values = draft();
      const s = await evaluationApi.publishScheme({
        effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        config: values.config,
      });
      void message.success(t('evaluation.scheme.published', { version: s.version }));
      setPreview(null);
      reload();
    } catch (err) {
      refused(err);
    }
  };

  const previewColumns: TableColumnsType<Row> = [
    { title: t('evaluation.col.districtRank'), dataIndex: 'districtRank', key: 'rank', width: 80 },
    { title: t('evaluation.col.studio'), dataIndex: 'studioName', key: 'studio' },
    { title: t('evaluation.col.street'), dataIndex: 'streetName', key: 'street', responsive: ['md'] },
    { title: t('evaluation.scheme.current'), key: 'current', render: (_, r) => r.current ?? '—' },
    {
      title: t('evaluation.scheme.draft'),
      key: 'total',
      render: (_, r) => <span data-testid={`draft-total-${r.studioId}`}>{r.total}</span>,
    },
  ];

  if (error) return <LoadError message={error} onRetry={reload} />;
  const latest: Scheme | undefined = data?.[0];
  return (
    <>
      <h1 className="hm-page-title">{t('evaluation.scheme.heading')}</h1>
      <p className="hm-muted">{t('evaluation.scheme.help')}</p>
      {loading || !latest ? null : (
        <Form<SchemeForm>
          key={latest.version}
          form={form}
          layout="vertical"
          initialValues={{ effectiveFrom: nextQuarterStart(), config: structuredClone(latest.config) }}
          onValuesChange={onValuesChange}
          data-testid="scheme-form"
        >
          <SchemeEditor />
          <Space wrap align="end" style={{ margin: '16px 0' }}>
            <Form.Item
              name="effectiveFrom"
              label={t('evaluation.scheme.effectiveFrom')}
              rules={[{ required: true }]}
              style={{ margin: 0 }}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item name="note" label={t('evaluation.scheme.note')} style={{ margin: 0 }}>
              <Input maxLength={500} style={{ width: 260 }} />
            </Form.Item>
            <Button onClick={() => void runPreview()} loading={busy}>
              {t('evaluation.scheme.preview')}
            </Button>
            <Popconfirm
              title={t('evaluation.scheme.publish')}
              description={t('evaluation.scheme.publishConfirm', { date: from?.format('YYYY-MM-DD') ?? '' })}
              onConfirm={() => publish()}
            >
              <Button type="primary">{t('evaluation.scheme.publish')}</Button>
            </Popconfirm>
          </Space>
        </Form>
      )}
      {preview ? (
        <section aria-labelledby="preview-heading" data-testid="scheme-preview">
          <h2 id="preview-heading">{t('evaluation.scheme.previewHeading', { quarter: preview.quarter })}</h2>
          <Table<Row>
            rowKey="studioId"
            size="small"
            columns={previewColumns}
            dataSource={preview.scores}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            caption={
              <span className="hm-visually-hidden">
                {t('evaluation.scheme.previewHeading', { quarter: preview.quarter })}
              </span>
            }
          />
        </section>
      ) : null}
      <h2>{t('evaluation.scheme.versions')}</h2>
      {(data ?? []).map((s) => (
        <Alert
          key={s.version}
          type="info"
          style={{ marginBottom: 8 }}
          title={`${t('evaluation.scheme.version', { version: s.version })} · ${s.effectiveFrom}${s.note ? ` · ${s.note}` : ''}`}
        />
      ))}
    </>
  );
}
