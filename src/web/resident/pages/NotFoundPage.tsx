import { useTitle } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { Link } from '../router.tsx';

/** Any other path under the resident pages. */
export function NotFoundPage() {
  const { t } = useT();
  useTitle(t('notFound.title'));
  return (
    <div className="r-stack">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/find" className="r-button">
          {t('nav.find')}
        </Link>
      </p>
    </div>
  );
}
