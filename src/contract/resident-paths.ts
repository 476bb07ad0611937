// The one list of resident pages (public, no account). The API server and Vite's dev server
// answer these paths with resident.html, the service worker leaves them alone, and the
// resident router must render a page for each (its route table is keyed by this list).

/** Every route of the resident pages, as the resident router matches them. */
export const residentRoutes = [
  // The residents' home: the front door of the site. The console starts at /login or /workbench.
  '/',
  '/s/:id',
  '/board/:unitId',
  '/sms',
  '/find',
  '/ask',
  '/track',
  '/track/:code',
  '/rate',
  '/rate/:code',
  '/mailbox',
  '/mailbox/:code',
] as const;
export type ResidentRoute = (typeof residentRoutes)[number];

/** The first path segments that belong to the resident pages (`/track/abc` → `track`). */
export const residentSegments: readonly string[] = [
  ...new Set(residentRoutes.map((route) => route.split('/')[1] ?? '')),
];

/** Whether a path (a query string allowed) is a resident page, served by resident.html. */
export function isResidentPath(url: string): boolean {
  const path = url.split(/[?#]/)[0] ?? '';
  return residentSegments.includes(path.split('/')[1] ?? '');
}

/** The resident page that rates the service a code names (a walk-in's receipt or a tracking code). */
export function ratingPath(code: string): string {
  return `/rate/${encodeURIComponent(code)}`;
}
