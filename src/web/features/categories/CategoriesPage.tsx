import { useState } from 'react';
import { App, Button, Switch, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { categoriesApi, type Category } from './api.ts';
import { CategoryFormModal } from './CategoryFormModal.tsx';
import { CategoryTag } from './CategoryTag.tsx';
import { useCategories } from './use-categories.ts';

/** 服务类别: the district's service categories; names in three languages, icon, colour, order, enabled. */
export default function CategoriesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  usePageTitle(t('categories.heading'));
  const { all, error, loading, reload } = useCategories();
  // undefined: no form; null: a new category; a category: editing it.
  const [editing, setEditing] = useState<Category | null | undefined>(undefined);
  const [switching, setSwitching] = useState<number | null>(null);
  // Disabling takes a category away from every new form and resident page: asked once first.
  const [disabling, setDisabling] = useState<Category | null>(null);

  const setEnabled = async (c: Category, enabled: boolean) => {
    setSwitching(c.id);
    try {
      const saved = await categoriesApi.update(c.id, { ...categoriesApi.inputOf(c), enabled });
      void message.success(
        t(saved.enabled ? 'categories.enabledDone' : 'categories.disabledDone', { name: saved.name[locale] }),
      );
      reload();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSwitching(null);
      setDisabling(null);
    }
  };

  const columns: TableColumnsType<Category> = [
    { title: t('categories.col.position'), dataIndex: 'position', key: 'position', width: 80 },
    { title: t('categories.col.category'), key: 'tag', render: (_, c) => <CategoryTag category={c} /> },
    {
      title: t('categories.col.zhCN'),
      key: 'zh-CN',
      render: (_, c) => <span lang="zh-CN">{c.name['zh-CN']}</span>,
      responsive: ['md'],
    },
    {
      title: t('categories.col.zhTW'),
      key: 'zh-TW',
      render: (_, c) => <span lang="zh-TW">{c.name['zh-TW']}</span>,
      responsive: ['md'],
    },
    {
      title: t('categories.col.en'),
      key: 'en',
      render: (_, c) => <span lang="en">{c.name.en}</span>,
      responsive: ['lg'],
    },
    { title: t('categories.col.code'), dataIndex: 'code', key: 'code', responsive: ['lg'] },
    {
      title: t('categories.col.enabled'),
      key: 'enabled',
      width: 120,
      render: (_, c) => (
        <Switch
          checked={c.enabled}
          loading={switching === c.id}
          disabled={!c.allowedActions.includes('update')}
          aria-label={t('categories.enabledFor', { name: c.name[locale] })}
          checkedChildren={t('categories.on')}
          unCheckedChildren={t('categories.off')}
          onChange={(on) => (on ? void setEnabled(c, true) : setDisabling(c))}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, c) => (
        <Button
          size="small"
          icon={<EditOutlined aria-hidden />}
          onClick={() => setEditing(c)}
          disabled={!c.allowedActions.includes('update')}
          aria-label={t('categories.editNamed', { name: c.name[locale] })}
        >
          {t('categories.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <h1 className="hm-page-title">{t('categories.heading')}</h1>
      <p className="hm-muted">{t('categories.intro')}</p>
      <div className="hm-toolbar">
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
          {t('categories.create')}
        </Button>
        <Tag>{t('common.total', { total: all.length })}</Tag>
      </div>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="categories-table" aria-busy={loading}>
          <Table<Category>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={all}
            loading={loading}
            pagination={false}
          />
        </div>
      )}
      <CategoryFormModal
        open={editing !== undefined}
        category={editing ?? null}
        nextPosition={Math.max(0, ...all.map((c) => c.position)) + 1}
        onClose={() => setEditing(undefined)}
        onSaved={(c) => {
          setEditing(undefined);
          void message.success(t('categories.saved', { name: c.name[locale] }));
          reload();
        }}
      />
      {disabling && (
        <ConfirmDialog
          open
          title={t('categories.confirmDisableTitle', { name: disabling.name[locale] })}
          okText={t('categories.confirmDisableOk')}
          danger
          busy={switching === disabling.id}
          onConfirm={() => void setEnabled(disabling, false)}
          onCancel={() => setDisabling(null)}
        >
          <p>{t('categories.confirmDisableBody')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
