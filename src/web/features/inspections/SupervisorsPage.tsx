import { useState } from 'react';
import { App, Button, Input, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useAbilities } from '../../app/abilities.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { appointmentLetterUrl, supervisorsApi, type Supervisor } from './api.ts';
import { supervisorColors, supervisorStatusLabel, tone } from './labels.ts';
import { DismissModal, RenewModal, SupervisorFormModal } from './SupervisorModals.tsx';
import './inspections.css';

const PAGE_SIZE = 20;

type Open =
  | { kind: 'appoint' }
  | { kind: 'edit'; supervisor: Supervisor }
  | { kind: 'renew'; supervisor: Supervisor }
  | { kind: 'dismiss'; supervisor: Supervisor }
  | null;

/** 群众监督员: the street's roster; appoint, edit, renew, dismiss, the 聘书 and the unmasked phone (logged). */
export default function SupervisorsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const abilities = useAbilities();
  usePageTitle(t('inspections.supervisors.heading'));
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Open>(null);
  const [phones, setPhones] = useState<Record<number, string>>({});
  const { data, error, loading, loadedKey, reload } = useLoad(
    (signal) => supervisorsApi.list({ q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    `${q}|${page}`,
  );

  const reveal = async (s: Supervisor) => {
    try {
      const contact = await supervisorsApi.contact(s.id);
      setPhones((p) => ({ ...p, [s.id]: contact.phone }));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const done = (text: string) => {
    setOpen(null);
    void message.success(text);
    reload();
  };

  const columns: TableColumnsType<Supervisor> = [
    { title: t('inspections.supervisors.col.name'), dataIndex: 'name', key: 'name' },
    { title: t('inspections.supervisors.col.card'), dataIndex: 'cardNumber', key: 'card', responsive: ['md'] },
    {
      title: t('inspections.supervisors.col.community'),
      key: 'community',
      responsive: ['lg'],
      render: (_, s) => s.communityName ?? '—',
    },
    {
      title: t('inspections.supervisors.col.phone'),
      key: 'phone',
      render: (_, s) => {
        const full = phones[s.id];
        if (full) return <a href={`tel:${full}`}>{full}</a>;
        return (
          <Space size={4} wrap>
            <span>{s.phone}</span>
            {s.allowedActions.includes('revealPhone') && (
              <Button
                size="small"
                type="link"
                onClick={() => void reveal(s)}
                aria-label={`${t('inspections.supervisors.revealPhone')} ${s.name}`}
              >
                {t('inspections.supervisors.revealPhone')}
              </Button>
            )}
          </Space>
        );
      },
    },
    {
      title: t('inspections.supervisors.col.term'),
      key: 'term',
      responsive: ['md'],
      render: (_, s) => `${s.termStart} ~ ${s.termEnd}`,
    },
    {
      title: t('inspections.supervisors.col.status'),
      key: 'status',
      render: (_, s) => (
        <Space size={4} wrap>
          <Tag color={supervisorColors[s.status]} data-status={s.status}>
            {supervisorStatusLabel(t, s.status)}
          </Tag>
          {s.activity.inactive && <Tag color={tone.orange}>{t('inspections.supervisor.inactive')}</Tag>}
          {s.statusReason && (
            <span className="hm-muted">{t('inspections.supervisors.reason', { reason: s.statusReason })}</span>
          )}
        </Space>
      ),
    },
    {
      title: t('inspections.supervisors.col.activity'),
      key: 'activity',
      responsive: ['sm'],
      render: (_, s) =>
        t('inspections.supervisors.activity', {
          done: s.activity.done,
          onTime: s.activity.onTime,
          overdue: s.activity.overdue,
        }),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) => (
        <Space wrap size={4}>
          {s.allowedActions.includes('edit') && (
            <Button
              size="small"
              onClick={() => setOpen({ kind: 'edit', supervisor: s })}
              aria-label={`${t('inspections.supervisors.edit')} ${s.name}`}
            >
              {t('inspections.supervisors.edit')}
            </Button>
          )}
          {s.allowedActions.includes('renew') && (
            <Button
              size="small"
              onClick={() => setOpen({ kind: 'renew', supervisor: s })}
              aria-label={`${t('inspections.supervisors.renew')} ${s.name}`}
            >
              {t('inspections.supervisors.renew')}
            </Button>
          )}
          {s.allowedActions.includes('dismiss') && (
            <Button
              size="small"
              danger
              onClick={() => setOpen({ kind: 'dismiss', supervisor: s })}
              aria-label={`${t('inspections.supervisors.dismiss')} ${s.name}`}
            >
              {t('inspections.supervisors.dismiss')}
            </Button>
          )}
          {s.allowedActions.includes('printLetter') && (
            <a
              href={appointmentLetterUrl(s.id)}
              target="_blank"
              rel="noreferrer"
              aria-label={`${t('inspections.supervisors.letter')} ${s.name}`}
            >
              {t('inspections.supervisors.letter')}
            </a>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <h1 className="hm-page-title">{t('inspections.supervisors.heading')}</h1>
      <div className="hm-toolbar">
        <div role="search" className="hm-field hm-field-wide">
          <label htmlFor="supervisor-search">{t('inspections.supervisors.search')}</label>
          <Input.Search
            id="supervisor-search"
            allowClear
            enterButton={t('common.search')}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
          />
        </div>
        {abilities.may('create', 'supervisor') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'appoint' })}>
            {t('inspections.supervisors.appoint')}
          </Button>
        )}
      </div>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="supervisors-table" aria-busy={loading} data-loaded={loadedKey ?? undefined}>
          <Table<Supervisor>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
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
      {open?.kind === 'appoint' || open?.kind === 'edit' ? (
        <SupervisorFormModal
          supervisor={open.kind === 'edit' ? open.supervisor : null}
          onClose={() => setOpen(null)}
          onDone={(s) =>
            done(
              open.kind === 'edit'
                ? t('inspections.supervisors.saved')
                : t('inspections.supervisors.appointed', { name: s.name }),
            )
          }
        />
      ) : null}
      {open?.kind === 'renew' && (
        <RenewModal
          supervisor={open.supervisor}
          onClose={() => setOpen(null)}
          onDone={(s) =>
            done(
              t('inspections.supervisors.renewed', {
                date: new Date(`${s.termEnd}T00:00:00`).toLocaleDateString(locale),
              }),
            )
          }
        />
      )}
      {open?.kind === 'dismiss' && (
        <DismissModal
          supervisor={open.supervisor}
          onClose={() => setOpen(null)}
          onDone={(s) => done(t('inspections.supervisors.dismissed', { name: s.name }))}
        />
      )}
    </>
  );
}
