import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * A pause for long loops (checking, hashing, writing): it gives the event loop a turn once
 * `ms` have passed since the last, so requests never wait long behind an import or a job. SQLite
 * queries through Kysely resolve without ever leaving the microtask queue, so a loop of them
 * needs this too.
 */
export function pacer(ms = 10): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < ms) return;
    await nextTurn();
    since = performance.now();
  };
}
