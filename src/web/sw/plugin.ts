import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { isResidentPath, residentSegments } from '../../contract/resident-paths.ts';

const MARKER = '/* RESIDENT_SEGMENTS */ []';

/** The console's service worker: the template with the resident pages' segments put in. */
export function renderServiceWorker(): string {
  const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
  if (!template.includes(MARKER)) throw new Error('sw.template.js: the RESIDENT_SEGMENTS marker is missing');
  const banner = '// Generated from src/web/sw/sw.template.js at build time; edit the template.\n';
  return banner + template.replace(MARKER, JSON.stringify(residentSegments));
}

/** Writes /sw.js into the build and serves it from the dev server, so it is never hand-kept. */
export function serviceWorker(): Plugin {
  return {
    name: 'huimin-service-worker',
    configureServer(server) {
      server.middlewares.use('/sw.js', (_req, res) => {
        res.setHeader('content-type', 'text/javascript; charset=utf-8');
        res.setHeader('cache-control', 'no-cache');
        res.end(renderServiceWorker());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: renderServiceWorker() });
    },
  };
}

/**
 * The dev server answers the resident pages with resident.html, as the API server does in
 * production; without this, Vite's fallback is index.html.
 */
export function residentShellInDev(): Plugin {
  return {
    name: 'huimin-resident-shell',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.method === 'GET' && req.url && isResidentPath(req.url) && req.headers.accept?.includes('text/html'))
          req.url = '/resident.html';
        next();
      });
    },
  };
}
