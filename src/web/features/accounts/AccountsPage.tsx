import { useState } from 'react';
import { App, Button, Input, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../app/session.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { accountsApi, type Account } from './api.ts';
import { CreateAccountModal } from './CreateAccountModal.tsx';
import { formatDay } from '../../lib/dates.ts';
import { ExportButton } from '../../components/ListTools.tsx';

const PAGE_SIZE = 20;

/** 账号管理: the accounts in the admin's subtree; create, unlock, disable and enable. */
export default function AccountsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  usePageTitle(t('accounts.heading'));
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, error, loading, loadedKey, reload } = useLoad(
    (signal) => accountsApi.list({ q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    `${q}|${page}`,
  );

  const act = async (run: () => Promise<Account>, done: (a: Account) => string) => {
    try {
      const account = await run();
      void message.success(done(account));
      reload();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<Account> = [
    { title: t('accounts.col.username'), dataIndex: 'username', key: 'username' },
    { title: t('accounts.col.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('accounts.col.role'), key: 'role', render: (_, a) => t(`role.${a.role}`), responsive: ['sm'] },
    { title: t('accounts.col.unit'), dataIndex: 'unitName', key: 'unit', responsive: ['md'] },
    {
      title: t('accounts.col.status'),
      key: 'status',
      render: (_, a) => (
        <Space size={4} wrap>
          {a.disabled && <Tag color="default">{t('accounts.status.disabled')}</Tag>}
          {a.locked && <Tag color="orange">{t('accounts.status.locked')}</Tag>}
          {!a.disabled && !a.locked && <Tag color="green">{t('accounts.status.active')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('accounts.col.createdAt'),
      key: 'createdAt',
      responsive: ['lg'],
      render: (_, a) => formatDay(a.createdAt, locale),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, a) => (
        <Space wrap>
          {a.locked && (
            <Button
              size="small"
              onClick={() =>
                void act(
                  () => accountsApi.unlock(a.id),
                  (x) => t('accounts.unlocked', { name: x.username }),
                )
              }
            >
              {t('accounts.unlock')}
            </Button>
          )}
          {a.id !== me.id && (
            <Popconfirm
              title={t(a.disabled ? 'accounts.confirmEnable' : 'accounts.confirmDisable', { name: a.username })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                act(
                  () => accountsApi.setDisabled(a.id, !a.disabled),
                  (x) => t(x.disabled ? 'accounts.disabledDone' : 'accounts.enabledDone', { name: x.username }),
                )
              }
            >
              <Button
                size="small"
                danger={!a.disabled}
                aria-label={`${t(a.disabled ? 'accounts.enable' : 'accounts.disable')} ${a.username}`}
              >
                {t(a.disabled ? 'accounts.enable' : 'accounts.disable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <h1 className="hm-page-title">{t('accounts.heading')}</h1>
      <div className="hm-list-tools">
        <ExportButton path="/api/accounts/export.xlsx" query={{ q: q || undefined }} fallback="accounts.xlsx" />
      </div>
      <div className="hm-toolbar">
        <div role="search" className="hm-field hm-field-wide">
          <label htmlFor="account-search">{t('accounts.searchLabel')}</label>
          <Input.Search
            id="account-search"
            placeholder={t('accounts.searchPlaceholder')}
            allowClear
            enterButton={t('common.search')}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
          />
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('accounts.create')}
        </Button>
      </div>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="accounts-table" aria-busy={loading} data-loaded={loadedKey ?? undefined}>
          <Table<Account>
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
      <CreateAccountModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(account) => {
          setCreating(false);
          void message.success(t('accounts.created', { name: account.username }));
          reload();
        }}
      />
    </>
  );
}
