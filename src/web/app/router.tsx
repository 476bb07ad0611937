import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import LoginPage from '../features/auth/LoginPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { RequireAuth, RequireRole } from './guards.tsx';
import NotFoundPage from './NotFoundPage.tsx';

// Pages load on demand: the login page (eager) stays small on a slow phone network.
const OrgPage = lazy(() => import('../features/org-units/OrgPage.tsx'));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage.tsx'));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx'));
const AboutPage = lazy(() => import('../features/about/AboutPage.tsx'));
const RequestsPage = lazy(() => import('../features/delivery/RequestsPage.tsx'));
const RecordsPage = lazy(() => import('../features/delivery/RecordsPage.tsx'));
const RecordFormPage = lazy(() => import('../features/delivery/RecordFormPage.tsx'));
const LegalAidPage = lazy(() => import('../features/delivery/LegalAidPage.tsx'));
const RegistryPage = lazy(() => import('../features/registry/RegistryPage.tsx'));
const CategoriesPage = lazy(() => import('../features/categories/CategoriesPage.tsx'));
const NeedsPage = lazy(() => import('../features/needs/NeedsPage.tsx'));
const PressingPage = lazy(() => import('../features/needs/PressingPage.tsx'));
const MapPage = lazy(() => import('../features/siting/MapPage.tsx'));
const StudiosPage = lazy(() => import('../features/studios/StudiosPage.tsx'));
const MyStudiosPage = lazy(() => import('../features/studios/MyStudiosPage.tsx'));
const StudioApplyPage = lazy(() => import('../features/studios/ApplyPage.tsx'));
const StudioDetailPage = lazy(() => import('../features/studios/StudioDetailPage.tsx'));
const StudioReviewsPage = lazy(() => import('../features/studios/ReviewQueuePage.tsx'));
const StudioCommitmentsPage = lazy(() => import('../features/studios/CommitmentsPage.tsx'));
const RemindersPage = lazy(() => import('../features/studios/RemindersPage.tsx'));
const OutboxPage = lazy(() => import('../features/studios/OutboxPage.tsx'));

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
      {
        path: 'org',
        element: (
          <RequireRole path="/org">
            <OrgPage />
          </RequireRole>
        ),
      },
      {
        path: 'accounts',
        element: (
          <RequireRole path="/accounts">
            <AccountsPage />
          </RequireRole>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireRole path="/audit">
            <AuditPage />
          </RequireRole>
        ),
      },
      {
        path: 'about',
        element: (
          <RequireRole path="/about">
            <AboutPage />
          </RequireRole>
        ),
      },
      {
        path: 'requests',
        element: (
          <RequireRole path="/requests">
            <RequestsPage />
          </RequireRole>
        ),
      },
      {
        path: 'records',
        element: (
          <RequireRole path="/records">
            <RecordsPage />
          </RequireRole>
        ),
      },
      {
        path: 'records/new',
        element: (
          <RequireRole path="/records">
            <RecordFormPage />
          </RequireRole>
        ),
      },
      {
        path: 'records/:id/edit',
        element: (
          <RequireRole path="/records">
            <RecordFormPage />
          </RequireRole>
        ),
      },
      {
        path: 'legal-aid',
        element: (
          <RequireRole path="/legal-aid">
            <LegalAidPage />
          </RequireRole>
        ),
      },
      {
        path: 'registry',
        element: (
          <RequireRole path="/registry">
            <RegistryPage />
          </RequireRole>
        ),
      },
      {
        path: 'categories',
        element: (
          <RequireRole path="/categories">
            <CategoriesPage />
          </RequireRole>
        ),
      },
      {
        path: 'needs',
        element: (
          <RequireRole path="/needs">
            <NeedsPage />
          </RequireRole>
        ),
      },
      {
        path: 'pressing',
        element: (
          <RequireRole path="/pressing">
            <PressingPage />
          </RequireRole>
        ),
      },
      {
        path: 'map',
        element: (
          <RequireRole path="/map">
            <MapPage />
          </RequireRole>
        ),
      },
      // Studios: a studio's own pages are not role-guarded here; the API shows each account only its scope.
      {
        path: 'studio-apply',
        element: (
          <RequireRole path="/studio-apply">
            <StudioApplyPage />
          </RequireRole>
        ),
      },
      {
        path: 'my-studios',
        element: (
          <RequireRole path="/my-studios">
            <MyStudiosPage />
          </RequireRole>
        ),
      },
      {
        path: 'studios',
        element: (
          <RequireRole path="/studios">
            <StudiosPage />
          </RequireRole>
        ),
      },
      {
        path: 'studios/new',
        element: (
          <RequireRole path="/studios">
            <StudioApplyPage />
          </RequireRole>
        ),
      },
      { path: 'studios/:id', element: <StudioDetailPage /> },
      { path: 'studios/:id/edit', element: <StudioApplyPage /> },
      { path: 'studios/:id/commitments', element: <StudioCommitmentsPage /> },
      {
        path: 'studio-reviews',
        element: (
          <RequireRole path="/studio-reviews">
            <StudioReviewsPage />
          </RequireRole>
        ),
      },
      {
        path: 'reminders',
        element: (
          <RequireRole path="/reminders">
            <RemindersPage />
          </RequireRole>
        ),
      },
      {
        path: 'outbox',
        element: (
          <RequireRole path="/outbox">
            <OutboxPage />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
