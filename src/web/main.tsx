import './lib/zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { loadBusinessTimeZone } from './lib/dates.ts';
import './app/styles.css';

// Dates are days in the server's business time zone, whatever the browser's own.
loadBusinessTimeZone();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
