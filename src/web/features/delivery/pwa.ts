// Makes the console an installable app that opens without a network, and sends the
// service records a member wrote offline as soon as the network is back. Loaded by app/boot.tsx
// once the console has started, so it runs on every page of the console, not only the record book.

import { flushOutbox } from './outbox.ts';

/** Same-origin files this page has loaded (the shell and the chunks of pages visited). */
function loadedFiles(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((url) => url.startsWith(location.origin) && !url.startsWith(`${location.origin}/api/`));
}

async function registerServiceWorker(): Promise<void> {
  // In development Vite serves modules that change on every edit: a cache would only get in the way.
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  try {
    const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    const worker = registration.active ?? registration.waiting ?? registration.installing;
    // Chunks loaded before the worker took over were not seen by it: hand it the list.
    const send = () => (registration.active ?? worker)?.postMessage({ type: 'cache-files', urls: loadedFiles() });
    if (registration.active) send();
    else worker?.addEventListener('statechange', () => registration.active && send());
  } catch {
    // No service worker (private mode, old browser): the console still works online.
  }
}

function flushSoon(): void {
  void flushOutbox().catch(() => undefined);
}

void registerServiceWorker();
// Records left from an earlier visit go out at start; later ones when the network returns.
window.addEventListener('online', flushSoon);
if (navigator.onLine) flushSoon();
