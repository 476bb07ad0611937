import { useEffect, useRef, type ReactNode } from 'react';
import { Layout } from './Layout.tsx';
import { AskPage } from './pages/AskPage.tsx';
import { BoardPage } from './pages/BoardPage.tsx';
import { FindPage } from './pages/FindPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RatePage } from './pages/RatePage.tsx';
import { SmsPage } from './pages/SmsPage.tsx';
import { StudioPage } from './pages/StudioPage.tsx';
import { TrackPage } from './pages/TrackPage.tsx';
import { matchPath, useLocation } from './router.tsx';

type Render = (params: Record<string, string>, search: URLSearchParams) => ReactNode;

// The paths the server answers with resident.html (RESIDENT_PATHS in src/server/app.ts).
const routes: ReadonlyArray<readonly [string, Render]> = [
  ['/s/:id', (p, q) => <StudioPage id={p.id ?? ''} rate={q.get('rate') === '1'} />],
  ['/board/:unitId', (p) => <BoardPage unitId={p.unitId ?? ''} />],
  ['/sms', (_, q) => <SmsPage search={q} />],
  ['/find', (_, q) => <FindPage search={q} />],
  ['/ask', (_, q) => <AskPage search={q} />],
  ['/track', () => <TrackPage code={undefined} />],
  ['/track/:code', (p) => <TrackPage code={p.code} />],
  ['/rate', () => <RatePage code={undefined} />],
  ['/rate/:code', (p) => <RatePage code={p.code} />],
];

function pageFor(pathname: string, search: URLSearchParams): ReactNode {
  for (const [pattern, render] of routes) {
    const params = matchPath(pattern, pathname);
    if (params) return render(params, search);
  }
  return <NotFoundPage />;
}

/** The resident pages: one frame, the page the address names. */
export function ResidentApp() {
  const { pathname, search } = useLocation();
  const first = useRef(true);

  // After an in-page navigation, start at the top and put the focus on the new content, as a
  // full page load would; the first load leaves the focus where the browser puts it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus();
  }, [pathname]);

  return (
    <Layout pathname={pathname}>
      {/* keyed by path: a new page starts with fresh state */}
      <div key={pathname}>{pageFor(pathname, search)}</div>
    </Layout>
  );
}
