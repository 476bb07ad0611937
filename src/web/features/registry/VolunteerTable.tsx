import { Button, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { Loaded } from '../../lib/use-load.ts';
import { CategoryTag } from '../categories/CategoryTag.tsx';
import type { Categories } from '../categories/use-categories.ts';
import type { Volunteer, VolunteerPage } from './api.ts';
import { ContactCell } from './ContactButton.tsx';
import { kindLabel, statusColor, statusLabel } from './labels.ts';

interface Props {
  loaded: Loaded<VolunteerPage>;
  categories: Categories;
  page: number;
  pageSize: number;
  onPage(page: number): void;
  onEdit(v: Volunteer): void;
  onScreen(v: Volunteer): void;
}

/** One page of the registry: phone and ID number masked as the API gives them. */
export function VolunteerTable({ loaded, categories, page, pageSize, onPage, onEdit, onScreen }: Props) {
  const { t } = useI18n();
  const { data, error, loading, loadedKey, reload } = loaded;

  const columns: TableColumnsType<Volunteer> = [
    {
      title: t('registry.col.name'),
      key: 'name',
      render: (_, v) => (
        <Space size={4} wrap>
          <strong>{v.name}</strong>
          <Tag>{kindLabel(t, v.kind)}</Tag>
        </Space>
      ),
    },
    { title: t('registry.col.unit'), dataIndex: 'unitName', key: 'unit', responsive: ['md'] },
    { title: t('registry.col.phone'), key: 'phone', render: (_, v) => <ContactCell key={v.id} volunteer={v} /> },
    {
      title: t('registry.col.idNumber'),
      key: 'idNumber',
      render: (_, v) => v.idNumber ?? <span className="hm-muted">{t('common.none')}</span>,
      responsive: ['xl'],
    },
    {
      title: t('registry.col.categories'),
      key: 'categories',
      responsive: ['lg'],
      render: (_, v) => (
        <Space size={[0, 4]} wrap>
          {v.categoryIds.map((id) => (
            <CategoryTag key={id} category={categories.byId.get(id)} />
          ))}
        </Space>
      ),
    },
    { title: t('registry.col.profession'), dataIndex: 'profession', key: 'profession', responsive: ['lg'] },
    {
      title: t('registry.col.status'),
      key: 'status',
      render: (_, v) => {
        const tag = <Tag color={statusColor[v.screeningStatus]}>{statusLabel(t, v.screeningStatus)}</Tag>;
        return v.screeningReason ? (
          <Tooltip title={t('registry.screen.reasonWas', { reason: v.screeningReason })}>{tag}</Tooltip>
        ) : (
          tag
        );
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, v) => (
        <Space wrap>
          <Button size="small" onClick={() => onEdit(v)} aria-label={t('registry.editNamed', { name: v.name })}>
            {t('registry.edit')}
          </Button>
          <Button size="small" onClick={() => onScreen(v)} aria-label={t('registry.screen.forName', { name: v.name })}>
            {t('registry.screen.action')}
          </Button>
        </Space>
      ),
    },
  ];

  if (error) return <LoadError message={error} onRetry={reload} />;
  return (
    <div data-testid="registry-table" aria-busy={loading} data-loaded={loadedKey ?? undefined}>
      <Table<Volunteer>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        caption={<span className="hm-visually-hidden">{t('registry.heading')}</span>}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) =>
            data?.totalIsEstimate ? t('registry.totalAbout', { total }) : t('common.total', { total }),
          onChange: onPage,
        }}
      />
    </div>
  );
}
