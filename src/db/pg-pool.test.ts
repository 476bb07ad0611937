import { createServer, type Server, type Socket } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, TEST_PG_URL } from '../../test/test-database.ts';
import { isDatabaseUnavailable } from './availability.ts';
import { createDatabase, PG_CONNECT_TIMEOUT_MS } from './database.ts';

describe('the PostgreSQL pool', () => {
  // A server that accepts connections and never says a word: what a hung database looks like.
  let silent: Server;
  let port = 0;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    port = (silent.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((done) => silent.close(() => done()));
  });

  it('gives up on a connection the server does not answer after PG_CONNECT_TIMEOUT_MS', async () => {
    const handle = await createDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/test` });
    try {
      const started = performance.now();
      const failure = await sql`select 1`.execute(handle.db).then(
        () => undefined,
        (err: unknown) => err,
      );
      const ms = performance.now() - started;
      expect(isDatabaseUnavailable(failure), String(failure)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(PG_CONNECT_TIMEOUT_MS - 50);
      expect(ms).toBeLessThan(PG_CONNECT_TIMEOUT_MS + 1500);
    } finally {
      await handle.close();
    }
  });

  it.runIf(onPostgres)('lets a query wait for a busy connection longer than a connection may take', async () => {
    const handle = await createDatabase({ databaseUrl: TEST_PG_URL, pgPoolSize: 1 });
    try {
      const wait = (PG_CONNECT_TIMEOUT_MS + 1000) / 1000;
      const busy = sql`select pg_sleep(${wait})`.execute(handle.db);
      const started = performance.now();
      const { rows } = await sql<{ n: number }>`select 1 as n`.execute(handle.db);
      await busy;
      expect(rows).toEqual([{ n: 1 }]);
      // It waited for the one connection, past the connect timeout, and was answered.
      expect(performance.now() - started).toBeGreaterThan(PG_CONNECT_TIMEOUT_MS);
    } finally {
      await handle.close();
    }
  });
});
