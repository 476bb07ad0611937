import { useEffect, useState } from 'react';
import { aboutApi } from '../features/about/api.ts';
import { useI18n } from '../lib/i18n/react.tsx';

/** On a demo instance (HUIMIN_DEMO=1, as /api/health says) every page says so, sign-in included. */
export function DemoBanner() {
  const { t } = useI18n();
  const [isDemo, setDemo] = useState(false);
  useEffect(() => {
    const ctrl = new AbortController();
    aboutApi
      .health(ctrl.signal)
      .then((h) => setDemo(h.demo))
      .catch(() => undefined);
    return () => ctrl.abort();
  }, []);
  if (!isDemo) return null;
  return (
    <aside className="demo-banner" aria-label={t('demo.label')}>
      {t('demo.text')}
    </aside>
  );
}
