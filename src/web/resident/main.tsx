import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ResidentApp } from './App.tsx';
import { loadBusinessTimeZone } from '../lib/dates.ts';
import { ResidentPreferences, storedPreferences } from './i18n/index.tsx';
import { loadMessages } from './i18n/translate.ts';
// The styles, in cascade order.
import './styles/base.css';
import './styles/controls.css';
import './styles/feedback.css';
import './styles/pages.css';
import './styles/board.css';

// The entry of the resident pages (resident.html): no console code, no antd, no data router,
// so a low-end phone on a slow network gets a small first load.
// Dates are days in the server's business time zone, whatever the browser's own.
loadBusinessTimeZone();
const container = document.getElementById('root');
if (!container) throw new Error('resident.html has no #root');
const initial = storedPreferences();
const root = createRoot(container);
const render = () =>
  root.render(
    <StrictMode>
      <ResidentPreferences initial={initial}>
        <ResidentApp />
      </ResidentPreferences>
    </StrictMode>,
  );
// A resident who chose another language gets it from the first paint (one small chunk first);
// if that chunk cannot be fetched, the page still opens in Simplified Chinese.
loadMessages(initial.locale).then(render, () => {
  initial.locale = 'zh-CN';
  render();
});
