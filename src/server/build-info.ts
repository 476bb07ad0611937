// How this server was loaded. scripts/build-server.ts replaces this module in the bundle it
// writes (dist/server), so /api/health tells an operator whether a server runs the bundle or,
// slower to start, its sources.
export const RUNS_FROM: 'bundle' | 'source' = 'source';
