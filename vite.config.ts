import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));

// The dev server answers the resident pages with resident.html, as the API server does in
// production (RESIDENT_PATHS in src/server/app.ts); without this, Vite's fallback is index.html.
const residentPath = /^\/(s|board)\/|^\/(sms|find|ask|track|rate)(\/|\?|$)/;
function residentShellInDev(): Plugin {
  return {
    name: 'huimin-resident-shell',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.method === 'GET' && req.url && residentPath.test(req.url) && req.headers.accept?.includes('text/html'))
          req.url = '/resident.html';
        next();
      });
    },
  };
}

// plugin-react 6 on Vite 8 transforms JSX with Oxc and needs no Babel; the optional peers
// (Babel, React Compiler) are only for the React Compiler, which Huimin does not use.
// A default export is what Vite expects from its config file.
export default defineConfig({
  root: webRoot,
  plugins: [react(), residentShellInDev()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // antd is one large vendor chunk; pages are split off and loaded on demand.
    chunkSizeWarningLimit: 1500,
    // Two entries: the staff console (index.html) and the light resident pages (resident.html),
    // which share only React; the server picks resident.html for RESIDENT_PATHS.
    rolldownOptions: {
      input: { index: join(webRoot, 'index.html'), resident: join(webRoot, 'resident.html') },
    },
  },
  server: {
    // The web app imports types and pure rules from src/contract and src/domain, outside its root.
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://localhost:3000' },
  },
  preview: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
