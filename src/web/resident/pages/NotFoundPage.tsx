import { GoneNotice } from '../components/GoneNotice.tsx';
import { useTitle } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { Link } from '../router.tsx';

/** Any other path under the resident pages. */
export function NotFoundPage() {
  const { t } = useT();
  useTitle(t('notFound.title'));
  return (
    <GoneNotice title={t('notFound.title')} text={t('notFound.text')}>
      <li>
        <Link to="/find" className="r-button r-button-secondary">
          {t('nav.find')}
        </Link>
      </li>
    </GoneNotice>
  );
}
