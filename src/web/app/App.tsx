/** The app: who is signed in, then the page the address names, inside the three panes. */
import { lazy, Suspense, useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError, get, onUnauthenticated } from '../ui/api/client.ts';
import type { MeOut } from '../../shared/contracts/access.ts';
import { isLanguage, setLanguage } from '../i18n/index.ts';
import { CaseDashboard } from '../features/cases/pages/CaseDashboard.tsx';
import { CaseList } from '../features/cases/pages/CaseList.tsx';
import { NewEntityPage } from '../features/entities/pages/EntityForm.tsx';
import { EntityList } from '../features/entities/pages/EntityList.tsx';
import { EntityPage } from '../features/entities/pages/EntityPage.tsx';
import { SearchPage } from '../features/search/pages/SearchPage.tsx';
import { SignIn } from '../features/access/pages/SignIn.tsx';
import { useSession } from '../state/session.ts';
import { EmptyState, ErrorBoundary, Loading } from '../ui/feedback.tsx';
import { Link } from '../ui/routing/Link.tsx';
import { paths } from '../ui/routing/paths.ts';
import { useLocation } from '../ui/routing/location.ts';
import { useRoute } from './router.ts';
import type { Route } from './router.ts';
import { Shell } from './Shell.tsx';

// Pages used less often load on demand, from this server like everything else.
const ImportWizard = lazy(() =>
  import('../features/imports/pages/ImportWizard.tsx').then((m) => ({ default: m.ImportWizard })),
);
const EvidencePage = lazy(() =>
  import('../features/files/pages/EvidencePage.tsx').then((m) => ({ default: m.EvidencePage })),
);
const MembersPage = lazy(() =>
  import('../features/cases/pages/MembersPage.tsx').then((m) => ({ default: m.MembersPage })),
);
const AuditPage = lazy(() => import('../features/audit/pages/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const ProsecutionPage = lazy(() =>
  import('../features/prosecution/pages/ProsecutionPage.tsx').then((m) => ({ default: m.ProsecutionPage })),
);
const VictimFilesPage = lazy(() =>
  import('../features/prosecution/pages/VictimFilesPage.tsx').then((m) => ({ default: m.VictimFilesPage })),
);
const FinancePage = lazy(() =>
  import('../features/finance/pages/FinancePage.tsx').then((m) => ({ default: m.FinancePage })),
);
const ChartPage = lazy(() => import('../features/views/pages/ChartPage.tsx').then((m) => ({ default: m.ChartPage })));
const ChainPage = lazy(() => import('../features/views/pages/ChainPage.tsx').then((m) => ({ default: m.ChainPage })));
const TimelinePage = lazy(() =>
  import('../features/views/pages/TimelinePage.tsx').then((m) => ({ default: m.TimelinePage })),
);
const MapPage = lazy(() => import('../features/views/pages/MapPage.tsx').then((m) => ({ default: m.MapPage })));
const MoneyFlowPage = lazy(() =>
  import('../features/views/pages/MoneyFlowPage.tsx').then((m) => ({ default: m.MoneyFlowPage })),
);
const IdentificationPage = lazy(() =>
  import('../features/identification/pages/IdentificationPage.tsx').then((m) => ({ default: m.IdentificationPage })),
);
const ConversationPage = lazy(() =>
  import('../features/documents/index.ts').then((m) => ({ default: m.ConversationPage })),
);
const DocumentPage = lazy(() => import('../features/documents/index.ts').then((m) => ({ default: m.DocumentPage })));
const DocumentSearchPage = lazy(() =>
  import('../features/documents/index.ts').then((m) => ({ default: m.DocumentSearchPage })),
);
const CapturesPage = lazy(() =>
  import('../features/captures/pages/CapturesPage.tsx').then((m) => ({ default: m.CapturesPage })),
);
const CompaniesPage = lazy(() =>
  import('../features/companies/pages/CompaniesPage.tsx').then((m) => ({ default: m.CompaniesPage })),
);
const ResolutionPage = lazy(() =>
  import('../features/resolution/pages/ResolutionPage.tsx').then((m) => ({ default: m.ResolutionPage })),
);
const HitsPage = lazy(() =>
  import('../features/cooperation/pages/HitsPage.tsx').then((m) => ({ default: m.HitsPage })),
);
const AgreementsPage = lazy(() =>
  import('../features/cooperation/pages/AgreementsPage.tsx').then((m) => ({ default: m.AgreementsPage })),
);
const TrainingPage = lazy(() =>
  import('../features/training/pages/TrainingPage.tsx').then((m) => ({ default: m.TrainingPage })),
);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal or a missing thing will not change by asking again; a network blip may.
      retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 2,
      staleTime: 30_000,
      refetchOnWindowFocus: false,
    },
  },
});

function NotFound() {
  const { t } = useTranslation();
  return (
    <EmptyState icon="warning" title={t('app.notFound')}>
      <Link to={paths.cases()}>{t('app.backToCases')}</Link>
    </EmptyState>
  );
}

function page(route: Route): ReactNode {
  switch (route.name) {
    case 'cases':
    case 'signIn':
      return <CaseList />;
    case 'case':
      return <CaseDashboard caseId={route.caseId} />;
    case 'entities':
      return <EntityList caseId={route.caseId} />;
    case 'entity':
      return <EntityPage key={route.entityId} caseId={route.caseId} entityId={route.entityId} />;
    case 'conversation':
      return <ConversationPage key={route.entityId} caseId={route.caseId} entityId={route.entityId} />;
    case 'document':
      return <DocumentPage key={route.entityId} caseId={route.caseId} entityId={route.entityId} />;
    case 'newEntity':
      return <NewEntityPage caseId={route.caseId} />;
    case 'import':
      return <ImportWizard caseId={route.caseId} />;
    case 'evidence':
      return <EvidencePage caseId={route.caseId} />;
    case 'members':
      return <MembersPage caseId={route.caseId} />;
    case 'caseAudit':
      return <AuditPage caseId={route.caseId} />;
    case 'finance':
      return <FinancePage caseId={route.caseId} />;
    case 'prosecution':
      return <ProsecutionPage caseId={route.caseId} />;
    case 'victims':
      return <VictimFilesPage caseId={route.caseId} />;
    case 'chart':
      return <ChartPage caseId={route.caseId} />;
    case 'chain':
      return <ChainPage caseId={route.caseId} />;
    case 'timeline':
      return <TimelinePage caseId={route.caseId} />;
    case 'map':
      return <MapPage caseId={route.caseId} />;
    case 'moneyFlow':
      return <MoneyFlowPage caseId={route.caseId} />;
    case 'identification':
      return <IdentificationPage caseId={route.caseId} />;
    case 'captures':
      return <CapturesPage caseId={route.caseId} />;
    case 'documentSearch':
      return <DocumentSearchPage caseId={route.caseId} />;
    case 'companies':
      return <CompaniesPage caseId={route.caseId} />;
    case 'resolution':
      return <ResolutionPage caseId={route.caseId} />;
    case 'hits':
      return <HitsPage caseId={route.caseId} />;
    case 'agreements':
      return <AgreementsPage />;
    case 'audit':
      return <AuditPage caseId={null} />;
    case 'search':
      return <SearchPage />;
    case 'training':
    case 'trainingCourse':
    case 'trainingLesson':
    case 'trainingQuiz':
    case 'trainingExercise':
    case 'trainingCohort':
    case 'trainingLibrary':
    case 'trainingLibraryEntry':
      return <TrainingPage route={route} />;
    case 'notFound':
      return <NotFound />;
  }
}

/** Moves focus to the work area after navigation, so keyboard and screen-reader users start there. */
function useFocusOnNavigate() {
  const path = useLocation((s) => s.path);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
}

function Routed() {
  const route = useRoute();
  const me = useSession((s) => s.me);
  const setMe = useSession((s) => s.setMe);
  useFocusOnNavigate();

  useEffect(() => onUnauthenticated(() => setMe(null)), [setMe]);
  useEffect(() => {
    get<{ user: MeOut }>('/api/auth/me')
      .then(({ user }) => {
        if (isLanguage(user.language)) void setLanguage(user.language);
        setMe(user);
      })
      .catch(() => setMe(null));
  }, [setMe]);

  if (me === undefined) return <Loading />;
  if (me === null) return <SignIn />;
  return (
    <Shell>
      <ErrorBoundary key={route.name}>
        <Suspense fallback={<Loading />}>{page(route)}</Suspense>
      </ErrorBoundary>
    </Shell>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ErrorBoundary>
        <Routed />
      </ErrorBoundary>
    </QueryClientProvider>
  );
}
