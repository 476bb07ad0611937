// The server's entry (`npm run serve`), in plain JavaScript on purpose: Node strips the types of
// a .ts entry with its TypeScript loader before this file could turn the compile cache on, and
// loading that loader alone cost some 300 ms of every start. From here on every module (the
// .ts ones too, their stripped text and compiled code) comes from the cache Node keeps on disk;
// where the cache directory cannot be written, Node says so in the returned status and starts
// as before. `node src/server/main.ts` still works, only slower to start.
import { enableCompileCache } from 'node:module';

enableCompileCache();
const { main } = await import('./serve.ts');

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
