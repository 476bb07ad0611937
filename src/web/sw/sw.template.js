// Huimin console service worker: hand-written and small on purpose. This is a template: the
// build (src/web/sw/plugin.ts) writes it out as /sw.js with the resident pages' segments put in
// place of the marker below, from src/contract/resident-paths.ts.
// - The app shell (index.html and the hashed files under /assets/) is cached so the console
//   opens without a network; a member can then write service records offline (they wait in
//   IndexedDB, see src/web/features/delivery/offline-queue.ts, and are sent by the page).
// - Pages are fetched from the network first, so a new release shows as soon as it is online.
// - Of the API only "who is signed in" is kept, so the console can open offline; the record
//   form keeps its own lists (reference-cache.ts). Nothing is ever written from here.
// - Residents' pages (their own light shell) are left alone.

const VERSION = 'v1';
const SHELL = `huimin-shell-${VERSION}`;
const API = `huimin-api-${VERSION}`;
const STATIC_FILES = ['/index.html', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png'];
const RESIDENT_SEGMENTS = /* RESIDENT_SEGMENTS */ [];

/** API reads kept for offline start: network first, the last good answer when offline. */
function isOfflineReadable(url) {
  return url.pathname === '/api/auth/me';
}

/** Whether a path is a resident page (isResidentPath in src/contract/resident-paths.ts). */
function isResidentPath(pathname) {
  return RESIDENT_SEGMENTS.includes(pathname.split('/')[1] ?? '');
}

/** The files index.html loads, read from it so the list never goes stale. */
function filesOf(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
}

async function cacheShell() {
  const cache = await caches.open(SHELL);
  const response = await fetch('/index.html', { cache: 'no-store' });
  if (!response.ok) throw new Error(`index.html: ${response.status}`);
  const html = await response.clone().text();
  await cache.put('/index.html', response);
  await Promise.all([...STATIC_FILES.slice(1), ...filesOf(html)].map((url) => cache.add(url).catch(() => undefined)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('huimin-') && name !== SHELL && name !== API) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// The page lists what it loaded before this worker took over (lazily loaded pages included).
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-files' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      for (const raw of data.urls) {
        const url = new URL(raw, self.location.origin);
        if (url.origin !== self.location.origin || !url.pathname.startsWith('/assets/')) continue;
        if (!(await cache.match(url.pathname))) await cache.add(url.pathname).catch(() => undefined);
      }
    })(),
  );
});

async function networkFirst(request, cacheName, key, type) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    // Only what was asked for is kept: a JSON file opened in a tab must not become the shell.
    const fits = (response.headers.get('content-type') ?? '').includes(type);
    if (response.ok && fits) await cache.put(key, response.clone());
    else if (response.status === 401) await cache.delete(key);
    return response;
  } catch (err) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const key = new URL(request.url).pathname;
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(key, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.method !== 'GET') {
    // Signing in or out changes whose data the cached API answers are: forget them.
    if (url.pathname === '/api/auth/login' || url.pathname === '/api/auth/logout') event.waitUntil(caches.delete(API));
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    if (isOfflineReadable(url)) event.respondWith(networkFirst(request, API, url.pathname, 'application/json'));
    return;
  }
  if (request.mode === 'navigate') {
    if (isResidentPath(url.pathname)) return;
    event.respondWith(networkFirst(request, SHELL, '/index.html', 'text/html'));
    return;
  }
  if (url.pathname.startsWith('/assets/') || STATIC_FILES.includes(url.pathname))
    event.respondWith(cacheFirst(request));
});
