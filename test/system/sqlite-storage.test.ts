import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Client, type TestApp } from '../test-app.ts';

/**
 * SQLite's file errors (a full disk, a read-only file) must answer 503 with a stable code,
 * never crash the process, and never acknowledge a write that was not made. The engine's own
 * switches stand in for the file system: `max_page_count` makes the file unable to grow (the
 * error SQLite gives on a full disk, SQLITE_FULL) and `query_only` refuses every write as a
 * read-only file does (SQLITE_READONLY).
 */
describe('SQLite storage that cannot be written', () => {
  let t: TestApp;
  let admin: Client;
  let xixing: number;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('xixing');
    xixing = await t.unitId('350802003004');
  });
  afterAll(() => t.close());

  const volunteer = (n: number) => ({
    kind: 'party_member',
    name: `测试${String.fromCharCode(0x4e00 + n)}${String.fromCharCode(0x4e00 + 2 * n + 7)}`,
    phone: `139${String(10_000_000 + n).padStart(8, '0')}`,
    profession: '退休教师'.repeat(20),
    qualifications: '心理咨询师三级；'.repeat(30),
    unitId: xixing,
    categoryIds: [],
  });
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom('volunteers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers a full disk with 503 DATABASE_UNAVAILABLE, keeps every acknowledged write and no other', async () => {
    const before = await count();
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(t.db);
    await sql.raw(`pragma max_page_count = ${rows[0]?.page_count ?? 1}`).execute(t.db);
    const acknowledged: string[] = [];
    let refused: { status: number; code: string } | undefined;
    for (let n = 1; n <= 400 && !refused; n++) {
      const body = volunteer(n);
      const res = await admin.post('/api/volunteers', body);
      if (res.statusCode === 201 || res.statusCode === 200) acknowledged.push(body.phone);
      else refused = { status: res.statusCode, code: res.json<{ code: string }>().code };
    }
    expect(refused).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(await count()).toBe(before + acknowledged.length);

    await sql`pragma max_page_count = 1073741823`.execute(t.db);
    const again = await admin.post('/api/volunteers', volunteer(999));
    expect(again.statusCode).toBe(201);
    expect(await count()).toBe(before + acknowledged.length + 1);
  });

  it('answers a read-only file with 503 in the user language, and still serves reads', async () => {
    await sql`pragma query_only = 1`.execute(t.db);
    try {
      // The account's language (zh-CN for the demo accounts) wins over the browser's.
      const res = await admin.request({
        method: 'POST',
        url: '/api/volunteers',
        payload: volunteer(500),
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: expect.stringMatching(/数据库/) });
      expect((await admin.get('/api/volunteers?limit=1')).statusCode).toBe(200);
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
    } finally {
      await sql`pragma query_only = 0`.execute(t.db);
    }
  });
});
