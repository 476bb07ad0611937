import '../lib/zod-jitless.ts';
import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { loadBusinessTimeZone } from '../lib/dates.ts';
import { loadMessages } from '../lib/i18n/index.ts';
import { App } from './App.tsx';
import { storedLocale } from './preferences.tsx';

/**
 * Starts the console (antd, the router, the session) in `root`: at once for any console page, and
 * after sign-in on the light login page, so a slow phone shows the login form without all this.
 */
export async function bootConsole(root: Root): Promise<void> {
  // Dates are days in the server's business time zone, whatever the browser's own.
  loadBusinessTimeZone();
  // A reader of another language gets it from the first paint (one chunk first); if that chunk
  // cannot be fetched, the console opens in Simplified Chinese.
  await loadMessages(storedLocale()).catch(() => undefined);
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The offline senders (record book, inspections) run on every console page, after the first paint.
  void import('../features/delivery/pwa.ts');
  void import('../features/inspections/visits-sync.ts');
}
