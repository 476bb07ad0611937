import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Input, InputNumber, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { evaluationApi, type Scheme, type SchemePreview } from './api.ts';

type Item = Scheme['config']['items'][number];
type Row = SchemePreview['scores'][number];

/** The first day of the quarter after today: the earliest a new version usually takes effect. */
function nextQuarterStart(): Dayjs {
  const now = dayjs();
  return now.startOf('month').month(Math.floor(now.month() / 3) * 3 + 3);
}

/** 考评办法: the district edits the scheme's points and caps, previews last quarter under the draft, and publishes a version. */
export default function SchemePage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  usePageTitle(t('evaluation.scheme.heading'));
  const { data, error, loading, reload } = useLoad((signal) => evaluationApi.schemes(signal), 'schemes');
  const [config, setConfig] = useState<Scheme['config'] | null>(null);
  const [from, setFrom] = useState<Dayjs>(nextQuarterStart());
  const [note, setNote] = useState('');
  const [preview, setPreview] = useState<SchemePreview | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (data?.[0] && config === null) setConfig(structuredClone(data[0].config));
  }, [data, config]);

  const setItem = (code: string, patch: Partial<Item>) => {
    if (!config) return;
    setConfig({ ...config, items: config.items.map((i) => (i.code === code ? { ...i, ...patch } : i)) });
    setPreview(null);
  };
  const runPreview = async () => {
    if (!config) return;
    setBusy(true);
    try {
      setPreview(await evaluationApi.preview(config));
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const publish = async () => {
    if (!config) return;
    try {
      const s = await evaluationApi.publishScheme({
        effectiveFrom: from.format('YYYY-MM-DD'),
        ...(note.trim() ? { note: note.trim() } : {}),
        config,
      });
      void message.success(t('evaluation.scheme.published', { version: s.version }));
      setConfig(null);
      reload();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const itemColumns: TableColumnsType<Item> = [
    { title: t('evaluation.scheme.item'), key: 'title', render: (_, i) => i.title[locale] },
    {
      title: t('evaluation.scheme.direction'),
      key: 'direction',
      render: (_, i) => (
        <Tag color={i.direction === 'add' ? 'green' : 'red'}>
          {t(i.direction === 'add' ? 'evaluation.scheme.add' : 'evaluation.scheme.deduct')}
        </Tag>
      ),
    },
    ...(['points', 'cap'] as const).map((field) => ({
      title: t(`evaluation.scheme.${field}`),
      key: field,
      render: (_: unknown, i: Item) => (
        <InputNumber
          aria-label={`${i.title[locale]} ${t(`evaluation.scheme.${field}`)}`}
          min={0}
          max={1000}
          value={i[field]}
          onChange={(v) => setItem(i.code, { [field]: v ?? 0 })}
        />
      ),
    })),
  ];
  const previewColumns: TableColumnsType<Row> = [
    { title: t('evaluation.col.districtRank'), dataIndex: 'districtRank', key: 'rank', width: 80 },
    { title: t('evaluation.col.studio'), dataIndex: 'studioName', key: 'studio' },
    { title: t('evaluation.col.street'), dataIndex: 'streetName', key: 'street', responsive: ['md'] },
    { title: t('evaluation.scheme.current'), key: 'current', render: (_, r) => r.current ?? '—' },
    { title: t('evaluation.scheme.draft'), dataIndex: 'total', key: 'total' },
  ];

  if (error) return <LoadError message={error} onRetry={reload} />;
  return (
    <>
      <h1 className="hm-page-title">{t('evaluation.scheme.heading')}</h1>
      <p className="hm-muted">{t('evaluation.scheme.help')}</p>
      <Table<Item>
        rowKey="code"
        size="small"
        loading={loading || !config}
        columns={itemColumns}
        dataSource={config?.items ?? []}
        pagination={false}
        caption={<span className="hm-visually-hidden">{t('evaluation.scheme.heading')}</span>}
        data-testid="scheme-items"
      />
      <Space wrap style={{ margin: '16px 0' }}>
        <label>
          {t('evaluation.scheme.effectiveFrom')}{' '}
          <DatePicker
            aria-label={t('evaluation.scheme.effectiveFrom')}
            value={from}
            onChange={(d) => d && setFrom(d)}
          />
        </label>
        <Input
          aria-label={t('evaluation.scheme.note')}
          placeholder={t('evaluation.scheme.note')}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          style={{ width: 260 }}
        />
        <Button onClick={() => void runPreview()} loading={busy} disabled={!config}>
          {t('evaluation.scheme.preview')}
        </Button>
        <Popconfirm
          title={t('evaluation.scheme.publish')}
          description={t('evaluation.scheme.publishConfirm', { date: from.format('YYYY-MM-DD') })}
          onConfirm={() => publish()}
        >
          <Button type="primary" disabled={!config}>
            {t('evaluation.scheme.publish')}
          </Button>
        </Popconfirm>
      </Space>
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
