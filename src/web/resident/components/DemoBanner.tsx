import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useT } from '../i18n/index.tsx';

/** On a demo instance (HUIMIN_DEMO=1, as /api/health says) every resident page says so too. */
export function DemoBanner() {
  const { t } = useT();
  const [isDemo, setDemo] = useState(false);
  useEffect(() => {
    const ctrl = new AbortController();
    api
      .get<{ demo: boolean }>('/api/health', undefined, ctrl.signal)
      .then((h) => setDemo(h.demo))
      .catch(() => undefined);
    return () => ctrl.abort();
  }, []);
  if (!isDemo) return null;
  return (
    <aside className="r-demo-banner" aria-label={t('demo.label')}>
      {t('demo.text')}
    </aside>
  );
}
