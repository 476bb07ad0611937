import { useState } from 'react';
import { Alert, App, Button, Checkbox, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { InspectionStatus } from '../../../domain/inspections/lifecycle.ts';
import { inspectionStatuses } from '../../../domain/inspections/lifecycle.ts';
import { useAbilities } from '../../app/abilities.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { inspectionsApi, type InspectionSummary } from './api.ts';
import { CoveragePanel } from './CoveragePanel.tsx';
import { CancelModal, ReassignModal } from './InspectionModals.tsx';
import { InspectionTag } from './Tags.tsx';
import { currentQuarter, formatTime, inspectionStatusLabel, recentQuarters } from './labels.ts';
import './inspections.css';

const PAGE_SIZE = 20;

/** 季度检查: the quarter's plan in scope, its coverage, planning, reassignment and cancellation. */
export default function InspectionsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const abilities = useAbilities();
  usePageTitle(t('inspections.plan.heading'));
  const [quarter, setQuarter] = useState<string>(currentQuarter());
  const [status, setStatus] = useState<InspectionStatus | undefined>(undefined);
  // The 工作台's overdue to-do links here with ?overdue=1.
  const [params] = useSearchParams();
  const [overdue, setOverdue] = useState(() => params.get('overdue') === '1');
  const [page, setPage] = useState(1);
  const [planning, setPlanning] = useState(false);
  const [unassigned, setUnassigned] = useState<string[]>([]);
  const [open, setOpen] = useState<{ kind: 'reassign' | 'cancel'; inspection: InspectionSummary } | null>(null);
  const [version, setVersion] = useState(0);
  const list = useLoad(
    (signal) =>
      inspectionsApi.list(
        {
          quarter,
          status,
          overdue: overdue ? '1' : undefined,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        },
        signal,
      ),
    `${quarter}|${status ?? ''}|${overdue}|${page}|${version}`,
  );
  const coverage = useLoad((signal) => inspectionsApi.coverage({ quarter }, signal), `${quarter}|${version}`);
  const refresh = () => setVersion((v) => v + 1);

  const plan = async () => {
    setPlanning(true);
    try {
      const result = await inspectionsApi.plan();
      void message.success(t('inspections.plan.generated', { created: result.created, planned: result.planned }));
      setUnassigned(result.unassigned.map((u) => u.studioName));
      setQuarter(result.quarter);
      refresh();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setPlanning(false);
    }
  };

  const columns: TableColumnsType<InspectionSummary> = [
    {
      title: t('inspections.col.studio'),
      key: 'studio',
      render: (_, i) => <Link to={`/inspections/${i.id}`}>{i.studioName}</Link>,
    },
    { title: t('inspections.col.unit'), dataIndex: 'unitName', key: 'unit', responsive: ['lg'] },
    { title: t('inspections.col.supervisor'), dataIndex: 'supervisorName', key: 'supervisor' },
    {
      title: t('inspections.col.status'),
      key: 'status',
      render: (_, i) => <InspectionTag inspection={i} />,
    },
    {
      title: t('inspections.col.total'),
      key: 'total',
      render: (_, i) => (i.total === null ? '—' : `${i.total}%`),
    },
    {
      title: t('inspections.col.visitedAt'),
      key: 'visitedAt',
      responsive: ['md'],
      render: (_, i) => formatTime(i.visitedAt, locale),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, i) => (
        <Space wrap size={4}>
          {i.allowedActions.includes('reassign') && (
            <Button
              size="small"
              onClick={() => setOpen({ kind: 'reassign', inspection: i })}
              aria-label={`${t('inspections.reassign')} ${i.studioName}`}
            >
              {t('inspections.reassign')}
            </Button>
          )}
          {i.allowedActions.includes('cancel') && (
            <Button
              size="small"
              danger
              onClick={() => setOpen({ kind: 'cancel', inspection: i })}
              aria-label={`${t('inspections.cancel')} ${i.studioName}`}
            >
              {t('inspections.cancel')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <h1 className="hm-page-title">{t('inspections.plan.heading')}</h1>
      <div className="hm-toolbar" role="search" aria-label={t('inspections.plan.list')}>
        <div className="hm-field">
          <label htmlFor="inspection-quarter">{t('inspections.quarter')}</label>
          <Select<string>
            id="inspection-quarter"
            value={quarter}
            onChange={(q) => {
              setQuarter(q);
              setPage(1);
            }}
            options={recentQuarters().map((q) => ({ value: q, label: q }))}
            style={{ minWidth: 120 }}
          />
        </div>
        <div className="hm-field">
          <label htmlFor="inspection-status">{t('inspections.filter.status')}</label>
          <Select<InspectionStatus | ''>
            id="inspection-status"
            value={status ?? ''}
            onChange={(s) => {
              setStatus(s === '' ? undefined : s);
              setPage(1);
            }}
            options={[
              { value: '', label: t('inspections.filter.all') },
              ...inspectionStatuses.map((s) => ({ value: s, label: inspectionStatusLabel(t, s) })),
            ]}
            style={{ minWidth: 120 }}
          />
        </div>
        <Checkbox
          checked={overdue}
          onChange={(e) => {
            setOverdue(e.target.checked);
            setPage(1);
          }}
        >
          {t('inspections.filter.overdue')}
        </Checkbox>
        {abilities.may('plan', 'inspection') && (
          <Button type="primary" loading={planning} onClick={() => void plan()}>
            {t('inspections.plan.generate')}
          </Button>
        )}
      </div>
      {unassigned.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="status"
          title={t('inspections.plan.unassigned', { names: unassigned.join('、') })}
          style={{ marginBottom: 16 }}
        />
      )}
      {coverage.error ? (
        <LoadError message={coverage.error} onRetry={coverage.reload} />
      ) : (
        <CoveragePanel coverage={coverage.data} loading={coverage.loading} />
      )}
      <h2 className="hm-card-title">{t('inspections.plan.list')}</h2>
      {list.error ? (
        <LoadError message={list.error} onRetry={list.reload} />
      ) : (
        <div data-testid="inspections-table" aria-busy={list.loading} data-loaded={list.loadedKey ?? undefined}>
          <Table<InspectionSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: setPage,
            }}
          />
        </div>
      )}
      {open?.kind === 'reassign' && (
        <ReassignModal
          inspection={open.inspection}
          onClose={() => setOpen(null)}
          onDone={(name) => {
            setOpen(null);
            void message.success(t('inspections.reassign.done', { name }));
            refresh();
          }}
        />
      )}
      {open?.kind === 'cancel' && (
        <CancelModal
          inspection={open.inspection}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            void message.success(t('inspections.cancel.done'));
            refresh();
          }}
        />
      )}
    </>
  );
}
