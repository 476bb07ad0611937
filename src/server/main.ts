import { enableCompileCache } from 'node:module';

// The server's entry. Node keeps the compiled code of every module it loads (TypeScript already
// stripped) on disk and reuses it at the next start: about a fifth of start-up's CPU. Where the
// cache directory cannot be written, Node says so in the returned status and starts as before.
enableCompileCache();
const { main } = await import('./serve.ts');

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
