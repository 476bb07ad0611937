import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../config/config.ts';
import { createDatabase, type DatabaseHandle } from '../../../db/database.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { loadDemoData } from '../../../db/seed/demo.ts';
import { onPostgres, TEST_PG_URL } from '../../../../test/test-database.ts';
import { demoPasswordHash, signIn, TestClock, type Client } from '../../../../test/test-app.ts';
import { buildApp } from '../../app.ts';
import { SESSION_ROW_TTL_MS } from './session-cache.repository.ts';

// Two app instances on one database, each with its own connection (pool) and caches, as two
// server processes behind a load balancer would be. A session ended on A must stop working on
// B within a second, though B keeps session rows in memory for a while.

const handles: DatabaseHandle[] = [];
const apps: Array<Awaited<ReturnType<typeof buildApp>>> = [];
let cleanup = async () => {};

async function openSharedDatabase(): Promise<() => Promise<DatabaseHandle>> {
  if (!onPostgres) {
    const dir = mkdtempSync(join(tmpdir(), 'huimin-instances-'));
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
    return () => createDatabase({ sqliteFile: join(dir, 'huimin.db') });
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  cleanup = async () => {
    const c = new pg.Client({ connectionString: TEST_PG_URL });
    await c.connect();
    await c.query(`drop schema ${schema} cascade`);
    await c.end();
  };
  return () => createDatabase({ databaseUrl: TEST_PG_URL, pgSchema: schema, pgPoolSize: 2 });
}

let a: (typeof apps)[number];
let b: (typeof apps)[number];

beforeAll(async () => {
  const open = await openSharedDatabase();
  const clock = new TestClock();
  const first = await open();
  handles.push(first);
  await migrateToLatest(first);
  await loadDemoData(first.db, clock.now().toISOString(), await demoPasswordHash());
  handles.push(await open());
  for (const h of handles) {
    const app = await buildApp({
      db: h.db,
      engine: h.engine,
      config: testConfig({ HUIMIN_DEMO: true }),
      clock,
      webRoot: null,
    });
    await app.ready();
    apps.push(app);
  }
  [a, b] = apps as [typeof a, typeof b];
});

afterAll(async () => {
  for (const app of apps) await app.close();
  for (const h of handles) await h.close();
  await cleanup();
});

/** The same client's cookie sent to another instance. */
function on(app: typeof a, c: Client): (url: string) => Promise<LightMyRequestResponse> {
  return (url) =>
    app.inject({ method: 'GET', url, headers: { cookie: `huimin_session=${c.cookie}`, 'x-csrf-token': c.csrf } });
}

/** Asks B every 50 ms until it refuses the session; answers how long that took after `since`. */
async function msUntilRefused(get: (url: string) => Promise<LightMyRequestResponse>, since: number): Promise<number> {
  for (;;) {
    const res = await get('/api/auth/me');
    if (res.statusCode === 401) return performance.now() - since;
    expect(res.statusCode).toBe(200);
    if (performance.now() - since > 3000) return Infinity;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a session ended on one instance', () => {
  it('keeps session rows in memory for under a second', () => {
    expect(SESSION_ROW_TTL_MS).toBeLessThan(1000);
  });

  it('is refused on the other instance within 1 s of a logout', async () => {
    const c = await signIn(a, 'xicheng');
    const onB = on(b, c);
    // B has read (and now keeps) the session's row.
    expect((await onB('/api/auth/me')).statusCode).toBe(200);
    expect((await onB('/api/org-units?limit=5')).statusCode).toBe(200);
    const before = performance.now();
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    // A forgets it at once.
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    expect(await msUntilRefused(onB, before)).toBeLessThan(1000);
  });

  it('is refused on the other instance within 1 s of the account being disabled', async () => {
    const member = await signIn(a, 'jiandu');
    const onB = on(b, member);
    expect((await onB('/api/auth/me')).statusCode).toBe(200);
    const id = (
      await handles[0]!.db
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', 'jiandu')
        .executeTakeFirstOrThrow()
    ).id;
    const admin = await signIn(a, 'xicheng');
    const before = performance.now();
    expect((await admin.put(`/api/accounts/${id}/disabled`, { disabled: true })).statusCode).toBe(200);
    expect((await member.get('/api/auth/me')).statusCode).toBe(401);
    expect(await msUntilRefused(onB, before)).toBeLessThan(1000);
    // Re-enabled, the account signs in again, on either instance.
    expect((await admin.put(`/api/accounts/${id}/disabled`, { disabled: false })).statusCode).toBe(200);
    expect((await (await signIn(b, 'jiandu')).get('/api/auth/me')).statusCode).toBe(200);
  });

  it('sees units another instance adds within a second', async () => {
    const admin = await signIn(a, 'xicheng');
    const onB = on(b, admin);
    const street = (
      await handles[0]!.db
        .selectFrom('org_units')
        .select('id')
        .where('code', '=', '350802003000')
        .executeTakeFirstOrThrow()
    ).id;
    const before = ((await onB(`/api/org-units?under=${street}&limit=500`)).json() as { total: number }).total;
    const created = await admin.post('/api/org-units', {
      parentId: street,
      code: 'X350802003901',
      name: '跨实例测试企业',
      level: 'enterprise',
    });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as { id: number }).id;
    // A unit asked for by id is found at once (a miss looks again); the listing within a second.
    expect((await onB(`/api/org-units/${id}`)).statusCode).toBe(200);
    const since = performance.now();
    for (;;) {
      const total = ((await onB(`/api/org-units?under=${street}&limit=500`)).json() as { total: number }).total;
      if (total === before + 1) break;
      expect(performance.now() - since).toBeLessThan(1100);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
});
