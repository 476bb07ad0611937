import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import LoginPage from '../features/auth/LoginPage.tsx';
import { PageLoading, RequireAuth, RequireAccess } from './guards.tsx';

// Pages load on demand: the login page (eager) stays small on a slow phone network. The signed-in
// frame (menu, drawer, breadcrumbs) is a chunk of its own too, fetched while the session is read.
const layout = () => import('./AppLayout.tsx');
const AppLayout = lazy(() => layout().then((m) => ({ default: m.AppLayout })));
const NotFoundPage = lazy(() => import('./NotFoundPage.tsx'));
const WorkbenchPage = lazy(() => import('../features/workbench/WorkbenchPage.tsx'));
const OrgPage = lazy(() => import('../features/org-units/OrgPage.tsx'));
const UnitDetailPage = lazy(() => import('../features/org-units/UnitDetailPage.tsx'));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage.tsx'));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx'));
const AboutPage = lazy(() => import('../features/about/AboutPage.tsx'));
const RequestsPage = lazy(() => import('../features/delivery/RequestsPage.tsx'));
const RecordsPage = lazy(() => import('../features/delivery/RecordsPage.tsx'));
const RecordFormPage = lazy(() => import('../features/delivery/RecordFormPage.tsx'));
const LegalAidPage = lazy(() => import('../features/delivery/LegalAidPage.tsx'));
const LettersPage = lazy(() => import('../features/mailbox/LettersPage.tsx'));
const LetterDetailPage = lazy(() => import('../features/mailbox/LetterDetailPage.tsx'));
const LetterRatesPage = lazy(() => import('../features/mailbox/RatesPage.tsx'));
const MailboxSettingsPage = lazy(() => import('../features/mailbox/MailboxSettingsPage.tsx'));
const PublicAddressPage = lazy(() => import('../features/public/PublicAddressPage.tsx'));
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
const EvaluationPage = lazy(() => import('../features/evaluation/EvaluationPage.tsx'));
const ScoreDetailPage = lazy(() => import('../features/evaluation/ScoreDetailPage.tsx'));
const EvaluationProposalsPage = lazy(() => import('../features/evaluation/ProposalsPage.tsx'));
const YearEndPage = lazy(() => import('../features/evaluation/YearEndPage.tsx'));
const SchemePage = lazy(() => import('../features/evaluation/SchemePage.tsx'));
// The dashboard's chunk alone carries ECharts.
const DashboardPage = lazy(() => import('../features/statistics/DashboardPage.tsx'));
const BulletinsPage = lazy(() => import('../features/statistics/BulletinsPage.tsx'));
const NetworkImportsPage = lazy(() => import('../features/statistics/NetworkImportsPage.tsx'));
const BulletinPage = lazy(() => import('../features/statistics/BulletinPage.tsx'));
const SupervisorsPage = lazy(() => import('../features/inspections/SupervisorsPage.tsx'));
const InspectionsPage = lazy(() => import('../features/inspections/InspectionsPage.tsx'));
const InspectionDetailPage = lazy(() => import('../features/inspections/InspectionDetailPage.tsx'));
const ProposalsPage = lazy(() => import('../features/inspections/ProposalsPage.tsx'));
const ChecklistPage = lazy(() => import('../features/inspections/ChecklistPage.tsx'));
const SupervisionOverviewPage = lazy(() => import('../features/inspections/OverviewPage.tsx'));
// The supervisor's list and form are one chunk: once the list has opened, the form opens offline.
const visits = () => import('../features/inspections/MyInspectionsPage.tsx');
const MyInspectionsPage = lazy(visits);
const InspectionFormPage = lazy(() => visits().then((m) => ({ default: m.InspectionFormPage })));

/** The app's routes; a menu page opens to those the menu shows it to (navigation.ts). */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireAuth preload={layout}>
        <Suspense fallback={<PageLoading />}>
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
    children: [
      // Every role starts the day from its 工作台.
      { index: true, element: <Navigate to="/workbench" replace /> },
      {
        path: 'workbench',
        element: (
          <RequireAccess path="/workbench">
            <WorkbenchPage />
          </RequireAccess>
        ),
      },
      {
        path: 'org',
        element: (
          <RequireAccess path="/org">
            <OrgPage />
          </RequireAccess>
        ),
      },
      {
        path: 'org/units/:id',
        element: (
          <RequireAccess path="/org">
            <UnitDetailPage />
          </RequireAccess>
        ),
      },
      {
        path: 'accounts',
        element: (
          <RequireAccess path="/accounts">
            <AccountsPage />
          </RequireAccess>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireAccess path="/audit">
            <AuditPage />
          </RequireAccess>
        ),
      },
      {
        path: 'evaluation',
        element: (
          <RequireAccess path="/evaluation">
            <EvaluationPage />
          </RequireAccess>
        ),
      },
      {
        path: 'evaluation/scores/:id',
        element: (
          <RequireAccess path="/evaluation">
            <ScoreDetailPage />
          </RequireAccess>
        ),
      },
      {
        path: 'year-end',
        element: (
          <RequireAccess path="/year-end">
            <YearEndPage />
          </RequireAccess>
        ),
      },
      {
        path: 'evaluation-scheme',
        element: (
          <RequireAccess path="/evaluation-scheme">
            <SchemePage />
          </RequireAccess>
        ),
      },
      {
        path: 'evaluation-proposals',
        element: (
          <RequireAccess path="/evaluation-proposals">
            <EvaluationProposalsPage />
          </RequireAccess>
        ),
      },
      {
        path: 'statistics',
        element: (
          <RequireAccess path="/statistics">
            <DashboardPage />
          </RequireAccess>
        ),
      },
      {
        path: 'network-imports',
        element: (
          <RequireAccess path="/network-imports">
            <NetworkImportsPage />
          </RequireAccess>
        ),
      },
      {
        path: 'bulletins',
        element: (
          <RequireAccess path="/bulletins">
            <BulletinsPage />
          </RequireAccess>
        ),
      },
      {
        path: 'bulletins/:id',
        element: (
          <RequireAccess path="/bulletins">
            <BulletinPage />
          </RequireAccess>
        ),
      },
      {
        path: 'about',
        element: (
          <RequireAccess path="/about">
            <AboutPage />
          </RequireAccess>
        ),
      },
      {
        path: 'requests',
        element: (
          <RequireAccess path="/requests">
            <RequestsPage />
          </RequireAccess>
        ),
      },
      {
        path: 'records',
        element: (
          <RequireAccess path="/records">
            <RecordsPage />
          </RequireAccess>
        ),
      },
      {
        path: 'records/new',
        element: (
          <RequireAccess path="/records">
            <RecordFormPage />
          </RequireAccess>
        ),
      },
      {
        path: 'records/:id/edit',
        element: (
          <RequireAccess path="/records">
            <RecordFormPage />
          </RequireAccess>
        ),
      },
      {
        path: 'legal-aid',
        element: (
          <RequireAccess path="/legal-aid">
            <LegalAidPage />
          </RequireAccess>
        ),
      },
      {
        path: 'letters',
        element: (
          <RequireAccess path="/letters">
            <LettersPage />
          </RequireAccess>
        ),
      },
      {
        path: 'letters/:id',
        element: (
          <RequireAccess path="/letters">
            <LetterDetailPage />
          </RequireAccess>
        ),
      },
      {
        path: 'letter-rates',
        element: (
          <RequireAccess path="/letter-rates">
            <LetterRatesPage />
          </RequireAccess>
        ),
      },
      {
        path: 'supervision-overview',
        element: (
          <RequireAccess path="/supervision-overview">
            <SupervisionOverviewPage />
          </RequireAccess>
        ),
      },
      {
        path: 'mailbox-settings',
        element: (
          <RequireAccess path="/mailbox-settings">
            <MailboxSettingsPage />
          </RequireAccess>
        ),
      },
      {
        path: 'public-address',
        element: (
          <RequireAccess path="/public-address">
            <PublicAddressPage />
          </RequireAccess>
        ),
      },
      {
        path: 'registry',
        element: (
          <RequireAccess path="/registry">
            <RegistryPage />
          </RequireAccess>
        ),
      },
      {
        path: 'categories',
        element: (
          <RequireAccess path="/categories">
            <CategoriesPage />
          </RequireAccess>
        ),
      },
      {
        path: 'needs',
        element: (
          <RequireAccess path="/needs">
            <NeedsPage />
          </RequireAccess>
        ),
      },
      {
        path: 'pressing',
        element: (
          <RequireAccess path="/pressing">
            <PressingPage />
          </RequireAccess>
        ),
      },
      {
        path: 'map',
        element: (
          <RequireAccess path="/map">
            <MapPage />
          </RequireAccess>
        ),
      },
      // Studios: a studio's own pages are not guarded here; the API shows each account only its scope.
      {
        path: 'studio-apply',
        element: (
          <RequireAccess path="/studio-apply">
            <StudioApplyPage />
          </RequireAccess>
        ),
      },
      {
        path: 'my-studios',
        element: (
          <RequireAccess path="/my-studios">
            <MyStudiosPage />
          </RequireAccess>
        ),
      },
      {
        path: 'studios',
        element: (
          <RequireAccess path="/studios">
            <StudiosPage />
          </RequireAccess>
        ),
      },
      {
        path: 'studios/new',
        element: (
          <RequireAccess path="/studios">
            <StudioApplyPage />
          </RequireAccess>
        ),
      },
      { path: 'studios/:id', element: <StudioDetailPage /> },
      { path: 'studios/:id/edit', element: <StudioApplyPage /> },
      { path: 'studios/:id/commitments', element: <StudioCommitmentsPage /> },
      {
        path: 'studio-reviews',
        element: (
          <RequireAccess path="/studio-reviews">
            <StudioReviewsPage />
          </RequireAccess>
        ),
      },
      {
        path: 'reminders',
        element: (
          <RequireAccess path="/reminders">
            <RemindersPage />
          </RequireAccess>
        ),
      },
      {
        path: 'outbox',
        element: (
          <RequireAccess path="/outbox">
            <OutboxPage />
          </RequireAccess>
        ),
      },
      {
        path: 'supervisors',
        element: (
          <RequireAccess path="/supervisors">
            <SupervisorsPage />
          </RequireAccess>
        ),
      },
      {
        path: 'inspections',
        element: (
          <RequireAccess path="/inspections">
            <InspectionsPage />
          </RequireAccess>
        ),
      },
      // One inspection: the street's and its supervisor's; the API shows each only its own.
      { path: 'inspections/:id', element: <InspectionDetailPage /> },
      {
        path: 'rectification-proposals',
        element: (
          <RequireAccess path="/rectification-proposals">
            <ProposalsPage />
          </RequireAccess>
        ),
      },
      {
        path: 'inspection-checklist',
        element: (
          <RequireAccess path="/inspection-checklist">
            <ChecklistPage />
          </RequireAccess>
        ),
      },
      {
        path: 'my-inspections',
        element: (
          <RequireAccess path="/my-inspections">
            <MyInspectionsPage />
          </RequireAccess>
        ),
      },
      {
        path: 'my-inspections/:id',
        element: (
          <RequireAccess path="/my-inspections">
            <InspectionFormPage />
          </RequireAccess>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
