import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, List, Result, Select, Space, Spin, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { LoadError } from '../../components/LoadError.tsx';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import {
  studiosApi,
  type Commitment,
  type CommitmentDraft,
  type CommitmentKind,
  type PublicationPreview,
  type PublishResult,
} from './api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { SmsPreview } from './SmsPreview.tsx';
import { StudioProgressBar } from './StudioProgressBar.tsx';
import { StatusTag } from './StatusTag.tsx';
import './studios.css';
import { formatDay } from '../../lib/dates.ts';

const KINDS: readonly CommitmentKind[] = ['hours', 'response', 'activities', 'other'];
const SERVING = new Set(['active', 'rectification']);

interface Values {
  items: Array<{ kind: CommitmentKind; text: string; target?: number | null }>;
}

/** The drafts to edit: the saved drafts, else the published promises as a starting point. */
function startingItems(list: Commitment[]): Values['items'] {
  const drafts = list.filter((c) => c.status === 'draft');
  const source = drafts.length ? drafts : list.filter((c) => c.status === 'published');
  return source.length
    ? source.map((c) => ({ kind: c.kind, text: c.text, target: c.target }))
    : [{ kind: 'hours', text: '', target: null }];
}

/**
 * 公开承诺: the studio's promises. Saving keeps drafts; publishing puts them on the public page and
 * the community bulletin board and queues one SMS per subscriber, whose count is shown.
 */
export default function CommitmentsPage() {
  const { t, locale } = useI18n();
  const id = Number(useParams().id);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<PublishResult | null>(null);
  const [preview, setPreview] = useState<PublicationPreview | null>(null);
  const [sending, setSending] = useState(false);

  const confirmPublish = async () => {
    setSending(true);
    setError(null);
    try {
      setResult(await studiosApi.publishCommitments(id));
      setPreview(null);
      reload();
    } catch (err) {
      setError(errorMessage(err));
      setPreview(null);
    } finally {
      setSending(false);
    }
  };
  const {
    data,
    error: loadError,
    reload,
  } = useLoad(async (signal) => {
    try {
      const [studio, list] = await Promise.all([studiosApi.get(id, signal), studiosApi.commitments(id, signal)]);
      return { studio, list };
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  }, String(id));
  const heading = data ? t('studios.commit.headingOf', { name: data.studio.name }) : t('studios.commit.heading');
  usePageTitle(heading);

  const items = (values: Values): CommitmentDraft[] =>
    values.items.map((i) => ({ kind: i.kind, text: i.text.trim(), target: i.target ?? null }));

  const run = async (publish: boolean) => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(publish ? 'publish' : 'save');
    setError(null);
    setResult(null);
    try {
      await studiosApi.saveCommitments(id, items(values));
      // Publishing texts every subscriber: show what goes out, to how many, before it does.
      if (publish) setPreview(await studiosApi.previewPublication(id));
      reload();
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(null);
    }
  };

  if (loadError) return <LoadError message={loadError} onRetry={reload} />;
  if (data === null)
    return (
      <Result
        status="404"
        title={<h1 className="hm-result-title">{t('studios.detail.notFound')}</h1>}
        subTitle={t('studios.detail.notFoundBody')}
      />
    );
  if (!data) return <Spin className="hm-page-spin" description={t('common.loading')} />;

  const published = data.list.filter((c) => c.status === 'published');
  const serving = SERVING.has(data.studio.status);
  const required = { required: true, whitespace: true, message: t('common.required') };

  return (
    <div className="hm-commitments">
      <h1 className="hm-page-title">{heading}</h1>
      <Space wrap style={{ marginBottom: 16 }}>
        <StatusTag status={data.studio.status} />
        <Link to={`/studios/${id}`}>{t('studios.commit.backToStudio')}</Link>
      </Space>
      <StudioProgressBar studio={data.studio} />
      {result && (
        <Alert
          type="success"
          showIcon
          role="status"
          data-testid="publish-result"
          title={t('studios.commit.published', { published: result.published, sms: result.smsQueued })}
          style={{ marginBottom: 16 }}
        />
      )}
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} data-testid="form-error" />
      )}
      <Card
        size="small"
        title={<h2 className="hm-card-title">{t('studios.commit.current')}</h2>}
        className="hm-studio-card"
      >
        {published.length === 0 ? (
          <span className="hm-muted">{t('studios.commit.nonePublished')}</span>
        ) : (
          <List
            size="small"
            data-testid="published-commitments"
            dataSource={published}
            renderItem={(c) => (
              <List.Item>
                <span>
                  <Tag>{t(`studios.commit.kind.${c.kind}`)}</Tag>
                  {c.text}
                </span>
                <span className="hm-muted">
                  {c.publishedAt ? formatDay(c.publishedAt, locale) : ''}
                  {c.fulfilment.checked > 0
                    ? ` · ${t('studios.commit.kept', { kept: c.fulfilment.kept, checked: c.fulfilment.checked })}`
                    : ''}
                </span>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card
        size="small"
        title={<h2 className="hm-card-title">{t('studios.commit.editor')}</h2>}
        className="hm-studio-card"
      >
        <p className="hm-muted">{t('studios.commit.help')}</p>
        <Form<Values>
          form={form}
          layout="vertical"
          name="commitments"
          initialValues={{ items: startingItems(data.list) }}
          key={data.list.map((c) => c.id).join(',')}
        >
          <Form.List name="items">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row, index) => (
                  <fieldset key={row.key} className="hm-list-field hm-commitment-row">
                    <legend>{t('studios.commit.itemN', { n: index + 1 })}</legend>
                    <div className="hm-list-row">
                      <Form.Item
                        name={[row.name, 'kind']}
                        label={t('studios.commit.kind')}
                        className="hm-list-cell hm-list-narrow"
                        rules={[{ required: true, message: t('common.required') }]}
                      >
                        <Select options={KINDS.map((k) => ({ value: k, label: t(`studios.commit.kind.${k}`) }))} />
                      </Form.Item>
                      <Form.Item
                        name={[row.name, 'text']}
                        label={t('studios.commit.text')}
                        className="hm-list-cell"
                        rules={[required, { max: 300 }]}
                      >
                        <Input />
                      </Form.Item>
                      <Form.Item
                        name={[row.name, 'target']}
                        label={t('studios.commit.target')}
                        className="hm-list-cell hm-list-narrow"
                      >
                        <InputNumber min={0} max={10000} precision={0} />
                      </Form.Item>
                      <Button
                        className="hm-list-remove"
                        icon={<DeleteOutlined />}
                        disabled={rows.length <= 1}
                        onClick={() => remove(row.name)}
                        aria-label={t('studios.form.removeRow', { what: t('studios.commit.heading'), n: index + 1 })}
                      />
                    </div>
                  </fieldset>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'other', text: '', target: null })}
                  disabled={rows.length >= 20}
                >
                  {t('studios.commit.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
        {!serving && (
          <Alert type="info" showIcon title={t('studios.commit.publishNeedsPlaque')} style={{ marginTop: 16 }} />
        )}
        <Space wrap style={{ marginTop: 16 }}>
          <Button
            onClick={() => void run(false)}
            loading={busy === 'save'}
            disabled={busy !== null}
            data-testid="save-commitments"
          >
            {t('studios.commit.save')}
          </Button>
          <Button
            type="primary"
            onClick={() => void run(true)}
            loading={busy === 'publish'}
            disabled={busy !== null || !serving}
            data-testid="publish-commitments"
          >
            {t('studios.commit.publish')}
          </Button>
        </Space>
        {preview && (
          <ConfirmDialog
            open
            title={t('sms.preview.title')}
            okText={t('sms.preview.send', { recipients: preview.recipients })}
            busy={sending}
            onConfirm={() => void confirmPublish()}
            onCancel={() => setPreview(null)}
          >
            <SmsPreview preview={preview} />
          </ConfirmDialog>
        )}
      </Card>
    </div>
  );
}
