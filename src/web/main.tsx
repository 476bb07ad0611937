import { createRoot } from 'react-dom/client';
import { showLogin } from './features/auth/light-login.tsx';
import './app/styles.css';
import './app/contrast.css';

// The first load of /login is a light page (React and plain HTML, no antd): on a slow phone the
// form is there in seconds, and the console follows after sign-in. Every other path starts the
// console at once (its chunks are fetched in parallel by the dynamic import).
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const root = createRoot(container);
if (location.pathname === '/login') showLogin(root);
else void import('./app/boot.tsx').then((m) => m.bootConsole(root));
