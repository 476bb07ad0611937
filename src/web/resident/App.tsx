import { useEffect, useRef, type ReactNode } from 'react';
import { residentRoutes } from '../../contract/resident-paths.ts';
import { DemoBanner } from './components/DemoBanner.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { residentPages } from './routes.tsx';
import { matchPath, useLocation } from './router.tsx';

function pageFor(pathname: string, search: URLSearchParams): ReactNode {
  for (const pattern of residentRoutes) {
    const params = matchPath(pattern, pathname);
    if (params) return residentPages[pattern](params, search);
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
    // A page that put the focus somewhere in itself (the field it is for) keeps it there.
    const main = document.getElementById('main');
    if (main && !main.contains(document.activeElement)) main.focus();
  }, [pathname]);

  return (
    <>
      <DemoBanner />
      <Layout pathname={pathname}>
        {/* keyed by path: a new page starts with fresh state */}
        <div key={pathname}>{pageFor(pathname, search)}</div>
      </Layout>
    </>
  );
}
