import { useI18n } from '../lib/i18n/react.tsx';

/** The first focusable element: jumps keyboard and screen-reader users past the header and menu. */
export function SkipLink({ target = 'main' }: { target?: string }) {
  const { t } = useI18n();
  return (
    <a className="hm-skip-link" href={`#${target}`}>
      {t('a11y.skipToContent')}
    </a>
  );
}
