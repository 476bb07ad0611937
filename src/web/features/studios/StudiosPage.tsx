import { useState } from 'react';
import { Button, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { studioStatuses } from '../../../domain/studios/lifecycle.ts';
import { isGrassroots } from '../../../domain/org-units/units.ts';
import { useAbilities } from '../../app/abilities.ts';
import { useMe } from '../../app/session.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { studiosApi, type StudioStatus } from './api.ts';
import { statusLabel } from './labels.ts';
import { StudioTable } from './StudioTable.tsx';
import { ExportButton } from '../../components/ListTools.tsx';

const PAGE_SIZE = 20;

/** 工作室: every studio in the admin's subtree, filtered by status or searched by name. */
export default function StudiosPage() {
  const { t } = useI18n();
  const me = useMe();
  usePageTitle(t('studios.list.heading'));
  // A figure of the dashboard opens this list with its unit, status or category in the address.
  const [params] = useSearchParams();
  const under = params.get('under') ? Number(params.get('under')) : undefined;
  const categoryId = params.get('categoryId') ? Number(params.get('categoryId')) : undefined;
  const [status, setStatus] = useState<StudioStatus | undefined>(
    (studioStatuses as readonly string[]).includes(params.get('status') ?? '')
      ? (params.get('status') as StudioStatus)
      : undefined,
  );
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useLoad(
    (signal) =>
      studiosApi.list(
        { under, categoryId, status, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
        signal,
      ),
    `${under ?? ''}|${categoryId ?? ''}|${status ?? ''}|${q}|${page}`,
  );
  // 推荐: an organisation that may submit applications in its scope puts a member forward.
  const mayRecommend = useAbilities().scope('submit', 'studio') === 'inScope';

  return (
    <>
      <h1 className="hm-page-title">{t('studios.list.heading')}</h1>
      <div className="hm-list-tools">
        <ExportButton
          path="/api/studios/export.xlsx"
          query={{ under, categoryId, status, q: q || undefined }}
          fallback="studios.xlsx"
        />
      </div>
      <div className="hm-toolbar">
        <div className="hm-field">
          <label htmlFor="studio-status">{t('studios.list.statusFilter')}</label>
          <Select<StudioStatus>
            id="studio-status"
            style={{ minWidth: 200 }}
            allowClear
            placeholder={t('studios.list.allStatuses')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={studioStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
          />
        </div>
        <div role="search" className="hm-field hm-field-wide">
          <label htmlFor="studio-search">{t('studios.list.searchLabel')}</label>
          <Input.Search
            id="studio-search"
            allowClear
            enterButton={t('common.search')}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
          />
        </div>
        {mayRecommend && (
          <Link to="/studios/new">
            <Button type="primary" icon={<PlusOutlined />} tabIndex={-1}>
              {t('studios.list.recommend')}
            </Button>
          </Link>
        )}
        {/* A grassroots unit hangs a bulletin board of its studios. */}
        {isGrassroots(me.unit.level) && (
          <a href={`/board/${me.unit.id}`} target="_blank" rel="noopener">
            {t('studios.list.board')}
          </a>
        )}
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
          caption={t('studios.list.heading')}
        />
      )}
    </>
  );
}
