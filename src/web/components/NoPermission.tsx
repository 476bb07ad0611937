import { Result } from 'antd';
import { useI18n } from '../lib/i18n/react.tsx';
import { usePageTitle } from '../lib/use-page-title.ts';

/** What a role sees on a page it may not use (the API would answer 403 anyway). */
export function NoPermission() {
  const { t } = useI18n();
  usePageTitle(t('noPermission.title'));
  return (
    <Result
      status="403"
      title={<h1 className="hm-result-title">{t('noPermission.title')}</h1>}
      subTitle={t('noPermission.body')}
    />
  );
}
