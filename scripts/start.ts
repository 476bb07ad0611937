// `npm start`: builds the web app once if it has not been built and the server bundle whenever the
// sources changed since it was built (a few seconds), then runs the server in demo mode.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findServerBundle } from '../src/server/server-bundle.js';
import { buildServer } from './build-server.ts';

const root = join(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist', 'web', 'index.html'))) {
  console.log('Building the web app (first start only)…');
  const built = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const bundle = findServerBundle(root);
if (!bundle || !('file' in bundle)) {
  const { ms } = await buildServer();
  console.log(`Bundled the server in ${ms} ms (it starts in half the time).`);
}
// The two-command start of the README is a demo: it asks for demo data explicitly (an empty
// database gets the Xinluo demo accounts). HUIMIN_DEMO=0 npm start does not.
process.env.HUIMIN_DEMO ??= '1';
// The demo prints QR codes that open on this machine; a real server sets its public address.
process.env.HUIMIN_PUBLIC_URL ??= `http://localhost:${process.env.PORT ?? '3000'}`;
await import('../src/server/main.ts');
