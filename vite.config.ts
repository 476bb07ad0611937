import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './src/web/build/precompress.ts';
import { residentShellInDev, serviceWorker } from './src/web/sw/plugin.ts';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));

// plugin-react 6 on Vite 8 transforms JSX with Oxc and needs no Babel; the optional peers
// (Babel, React Compiler) are only for the React Compiler, which Huimin does not use.
// A default export is what Vite expects from its config file.
export default defineConfig({
  root: webRoot,
  // The resident paths (src/contract/resident-paths.ts) reach the dev server's fallback and the
  // generated service worker from one list. Every text file of the build gets .br and .gz copies.
  plugins: [react(), residentShellInDev(), serviceWorker(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // antd is one large vendor chunk; pages are split off and loaded on demand.
    chunkSizeWarningLimit: 1500,
    // Two entries: the staff console (index.html) and the light resident pages (resident.html),
    // which share only React; the server picks resident.html for the resident paths.
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
