import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../lib/i18n/react.tsx';
import { usePageTitle } from '../lib/use-page-title.ts';

/** Any path the app does not know. */
export default function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <Result
      status="404"
      title={<h1 className="hm-result-title">{t('notFound.title')}</h1>}
      subTitle={t('notFound.body')}
      extra={
        <Link to="/">
          <Button type="primary" tabIndex={-1}>
            {t('notFound.back')}
          </Button>
        </Link>
      }
    />
  );
}
