import { useState } from 'react';
import { Checkbox, Select, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { UnitSelect } from '../org-units/UnitSelect.tsx';
import { lettersApi, type LetterSummary } from './api.ts';
import { letterStatuses, letterTypes, statusLabel, typeLabel, type LetterStatus, type LetterType } from './labels.ts';
import { LetterTags } from './LetterTags.tsx';
import './mailbox.css';

const PAGE_SIZE = 20;
const UNIT_LEVELS = ['street', 'town', 'community', 'village', 'enterprise'] as const;
const FLAGS = ['open', 'overdue', 'escalated', 'mine'] as const;
type Flag = (typeof FLAGS)[number];

/** 监督信箱: the letters in scope, most urgent deadline first, overdue ones flagged. */
export default function LettersPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('mailbox.list.heading'));
  const [status, setStatus] = useState<LetterStatus | undefined>(undefined);
  const [type, setType] = useState<LetterType | undefined>(undefined);
  const [under, setUnder] = useState<number | undefined>(undefined);
  // A 工作台 to-do links here with its flag in the address (?overdue=1, ?escalated=1).
  const [params] = useSearchParams();
  const [flags, setFlags] = useState<Record<Flag, boolean>>(() => ({
    open: params.get('open') === '1',
    overdue: params.get('overdue') === '1',
    escalated: params.get('escalated') === '1',
    mine: params.get('mine') === '1',
  }));
  const [page, setPage] = useState(1);
  const on = (b: boolean) => (b ? '1' : undefined);
  const { data, error, loading, loadedKey, reload } = useLoad(
    (signal) =>
      lettersApi.list(
        {
          status,
          type,
          under,
          open: on(flags.open),
          overdue: on(flags.overdue),
          escalated: on(flags.escalated),
          mine: on(flags.mine),
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        },
        signal,
      ),
    `${status ?? ''}|${type ?? ''}|${under ?? ''}|${flags.open}|${flags.overdue}|${flags.escalated}|${flags.mine}|${page}`,
  );
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const day = (d: string | null) => (d ? new Date(`${d}T00:00:00`).toLocaleDateString(locale) : '—');

  const columns: TableColumnsType<LetterSummary> = [
    {
      title: t('mailbox.col.code'),
      key: 'code',
      render: (_, l) => (
        <Link to={`/letters/${l.id}`} lang="en">
          {l.trackingCode}
        </Link>
      ),
    },
    { title: t('mailbox.col.type'), key: 'type', render: (_, l) => typeLabel(t, l.type) },
    {
      title: t('mailbox.col.about'),
      key: 'about',
      responsive: ['sm'],
      render: (_, l) => (
        <>
          <div>{l.studio?.name ?? l.unit.name}</div>
          <div className="hm-muted">{l.studio ? `${l.unit.name} · ${l.street.name}` : l.street.name}</div>
        </>
      ),
    },
    { title: t('mailbox.col.excerpt'), dataIndex: 'excerpt', key: 'excerpt', responsive: ['md'] },
    { title: t('mailbox.col.status'), key: 'status', render: (_, l) => <LetterTags letter={l} /> },
    {
      title: t('mailbox.col.handler'),
      key: 'handler',
      responsive: ['lg'],
      render: (_, l) => l.handler?.name ?? t('common.none'),
    },
    { title: t('mailbox.col.due'), key: 'due', render: (_, l) => day(l.nextDue) },
  ];

  return (
    <>
      <h1 className="hm-page-title">{t('mailbox.list.heading')}</h1>
      <div role="search" aria-label={t('mailbox.filter.label')} className="hm-toolbar">
        <div className="hm-field">
          <label htmlFor="letter-status">{t('mailbox.filter.status')}</label>
          <Select<LetterStatus | ''>
            id="letter-status"
            style={{ minWidth: 160 }}
            value={status ?? ''}
            onChange={(v) => filter(setStatus)(v || undefined)}
            options={[
              { value: '', label: t('mailbox.filter.all') },
              ...letterStatuses.map((s) => ({ value: s, label: statusLabel(t, s) })),
            ]}
          />
        </div>
        <div className="hm-field">
          <label htmlFor="letter-type">{t('mailbox.filter.type')}</label>
          <Select<LetterType | ''>
            id="letter-type"
            style={{ minWidth: 140 }}
            value={type ?? ''}
            onChange={(v) => filter(setType)(v || undefined)}
            options={[
              { value: '', label: t('mailbox.filter.all') },
              ...letterTypes.map((s) => ({ value: s, label: typeLabel(t, s) })),
            ]}
          />
        </div>
        <div className="hm-field">
          {/* No placeholder: antd's placeholder grey is below 4.5:1; empty means every unit in scope. */}
          <label htmlFor="letter-unit">{t('mailbox.filter.unit')}</label>
          <UnitSelect id="letter-unit" value={under} onChange={filter(setUnder)} levels={UNIT_LEVELS} />
        </div>
        {FLAGS.map((flag) => (
          <Checkbox
            key={flag}
            checked={flags[flag]}
            onChange={(e) => filter(setFlags)({ ...flags, [flag]: e.target.checked })}
          >
            {t(`mailbox.filter.${flag}`)}
          </Checkbox>
        ))}
      </div>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="letters-table" aria-busy={loading} data-loaded={loadedKey ?? undefined}>
          <Table<LetterSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            locale={{ emptyText: t('mailbox.empty') }}
            rowClassName={(l) => (l.overdue ? 'hm-letter-overdue' : '')}
            caption={<span className="hm-visually-hidden">{t('mailbox.list.heading')}</span>}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (n) => t('common.total', { total: n }),
              onChange: setPage,
              hideOnSinglePage: true,
            }}
          />
        </div>
      )}
    </>
  );
}
