import { lazy, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Spin } from 'antd';
import { useI18n } from '../lib/i18n/react.tsx';
import { useAbilities } from './abilities.ts';
import { useSession } from './session.tsx';

// Rarely shown, and antd's Result is large: fetched only when a page is refused.
const NoPermission = lazy(() => import('../components/NoPermission.tsx').then((m) => ({ default: m.NoPermission })));

/** Where the login page sends the person after signing in. */
export interface LoginState {
  from?: string;
}

/** The whole-page spinner while the session or the signed-in frame loads. */
export function PageLoading() {
  const { t } = useI18n();
  return <Spin size="large" description={t('common.loading')} className="hm-page-spin" fullscreen />;
}

/**
 * Renders its children only when signed in; otherwise the login page, remembering where to return.
 * `preload` starts fetching the signed-in frame's code while the session is still being read.
 */
export function RequireAuth({ children, preload }: { children: ReactNode; preload?: () => Promise<unknown> }) {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) {
    // Most who open a console page are signed in: their frame downloads during the session check.
    void preload?.();
    return <PageLoading />;
  }
  if (me === null)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search } satisfies LoginState} />;
  return children;
}

/** Renders a menu page only for those the menu shows it to; others get a no-permission message. */
export function RequireAccess({ path, children }: { path: string; children: ReactNode }) {
  return useAbilities().mayOpen(path) ? children : <NoPermission />;
}
