import { lazy, Suspense, type ReactElement } from 'react';
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
const RecordSettingsPage = lazy(() => import('../features/delivery/RecordSettingsPage.tsx'));
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
const BulletinPage = lazy(() => import('../features/statistics/BulletinPage.tsx'));
const NetworkImportsPage = lazy(() => import('../features/statistics/NetworkImportsPage.tsx'));
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

/** A page under the signed-in frame that opens only to those its menu entry is shown to. */
function guarded(path: string, menuPath: string, page: ReactElement) {
  return { path, element: <RequireAccess path={menuPath}>{page}</RequireAccess> };
}

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
      guarded('workbench', '/workbench', <WorkbenchPage />),
      guarded('org', '/org', <OrgPage />),
      guarded('org/units/:id', '/org', <UnitDetailPage />),
      guarded('accounts', '/accounts', <AccountsPage />),
      guarded('audit', '/audit', <AuditPage />),
      guarded('evaluation', '/evaluation', <EvaluationPage />),
      guarded('evaluation/scores/:id', '/evaluation', <ScoreDetailPage />),
      guarded('year-end', '/year-end', <YearEndPage />),
      guarded('evaluation-scheme', '/evaluation-scheme', <SchemePage />),
      guarded('evaluation-proposals', '/evaluation-proposals', <EvaluationProposalsPage />),
      guarded('statistics', '/statistics', <DashboardPage />),
      guarded('bulletins', '/bulletins', <BulletinsPage />),
      guarded('bulletins/:id', '/bulletins', <BulletinPage />),
      guarded('network-imports', '/network-imports', <NetworkImportsPage />),
      guarded('about', '/about', <AboutPage />),
      guarded('requests', '/requests', <RequestsPage />),
      guarded('records', '/records', <RecordsPage />),
      guarded('records/new', '/records', <RecordFormPage />),
      guarded('records/:id/edit', '/records', <RecordFormPage />),
      guarded('legal-aid', '/legal-aid', <LegalAidPage />),
      guarded('letters', '/letters', <LettersPage />),
      guarded('letters/:id', '/letters', <LetterDetailPage />),
      guarded('letter-rates', '/letter-rates', <LetterRatesPage />),
      guarded('supervision-overview', '/supervision-overview', <SupervisionOverviewPage />),
      guarded('mailbox-settings', '/mailbox-settings', <MailboxSettingsPage />),
      guarded('public-address', '/public-address', <PublicAddressPage />),
      guarded('record-settings', '/record-settings', <RecordSettingsPage />),
      guarded('registry', '/registry', <RegistryPage />),
      guarded('categories', '/categories', <CategoriesPage />),
      guarded('needs', '/needs', <NeedsPage />),
      guarded('pressing', '/pressing', <PressingPage />),
      guarded('map', '/map', <MapPage />),
      // Studios: a studio's own pages are not guarded here; the API shows each account only its scope.
      guarded('studio-apply', '/studio-apply', <StudioApplyPage />),
      guarded('my-studios', '/my-studios', <MyStudiosPage />),
      guarded('studios', '/studios', <StudiosPage />),
      guarded('studios/new', '/studios', <StudioApplyPage />),
      { path: 'studios/:id', element: <StudioDetailPage /> },
      { path: 'studios/:id/edit', element: <StudioApplyPage /> },
      { path: 'studios/:id/commitments', element: <StudioCommitmentsPage /> },
      guarded('studio-reviews', '/studio-reviews', <StudioReviewsPage />),
      guarded('reminders', '/reminders', <RemindersPage />),
      guarded('outbox', '/outbox', <OutboxPage />),
      guarded('supervisors', '/supervisors', <SupervisorsPage />),
      guarded('inspections', '/inspections', <InspectionsPage />),
      // One inspection: the street's and its supervisor's; the API shows each only its own.
      { path: 'inspections/:id', element: <InspectionDetailPage /> },
      guarded('rectification-proposals', '/rectification-proposals', <ProposalsPage />),
      guarded('inspection-checklist', '/inspection-checklist', <ChecklistPage />),
      guarded('my-inspections', '/my-inspections', <MyInspectionsPage />),
      guarded('my-inspections/:id', '/my-inspections', <InspectionFormPage />),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
