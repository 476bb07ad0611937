import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import LoginPage from '../features/auth/LoginPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { RequireAuth, RequireRole } from './guards.tsx';
import NotFoundPage from './NotFoundPage.tsx';

// Pages load on demand: the login page (eager) stays small on a slow phone network.
const OrgPage = lazy(() => import('../features/org/OrgPage.tsx'));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage.tsx'));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx'));
const AboutPage = lazy(() => import('../features/about/AboutPage.tsx'));
const RegistryPage = lazy(() => import('../features/registry/RegistryPage.tsx'));
const CategoriesPage = lazy(() => import('../features/categories/CategoriesPage.tsx'));

/** The app's routes; role checks mirror the menu (navigation.ts). */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/org" replace /> },
      { path: 'org', element: <RequireRole path="/org"><OrgPage /></RequireRole> },
      { path: 'accounts', element: <RequireRole path="/accounts"><AccountsPage /></RequireRole> },
      { path: 'audit', element: <RequireRole path="/audit"><AuditPage /></RequireRole> },
      { path: 'about', element: <RequireRole path="/about"><AboutPage /></RequireRole> },
      { path: 'registry', element: <RequireRole path="/registry"><RegistryPage /></RequireRole> },
      { path: 'categories', element: <RequireRole path="/categories"><CategoriesPage /></RequireRole> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
