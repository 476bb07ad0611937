import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudio } from '../../../../test/factories/studios.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { RECORD_PLACE_TTL_MS } from './record-place-cache.repository.ts';

// Writing a record checks its studio from a place kept in memory for under a second
// (record-place-cache.repository.ts): a studio that stops serving must refuse records at once
// when the change is made here, and within a second when another instance makes it.
let t: TestApp;
let member: Client;
let street: Client;
let health: number;
beforeAll(async () => {
  t = await createTestApp();
  member = await t.login('zhangwanzhen');
  street = await t.login('xicheng');
  health = (await t.db.selectFrom('categories').select('id').where('code', '=', 'health').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

let n = 0;
const submit = (studioId: number) =>
  member.request({
    method: 'POST',
    url: '/api/records',
    payload: {
      studioId,
      servedAt: '2026-11-25T06:30:00.000Z',
      durationMinutes: 60,
      groups: ['youth'],
      categoryId: health,
      mode: 'activity',
      content: '健康讲座',
      personTimes: 30,
    },
    headers: { 'idempotency-key': `place-cache-${String(n++).padStart(4, '0')}` },
  });

describe('the studio a record is written for', () => {
  it('is kept for under a second', () => {
    expect(RECORD_PLACE_TTL_MS).toBeLessThan(1000);
  });

  it('refuses records at once once revoked on this instance', async () => {
    const { id } = await createStudio(t.db, { status: 'active', category: 'health' });
    expect((await submit(id)).statusCode).toBe(201);
    const revoked = await street.post(`/api/studios/${id}/revoke`, { reason: '违规收费', decidedOn: '2026-11-25' });
    expect(revoked.statusCode).toBe(200);
    const refused = await submit(id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
  });

  it('refuses records within a second once it stops serving on another instance', async () => {
    const { id } = await createStudio(t.db, { status: 'active', category: 'health' });
    expect((await submit(id)).statusCode).toBe(201);
    // Another instance's write: this process hears of it only through the database.
    await sql`update studios set status = 'suspended' where id = ${id}`.execute(t.db);
    const since = performance.now();
    for (;;) {
      const res = await submit(id);
      if (res.statusCode === 409) break;
      expect(res.statusCode).toBe(201);
      expect(performance.now() - since).toBeLessThan(1000);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
});
