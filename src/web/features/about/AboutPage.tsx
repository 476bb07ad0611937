import { Card, Descriptions, Skeleton, Tag } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { aboutApi } from './api.ts';
import { dataSources } from './sources.ts';

/** 关于: what Huimin is, the running version, and the attribution of the shipped data. */
export default function AboutPage() {
  const { t } = useI18n();
  usePageTitle(t('about.heading'));
  const { data: health, error, reload } = useLoad((signal) => aboutApi.health(signal), 'health');

  return (
    <div className="hm-about">
      <h1 className="hm-page-title">{t('about.heading')}</h1>
      <p>{t('about.intro')}</p>
      <p>{t('about.scope')}</p>

      <Card size="small" title={<h2 className="hm-card-title">{t('about.version')}</h2>} style={{ marginBottom: 16 }}>
        {error && <LoadError message={error} onRetry={reload} />}
        {!error && !health && <Skeleton active paragraph={{ rows: 2 }} />}
        {health && (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'version',
                label: t('about.version'),
                children: <span data-testid="app-version">{health.appVersion}</span>,
              },
              {
                key: 'status',
                label: t('about.status'),
                children: (
                  <Tag color={health.status === 'ok' ? 'green' : 'red'}>
                    {t(health.status === 'ok' ? 'about.status.ok' : 'about.status.degraded')}
                  </Tag>
                ),
              },
              {
                key: 'db',
                label: t('about.database'),
                children: health.database.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL',
              },
              { key: 'schema', label: t('about.schema'), children: health.database.schemaVersion ?? t('common.none') },
            ]}
          />
        )}
      </Card>

      <Card size="small" title={<h2 className="hm-card-title">{t('about.attributionHeading')}</h2>}>
        <p className="hm-attribution" data-testid="attribution">
          {t('about.attribution')}
        </p>
        <ul>
          {dataSources.map((source) => (
            <li key={source.url}>
              <a href={source.url} target="_blank" rel="noreferrer">
                {source.name}
              </a>
              {' — '}
              {t(source.description)}
            </li>
          ))}
        </ul>
        <p className="hm-muted">{t('about.coords')}</p>
      </Card>
    </div>
  );
}
