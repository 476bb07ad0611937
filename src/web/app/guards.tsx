import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Spin } from 'antd';
import { NoPermission } from '../components/NoPermission.tsx';
import { useI18n } from '../lib/i18n/react.tsx';
import { useAbilities } from './abilities.ts';
import { useSession } from './session.tsx';

/** Where the login page sends the person after signing in. */
export interface LoginState {
  from?: string;
}

/** Renders its children only when signed in; otherwise the login page, remembering where to return. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  const { t } = useI18n();
  if (me === undefined)
    return <Spin size="large" description={t('common.loading')} className="hm-page-spin" fullscreen />;
  if (me === null)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search } satisfies LoginState} />;
  return children;
}

/** Renders a menu page only for those the menu shows it to; others get a no-permission message. */
export function RequireAccess({ path, children }: { path: string; children: ReactNode }) {
  return useAbilities().mayOpen(path) ? children : <NoPermission />;
}
