import { Card, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { Coverage } from './api.ts';

type Street = Coverage['streets'][number];

/** Per street: studios to inspect this quarter, inspected, still planned, overdue, and those never inspected. */
export function CoveragePanel({ coverage, loading }: { coverage: Coverage | undefined; loading: boolean }) {
  const { t } = useI18n();
  const streets = coverage?.streets ?? [];
  const columns: TableColumnsType<Street> = [
    { title: t('inspections.coverage.street'), dataIndex: 'streetName', key: 'street' },
    { title: t('inspections.coverage.studios'), dataIndex: 'studios', key: 'studios' },
    { title: t('inspections.coverage.inspected'), dataIndex: 'inspected', key: 'inspected' },
    { title: t('inspections.coverage.planned'), dataIndex: 'planned', key: 'planned' },
    { title: t('inspections.coverage.overdue'), dataIndex: 'overdue', key: 'overdue' },
  ];
  const uninspected = streets.flatMap((s) => s.uninspected.map((u) => ({ ...u, streetName: s.streetName })));
  return (
    <Card
      title={<h2 className="hm-card-title">{t('inspections.coverage.heading')}</h2>}
      size="small"
      className="hm-insp-coverage"
      data-testid="coverage"
      aria-busy={loading}
    >
      <Table<Street>
        rowKey="streetId"
        size="small"
        columns={columns}
        dataSource={streets}
        loading={loading}
        pagination={false}
      />
      {!loading && coverage && (
        <section aria-labelledby="uninspected-title">
          <h3 id="uninspected-title" className="hm-insp-subtitle">
            {t('inspections.coverage.uninspected')}
          </h3>
          {uninspected.length === 0 ? (
            <p className="hm-muted">{t('inspections.coverage.allInspected')}</p>
          ) : (
            <ul className="hm-insp-uninspected" data-testid="uninspected">
              {uninspected.map((u) => (
                <li key={u.studioId}>
                  {u.studioName} <span className="hm-muted">（{u.unitName}）</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Card>
  );
}
