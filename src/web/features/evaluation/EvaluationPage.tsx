import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useAbilities } from '../../app/abilities.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { evaluationApi, type RunResult, type ScoreSummary } from './api.ts';
import { pastQuarters } from './quarters.ts';

type Change = NonNullable<ScoreSummary['changes']>[number];

/** 量化考评: a quarter's scores ranked, and for the district the run and its dry run. */
export default function EvaluationPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const abilities = useAbilities();
  usePageTitle(t('evaluation.heading'));
  const quarters = pastQuarters(new Date());
  const [quarter, setQuarter] = useState<string>(quarters[0] ?? '');
  const [item, setItem] = useState<string>('');
  const [busy, setBusy] = useState<'dry' | 'run' | null>(null);
  const [dry, setDry] = useState<RunResult | null>(null);
  const { data, error, loading, loadedKey, reload } = useLoad(
    (signal) => evaluationApi.scores({ quarter, limit: 500, ...(item ? { item } : {}) }, signal),
    `scores:${quarter}:${item}`,
  );
  const schemes = useLoad(
    (signal) => (abilities.may('read', 'evaluationScheme') ? evaluationApi.schemes(signal) : Promise.resolve([])),
    'schemes',
  );
  const items = schemes.data?.[0]?.config.items ?? [];

  const run = async (dryRun: boolean) => {
    setBusy(dryRun ? 'dry' : 'run');
    try {
      const result = await evaluationApi.run(quarter, dryRun);
      if (dryRun) {
        setDry(result);
        void message.success(t('evaluation.dryRunDone', { scored: result.scored, changed: result.changed }));
      } else {
        setDry(null);
        void message.success(
          t('evaluation.runDone', {
            scored: result.scored,
            commendation: result.proposals.commendation,
            review: result.proposals.review,
          }),
        );
        reload();
      }
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const changes = (c: Change[] | null) =>
    c === null ? (
      <Tag>{t('evaluation.first')}</Tag>
    ) : c.length === 0 ? (
      <span className="hm-muted">{t('evaluation.unchanged')}</span>
    ) : (
      c.map((x) => (
        <Tag key={x.code} color="orange">
          {x.code}: {x.before ?? '—'} → {x.after ?? '—'}
        </Tag>
      ))
    );

  const columns: TableColumnsType<ScoreSummary> = [
    { title: t('evaluation.col.districtRank'), dataIndex: 'districtRank', key: 'districtRank', width: 100 },
    {
      title: t('evaluation.col.streetRank'),
      dataIndex: 'streetRank',
      key: 'streetRank',
      width: 100,
      responsive: ['sm'],
    },
    {
      title: t('evaluation.col.studio'),
      key: 'studio',
      render: (_, s) => <Link to={`/evaluation/scores/${s.id}`}>{s.studioName}</Link>,
    },
    { title: t('evaluation.col.street'), dataIndex: 'streetName', key: 'street', responsive: ['md'] },
    {
      title: t('evaluation.col.total'),
      key: 'total',
      render: (_, s) => (
        <Space>
          <strong>{s.total}</strong>
          {s.vetoed ? <Tag color="red">{t('evaluation.vetoed')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('evaluation.col.changes'), key: 'changes', responsive: ['lg'], render: (_, s) => changes(s.changes) },
  ];

  return (
    <>
      <h1 className="hm-page-title">{t('evaluation.heading')}</h1>
      <p className="hm-muted">{t('evaluation.help')}</p>
      <Space wrap style={{ marginBottom: 16 }}>
        <label>
          {t('evaluation.quarter')}{' '}
          <Select
            aria-label={t('evaluation.quarter')}
            value={quarter}
            onChange={(q) => {
              setQuarter(q);
              setDry(null);
            }}
            options={quarters.map((q) => ({ value: q, label: q }))}
            style={{ width: 120 }}
          />
        </label>
        {items.length > 0 ? (
          <label>
            {t('evaluation.byItem')}{' '}
            <Select
              aria-label={t('evaluation.byItem')}
              value={item}
              onChange={setItem}
              options={[
                { value: '', label: t('evaluation.byTotal') },
                ...items.map((i) => ({ value: i.code, label: i.title['zh-CN'] })),
              ]}
              style={{ width: 220 }}
            />
          </label>
        ) : null}
        {abilities.may('export', 'evaluationScore') ? (
          <Button href={`/api/evaluation/year-end.xlsx?year=${quarter.slice(0, 4)}`} download>
            {t('evaluation.yearEndExport', { year: quarter.slice(0, 4) })}
          </Button>
        ) : null}
        {abilities.may('run', 'evaluationScore') ? (
          <>
            <Button onClick={() => void run(true)} loading={busy === 'dry'} disabled={busy !== null}>
              {t('evaluation.dryRun')}
            </Button>
            <Popconfirm
              title={t('evaluation.run')}
              description={t('evaluation.runConfirm', { quarter })}
              onConfirm={() => run(false)}
            >
              <Button type="primary" loading={busy === 'run'} disabled={busy !== null}>
                {t('evaluation.run')}
              </Button>
            </Popconfirm>
          </>
        ) : null}
      </Space>
      {dry ? (
        <section aria-label={t('evaluation.dryRunResult')} data-testid="dry-run-result" style={{ marginBottom: 24 }}>
          <Alert
            type="info"
            showIcon
            title={t('evaluation.dryRunResult')}
            description={
              <>
                {t('evaluation.dryRunDone', { scored: dry.scored, changed: dry.changed })}
                {(dry.scores?.length ?? 0) < dry.scored ? (
                  <> {t('evaluation.dryRunPreview', { shown: dry.scores?.length ?? 0, scored: dry.scored })}</>
                ) : null}
              </>
            }
          />
          <Table
            rowKey="studioId"
            size="small"
            dataSource={dry.scores ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('evaluation.col.districtRank'), dataIndex: 'districtRank', key: 'rank' },
              { title: t('evaluation.col.studio'), dataIndex: 'studioName', key: 'studio' },
              { title: t('evaluation.col.street'), dataIndex: 'streetName', key: 'street' },
              { title: t('evaluation.col.total'), dataIndex: 'total', key: 'total' },
              { title: t('evaluation.col.changes'), key: 'changes', render: (_, s) => changes(s.changes) },
            ]}
          />
        </section>
      ) : null}
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="scores-table" data-loaded={loadedKey ?? ''} aria-busy={loading}>
          <Table<ScoreSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            caption={<span className="hm-visually-hidden">{t('evaluation.heading')}</span>}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
            locale={{ emptyText: t('evaluation.none') }}
          />
        </div>
      )}
    </>
  );
}
