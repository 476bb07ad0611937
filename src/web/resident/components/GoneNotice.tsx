import type { ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';
import { Link } from '../router.tsx';

/**
 * What a resident sees when the page or the thing asked for does not exist: what happened in
 * plain words, and the ways back (never a dead end). `heading` is the page's h1 when the notice
 * is the whole page, an h2 inside a page that has its own title.
 */
export function GoneNotice({
  title,
  text,
  level = 1,
  children,
}: {
  title: string;
  text: string;
  level?: 1 | 2;
  children?: ReactNode;
}) {
  const { t } = useT();
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section className="r-stack r-gone" data-testid="gone" aria-labelledby="gone-title">
      <Heading id="gone-title">{title}</Heading>
      <p>{text}</p>
      <ul className="r-ways-back" aria-label={t('gone.waysBack')}>
        {children}
        <li>
          <Link to="/" className="r-button">
            {t('gone.home')}
          </Link>
        </li>
      </ul>
    </section>
  );
}
