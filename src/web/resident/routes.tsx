import type { ReactNode } from 'react';
import type { ResidentRoute } from '../../contract/resident-paths.ts';
import { AskPage } from './pages/AskPage.tsx';
import { BoardPage } from './pages/BoardPage.tsx';
import { FindPage } from './pages/FindPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LetterPage } from './pages/LetterPage.tsx';
import { LetterTrackPage } from './pages/LetterTrackPage.tsx';
import { RatePage } from './pages/RatePage.tsx';
import { SmsPage } from './pages/SmsPage.tsx';
import { StudioPage } from './pages/StudioPage.tsx';
import { TrackPage } from './pages/TrackPage.tsx';

/** Renders one resident page from the route's parameters and the query string. */
export type Render = (params: Record<string, string>, search: URLSearchParams) => ReactNode;

/**
 * One page per resident route. Keyed by the list the server, the dev server and the service
 * worker share (src/contract/resident-paths.ts): a route missing here, or here but not there,
 * fails to typecheck.
 */
export const residentPages: { readonly [R in ResidentRoute]: Render } = {
  '/': () => <HomePage />,
  '/s/:id': (p, q) => <StudioPage id={p.id ?? ''} rate={q.get('rate') === '1'} />,
  '/board/:unitId': (p) => <BoardPage unitId={p.unitId ?? ''} />,
  '/sms': (_, q) => <SmsPage search={q} />,
  '/find': (_, q) => <FindPage search={q} />,
  '/ask': (_, q) => <AskPage search={q} />,
  '/track': (_, q) => <TrackPage code={undefined} byPhone={q.get('by') === 'phone'} />,
  '/track/:code': (p) => <TrackPage code={p.code} />,
  '/rate': () => <RatePage code={undefined} />,
  '/rate/:code': (p) => <RatePage code={p.code} />,
  '/mailbox': (_, q) => <LetterPage search={q} />,
  '/mailbox/:code': (p) => <LetterTrackPage code={p.code ?? ''} />,
};
