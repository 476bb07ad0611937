import { useEffect } from 'react';
import { useI18n } from './i18n/react.tsx';

/** Sets the browser tab title to "<page> · 惠民" in the current language. */
export function usePageTitle(page: string): void {
  const { t } = useI18n();
  const app = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} · ${app}` : app;
  }, [page, app]);
}
