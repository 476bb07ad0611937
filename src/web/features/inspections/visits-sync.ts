// Sends the inspections a supervisor filled without a network as soon as it is back, whichever
// page of the console is open. Loaded by app/boot.tsx, like the record book's pwa.ts.

import { flushVisits } from './visit-outbox.ts';

function flushSoon(): void {
  void flushVisits().catch(() => undefined);
}

window.addEventListener('online', flushSoon);
if (navigator.onLine) flushSoon();
