import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { studiosApi, type Reminder } from './api.ts';

/** 提醒: contracts ending within 30 days and rectifications past their deadline, for the street. */
export default function RemindersPage() {
  const { t } = useI18n();
  usePageTitle(t('studios.reminders.heading'));
  const { data, error, loading, reload } = useLoad((signal) => studiosApi.reminders(signal), 'reminders');
  const columns: TableColumnsType<Reminder> = [
    {
      title: t('studios.reminders.kind'),
      key: 'kind',
      render: (_, r) => (
        <Tag color={r.kind === 'rectification_overdue' ? 'red' : 'orange'}>{t(`studios.reminders.kind.${r.kind}`)}</Tag>
      ),
    },
    {
      title: t('studios.col.name'),
      key: 'studio',
      render: (_, r) => <Link to={`/studios/${r.studioId}`}>{r.studioName}</Link>,
    },
    { title: t('studios.col.unit'), dataIndex: 'unitName', key: 'unit', responsive: ['sm'] },
    { title: t('studios.reminders.due'), dataIndex: 'due', key: 'due' },
  ];
  return (
    <>
      <h1 className="hm-page-title">{t('studios.reminders.heading')}</h1>
      <p className="hm-muted">{t('studios.reminders.help')}</p>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="reminders-table" aria-busy={loading}>
          <Table<Reminder>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data ?? []}
            loading={loading}
            caption={<span className="hm-visually-hidden">{t('studios.reminders.heading')}</span>}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
            locale={{ emptyText: t('studios.reminders.none') }}
          />
        </div>
      )}
    </>
  );
}
