import { Card, Descriptions, List, Tag } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { Category, StudioDetail } from './api.ts';
import { categoryName } from './labels.ts';

/** The application as it stands: what, where, when, who and on what qualifications. */
export function StudioInfo({ studio, categories }: { studio: StudioDetail; categories: Category[] }) {
  const { t, locale } = useI18n();
  const none = <span className="hm-muted">{t('common.none')}</span>;
  const categoryNames = studio.categoryIds
    .map((id) => categories.find((c) => c.id === id))
    .filter((c): c is Category => c !== undefined);
  return (
    <>
      <Card
        size="small"
        title={<h2 className="hm-card-title">{t('studios.detail.application')}</h2>}
        className="hm-studio-card"
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 1, xxl: 2 }}
          bordered
          data-testid="studio-info"
        >
          <Descriptions.Item label={t('studios.detail.origin')}>
            {studio.origin === 'self'
              ? t('studios.origin.self')
              : t('studios.origin.recommended', { unit: studio.recommendedByUnitName ?? '' })}
          </Descriptions.Item>
          <Descriptions.Item label={t('studios.detail.applicant')}>{studio.applicantName}</Descriptions.Item>
          <Descriptions.Item label={t('studios.form.unit')}>{studio.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('studios.form.categories')}>
            {categoryNames.length ? categoryNames.map((c) => <Tag key={c.id}>{categoryName(c, locale)}</Tag>) : none}
          </Descriptions.Item>
          <Descriptions.Item label={t('studios.form.venue')}>{studio.venueAddress}</Descriptions.Item>
          <Descriptions.Item label={t('studios.form.hours')}>{studio.openingHours}</Descriptions.Item>
          <Descriptions.Item label={t('studios.form.phone')}>{studio.contactPhone ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('studios.form.staffing')}>
            {t(`studios.staffing.${studio.staffingMode}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('studios.detail.term')}>
            {studio.termStart && studio.termEnd ? `${studio.termStart} — ${studio.termEnd}` : none}
          </Descriptions.Item>
          <Descriptions.Item label={t('studios.col.plaque')}>{studio.plaqueNumber ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('studios.form.description')} span="filled">
            {studio.description || none}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={<h2 className="hm-card-title">{t('studios.form.serviceItems')}</h2>}
        className="hm-studio-card"
      >
        <ol className="hm-plain-list" data-testid="studio-items">
          {studio.serviceItems.map((item, i) => (
            <li key={i}>
              <strong>{item.title}</strong>
              {item.description && <div className="hm-muted">{item.description}</div>}
            </li>
          ))}
        </ol>
      </Card>
      <Card
        size="small"
        title={<h2 className="hm-card-title">{t('studios.detail.members')}</h2>}
        className="hm-studio-card"
      >
        <List
          size="small"
          dataSource={studio.members}
          renderItem={(m) => (
            <List.Item>
              <span>
                {m.name} <Tag color={m.role === 'leader' ? 'red' : 'default'}>{t(`studios.memberRole.${m.role}`)}</Tag>
              </span>
              {/* Masked by the API; unmasked numbers are read through the registry, and logged. */}
              <span className="hm-muted">{m.phone ?? ''}</span>
            </List.Item>
          )}
        />
      </Card>
      <Card
        size="small"
        title={<h2 className="hm-card-title">{t('studios.form.qualifications')}</h2>}
        className="hm-studio-card"
      >
        {studio.qualifications.length === 0 ? (
          none
        ) : (
          <ul className="hm-plain-list">
            {studio.qualifications.map((q, i) => (
              <li key={i}>
                {q.holder} · {q.title}
                {q.issuer && <span className="hm-muted"> · {q.issuer}</span>}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
