// @ts-check
// The server's entry (`npm run serve`), in plain JavaScript on purpose: Node strips the types of
// a .ts entry with its TypeScript loader before this file could turn the compile cache on, and
// loading that loader alone cost some 300 ms of every start. From here on every module (the
// .ts ones too, their stripped text and compiled code) comes from the cache Node keeps on disk;
// where the cache directory cannot be written, Node says so in the returned status and starts
// as before. `node src/server/main.ts` still works, only slower to start.
//
// When `npm run build` has bundled the server (dist/server) from exactly the sources on disk,
// that bundle runs instead of the ~600 modules: half the CPU of a start. A stale bundle never
// runs; the server then starts from source and says so. HUIMIN_SERVER_BUNDLE=0 always starts
// from source.
import { enableCompileCache, flushCompileCache } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { findServerBundle } from './server-bundle.js';

enableCompileCache();
// The old generation grows by half of what survived a collection instead of up to four times:
// after a burst of work (the quarter's evaluation reads 2.5 million records of a province) the
// heap V8 keeps committed, and with it the resident memory, is about 90 MB smaller, for the same
// CPU. A flag, not a limit: the heap may still grow as far as it must.
setFlagsFromString('--heap-growing-percent=50');
const root = join(import.meta.dirname, '..', '..');
const bundle = process.env.HUIMIN_SERVER_BUNDLE === '0' ? null : findServerBundle(root);
if (bundle && 'stale' in bundle) {
  console.warn(`server bundle is older than ${bundle.stale}: starting from source (npm run build makes it again)`);
}
/** @type {{ main: () => Promise<void> }} */
const { main } = bundle && 'file' in bundle ? await import(bundle.file) : await import('./serve.ts');

main()
  // Node writes the compile cache at exit; a server that is killed never exits, so write it now.
  .then(() => flushCompileCache())
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
