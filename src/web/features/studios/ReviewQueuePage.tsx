import { useState } from 'react';
import { Alert } from 'antd';
import { useAbilities } from '../../app/abilities.ts';
import { studioLifecycle } from '../../../domain/studios/lifecycle.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { studiosApi, type StudioStatus } from './api.ts';
import { StudioTable } from './StudioTable.tsx';

const PAGE_SIZE = 20;

/**
 * 资质审核: the applications waiting for this admin's stage of the review — submitted ones for
 * the community, community-reviewed ones for the street, which decides.
 */
export default function ReviewQueuePage() {
  const { t } = useI18n();
  usePageTitle(t('studios.queue.heading'));
  const [page, setPage] = useState(1);
  // The stage of the review this account takes, and the status its applications wait in.
  const stage = useAbilities().may('streetReview', 'studio') ? 'streetReview' : 'communityReview';
  const [waiting = 'submitted']: readonly StudioStatus[] = studioLifecycle.spec(stage).from;
  const { data, error, loading, reload } = useLoad(
    (signal) => studiosApi.list({ status: waiting, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    `${waiting}|${page}`,
  );

  return (
    <>
      <h1 className="hm-page-title">{t('studios.queue.heading')}</h1>
      <Alert
        type="info"
        showIcon
        title={t(stage === 'streetReview' ? 'studios.queue.hintStreet' : 'studios.queue.hintCommunity')}
        style={{ marginBottom: 16 }}
      />
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <StudioTable
          items={data?.items ?? []}
          total={data?.total ?? 0}
          loading={loading}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={setPage}
          caption={t('studios.queue.heading')}
        />
      )}
    </>
  );
}
