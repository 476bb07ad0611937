// `npm run dev`: the API with restart on change, and Vite with hot reload proxying /api to it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const api = spawn(process.execPath, ['--watch', join(root, 'src', 'server', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: process.env.PORT ?? '3000',
    HUIMIN_DEMO: process.env.HUIMIN_DEMO ?? '1',
    // QR codes and SMS links of the demo open Vite's page on this machine.
    HUIMIN_PUBLIC_URL: process.env.HUIMIN_PUBLIC_URL ?? 'http://localhost:5173',
  },
});
const web = spawn(
  process.execPath,
  [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), '--config', join(root, 'vite.config.ts')],
  { cwd: root, stdio: 'inherit' },
);
const stop = () => {
  api.kill('SIGTERM');
  web.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
api.on('exit', stop);
web.on('exit', stop);
