import { Alert, Button, Modal, Spin, Table } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { MessageKey, Translate } from '../../lib/i18n/index.ts';
import type { Locale } from '../../lib/i18n/index.ts';
import { useLoad } from '../../lib/use-load.ts';
import { recordsApi, type Category, type ServiceRecord } from './api.ts';
import { categoryName, formatTime, groupLabel, modeLabel, type ServedGroup, type ServiceMode } from './labels.ts';

const FIELDS: ReadonlyArray<[string, MessageKey]> = [
  ['servedAt', 'delivery.form.servedAt'],
  ['durationMinutes', 'delivery.form.duration'],
  ['recipientName', 'delivery.form.recipient'],
  ['groups', 'delivery.form.groups'],
  ['categoryId', 'delivery.form.category'],
  ['mode', 'delivery.form.mode'],
  ['content', 'delivery.form.content'],
  ['personTimes', 'delivery.form.personTimes'],
];

/** One field's value as people read it. Recipients are masked here like everywhere else. */
function show(field: string, value: unknown, t: Translate, locale: Locale, categories: Category[] | undefined): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (field === 'servedAt' && typeof value === 'string') return formatTime(value, locale);
  if (field === 'groups' && Array.isArray(value))
    return value.map((g) => groupLabel(t, g as ServedGroup)).join(t('delivery.listSeparator'));
  if (field === 'categoryId' && typeof value === 'number') return categoryName(categories, value, locale);
  if (field === 'mode' && typeof value === 'string') return modeLabel(t, value as ServiceMode);
  if (field === 'recipientName' && typeof value === 'string') return `${[...value][0] ?? ''}**`;
  return String(value);
}

const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

interface Props {
  record: ServiceRecord | null;
  categories: Category[] | undefined;
  onClose(): void;
}

/** The correction history of a record for staff: who changed what, and when; only the fields that changed. */
export function RevisionsModal({ record, categories, onClose }: Props) {
  const { t, locale } = useI18n();
  const { data, error, loading } = useLoad(
    (signal) => (record ? recordsApi.revisions(record.id, signal) : Promise.resolve([])),
    String(record?.id ?? ''),
  );

  return (
    <Modal
      open={record !== null}
      title={t('delivery.revisions.title')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('delivery.close')}</Button>}
      width={720}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon role="alert" title={error} />
      ) : loading || !data ? (
        <Spin description={t('common.loading')} />
      ) : data.length === 0 ? (
        <p>{t('delivery.revisions.none')}</p>
      ) : (
        data.map((rev, i) => {
          const before = asRecord(rev.before);
          const after = asRecord(rev.after);
          const rows = FIELDS.filter(
            ([f]) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null),
          ).map(([f, label]) => ({
            key: f,
            field: t(label),
            before: show(f, before[f], t, locale, categories),
            after: show(f, after[f], t, locale, categories),
          }));
          return (
            <section key={i} data-testid="revision">
              <h3 className="hm-detail-title">
                {t('delivery.revisions.by', { name: rev.by, time: formatTime(rev.at, locale) })}
              </h3>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={rows}
                style={{ marginBottom: 16 }}
                columns={[
                  { title: t('delivery.revisions.field'), dataIndex: 'field', key: 'field' },
                  { title: t('delivery.revisions.before'), dataIndex: 'before', key: 'before' },
                  { title: t('delivery.revisions.after'), dataIndex: 'after', key: 'after' },
                ]}
              />
            </section>
          );
        })
      )}
    </Modal>
  );
}
