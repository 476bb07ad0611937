import { Col, Row } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { AuditEntry } from './api.ts';

function Json({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === null || value === undefined) return <p className="hm-muted">{t('common.none')}</p>;
  return <pre className="hm-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** The expanded row: the object's fields before and after the change (personal data already masked by the server). */
export function ChangeDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  return (
    <div data-testid={`audit-details-${entry.id}`}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <h3 className="hm-detail-title">{t('audit.before')}</h3>
          <Json value={entry.before} />
        </Col>
        <Col xs={24} md={12}>
          <h3 className="hm-detail-title">{t('audit.after')}</h3>
          <Json value={entry.after} />
        </Col>
      </Row>
      <p className="hm-muted">
        {t('audit.requestId')}: {entry.requestId ?? t('common.none')} · {t('audit.col.ip')}:{' '}
        {entry.ip ?? t('common.none')}
      </p>
    </div>
  );
}
