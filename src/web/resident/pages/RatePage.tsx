import { RateByCode } from '../components/RateByCode.tsx';
import { useTitle } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';

/** /rate and /rate/:code — the rating form directly (from a receipt or a link). */
export function RatePage({ code }: { code: string | undefined }) {
  const { t } = useT();
  useTitle(t('rate.title'));
  return (
    <div className="r-stack">
      <h1>{t('rate.title')}</h1>
      <RateByCode key={code ?? ''} idPrefix="rate" initialCode={code?.toUpperCase() ?? ''} />
    </div>
  );
}
