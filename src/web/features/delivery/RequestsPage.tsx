import { useState } from 'react';
import { App, Empty, Pagination, Select, Spin } from 'antd';
import { useAbilities } from '../../app/abilities.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { UnitSelect } from '../org-units/UnitSelect.tsx';
import { recordsApi, requestsApi, type ServiceRequest } from './api.ts';
import { DeclineModal } from './DeclineModal.tsx';
import { useCategories, useOutbox } from './hooks.ts';
import { requestStatuses, statusLabel, UNIT_LEVELS, type RequestStatus } from './labels.ts';
import { RequestCard } from './RequestCard.tsx';
import { StudioSelect } from './StudioSelect.tsx';
import './delivery.css';
import { ExportButton } from '../../components/ListTools.tsx';

const PAGE_SIZE = 20;

/** 服务请求: a member's studios' requests (accept, decline, complete, call, record); staff see those in scope. */
export default function RequestsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  // A member handles its own studios' requests; the organisations above, every request in scope.
  const staff = useAbilities().scope('handle', 'serviceRequest') !== 'own';
  usePageTitle(t('delivery.requests.heading'));
  const [status, setStatus] = useState<RequestStatus | undefined>(undefined);
  const [under, setUnder] = useState<number | undefined>(undefined);
  const [studioId, setStudioId] = useState<number | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [declining, setDeclining] = useState<ServiceRequest | null>(null);
  const categories = useCategories();
  // Which requests already have their record (sent, or waiting on this phone): a member's own
  // book is small, so its latest records are enough to tell.
  const { entries } = useOutbox();
  const written = useLoad(
    (signal) => (staff ? Promise.resolve(null) : recordsApi.list({ mine: '1', limit: 500 }, signal)),
    `written|${page}|${entries.length}`,
  );
  const recorded = new Set<number>([
    ...(written.data?.items ?? []).flatMap((r) => (r.requestId ? [r.requestId] : [])),
    ...entries.flatMap((e) => (e.body.requestId ? [e.body.requestId] : [])),
  ]);
  const { data, error, loading, loadedKey, reload } = useLoad(
    (signal) => requestsApi.list({ status, under, studioId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    `${status ?? ''}|${under ?? ''}|${studioId ?? ''}|${page}`,
  );
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <>
      <h1 className="hm-page-title">{t('delivery.requests.heading')}</h1>
      {staff && (
        <div className="hm-list-tools">
          <ExportButton path="/api/requests/export.xlsx" query={{ status, under, studioId }} fallback="requests.xlsx" />
        </div>
      )}
      <div role="search" aria-label={t('delivery.filter.label')} className="hm-dlv-filters">
        <div className="hm-field">
          <label htmlFor="request-status">{t('delivery.filter.status')}</label>
          <Select<RequestStatus | ''>
            id="request-status"
            value={status ?? ''}
            onChange={(v) => filter(setStatus)(v || undefined)}
            options={[
              { value: '', label: t('delivery.filter.all') },
              ...requestStatuses.map((s) => ({ value: s, label: statusLabel(t, s) })),
            ]}
          />
        </div>
        {staff && (
          <>
            <div className="hm-field">
              <label htmlFor="request-unit">{t('delivery.filter.unit')}</label>
              <UnitSelect
                id="request-unit"
                value={under}
                onChange={filter(setUnder)}
                levels={UNIT_LEVELS}
                placeholder={t('delivery.filter.all')}
              />
            </div>
            <div className="hm-field">
              <label htmlFor="request-studio">{t('delivery.filter.studio')}</label>
              <StudioSelect
                id="request-studio"
                value={studioId}
                under={under}
                allowClear
                onChange={filter(setStudioId)}
              />
            </div>
          </>
        )}
      </div>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <Spin spinning={loading} description={t('common.loading')}>
          {data && data.items.length === 0 ? (
            <Empty description={t('delivery.requests.empty')} />
          ) : (
            <ul
              className="hm-dlv-list"
              data-testid="request-list"
              aria-busy={loading}
              data-loaded={loadedKey ?? undefined}
            >
              {data?.items.map((r) => (
                <RequestCard
                  key={r.id}
                  request={r}
                  recorded={recorded.has(r.id)}
                  categories={categories}
                  onChanged={reload}
                  onDecline={setDeclining}
                />
              ))}
            </ul>
          )}
          {(data?.total ?? 0) > PAGE_SIZE && (
            <Pagination
              current={page}
              pageSize={PAGE_SIZE}
              total={data?.total ?? 0}
              showSizeChanger={false}
              showTotal={(total) => t('common.total', { total })}
              onChange={setPage}
            />
          )}
        </Spin>
      )}
      <DeclineModal
        request={declining}
        onClose={() => setDeclining(null)}
        onDeclined={() => {
          setDeclining(null);
          void message.success(t('delivery.requests.declined'));
          reload();
        }}
      />
    </>
  );
}
