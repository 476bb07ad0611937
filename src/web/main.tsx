import './lib/zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { loadBusinessTimeZone } from './lib/dates.ts';
import { storedLocale } from './app/preferences.tsx';
import { loadMessages } from './lib/i18n/index.ts';
import './app/styles.css';
import './app/contrast.css';

// Dates are days in the server's business time zone, whatever the browser's own.
loadBusinessTimeZone();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const render = () =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// A reader of another language gets it from the first paint (one chunk first); if that chunk
// cannot be fetched, the console opens in Simplified Chinese.
loadMessages(storedLocale()).then(render, render);
