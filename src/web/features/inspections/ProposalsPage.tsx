import { useState } from 'react';
import { App, Select, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { proposalStatuses, type ProposalStatus } from '../../../domain/inspections/proposal.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { proposalsApi, type Proposal } from './api.ts';
import { proposalStatusLabel } from './labels.ts';
import { ProposalActions } from './ProposalActions.tsx';
import { ProposalTag } from './Tags.tsx';
import './inspections.css';

const PAGE_SIZE = 20;

/** 整改建议: studios whose inspection total fell below the threshold; the street confirms or rejects. */
export default function ProposalsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  usePageTitle(t('inspections.proposals.heading'));
  const [status, setStatus] = useState<ProposalStatus | undefined>('proposed');
  const [page, setPage] = useState(1);
  const { data, error, loading, loadedKey, reload } = useLoad(
    (signal) => proposalsApi.list({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    `${status ?? ''}|${page}`,
  );
  const columns: TableColumnsType<Proposal> = [
    { title: t('inspections.col.studio'), dataIndex: 'studioName', key: 'studio' },
    { title: t('inspections.col.unit'), dataIndex: 'unitName', key: 'unit', responsive: ['md'] },
    { title: t('inspections.quarter'), dataIndex: 'quarter', key: 'quarter', responsive: ['sm'] },
    {
      title: t('inspections.col.total'),
      key: 'total',
      render: (_, p) => t('inspections.proposals.total', { total: p.total, threshold: p.threshold }),
    },
    {
      title: t('inspections.col.status'),
      key: 'status',
      render: (_, p) => (
        <>
          <ProposalTag status={p.status} />
          {p.deadline && <div className="hm-muted">{t('inspections.proposals.deadline', { date: p.deadline })}</div>}
          {p.reason && <div className="hm-muted">{t('inspections.proposals.reason', { reason: p.reason })}</div>}
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <div className="hm-insp-actions">
          <Link
            to={`/inspections/${p.inspectionId}`}
            aria-label={`${t('inspections.proposals.inspection')} ${p.studioName}`}
          >
            {t('inspections.proposals.inspection')}
          </Link>
          <ProposalActions
            proposal={p}
            onDone={(_, text) => {
              void message.success(text);
              reload();
            }}
          />
        </div>
      ),
    },
  ];
  return (
    <>
      <h1 className="hm-page-title">{t('inspections.proposals.heading')}</h1>
      <div className="hm-toolbar" role="search" aria-label={t('inspections.proposals.heading')}>
        <div className="hm-field">
          <label htmlFor="proposal-status">{t('inspections.filter.status')}</label>
          <Select<ProposalStatus | ''>
            id="proposal-status"
            value={status ?? ''}
            onChange={(s) => {
              setStatus(s === '' ? undefined : s);
              setPage(1);
            }}
            options={[
              { value: '', label: t('inspections.filter.all') },
              ...proposalStatuses.map((s) => ({ value: s, label: proposalStatusLabel(t, s) })),
            ]}
            style={{ minWidth: 140 }}
          />
        </div>
      </div>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="proposals-table" aria-busy={loading} data-loaded={loadedKey ?? undefined}>
          <Table<Proposal>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            locale={{ emptyText: <span className="hm-insp-empty">{t('inspections.proposals.empty')}</span> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: setPage,
            }}
          />
        </div>
      )}
    </>
  );
}
