import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { studiosApi } from './api.ts';
import { StudioTable } from './StudioTable.tsx';

const PAGE_SIZE = 20;

/** 我的工作室: the studios the member applied for or leads, each linking to where it stands. */
export default function MyStudiosPage() {
  const { t } = useI18n();
  usePageTitle(t('studios.mine.heading'));
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useLoad(
    (signal) => studiosApi.list({ mine: '1', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    String(page),
  );

  return (
    <>
      <h1 className="hm-page-title">{t('studios.mine.heading')}</h1>
      <div className="hm-toolbar">
        <Link to="/studio-apply">
          <Button type="primary" icon={<PlusOutlined />} tabIndex={-1}>
            {t('studios.mine.apply')}
          </Button>
        </Link>
      </div>
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
          caption={t('studios.mine.heading')}
        />
      )}
    </>
  );
}
