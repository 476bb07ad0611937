import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// One business time zone for every printed date: the agreement's signing day is the day in
// China (or HUIMIN_TIME_ZONE), whatever zone the server process runs in.
const processZone = process.env.TZ;
let t: TestApp;
let studioId = 0;
beforeAll(async () => {
  t = await createTestApp();
  const contract = await t.db
    .selectFrom('studio_contracts')
    .innerJoin('studios', 'studios.id', 'studio_contracts.studio_id')
    .select(['studio_contracts.id', 'studio_contracts.studio_id'])
    .where('studios.name', '=', '婉珍文艺专业服务室')
    .orderBy('studio_contracts.id', 'desc')
    .executeTakeFirstOrThrow();
  studioId = contract.studio_id;
  // 17:30 UTC on 28 December is already 01:30 on the 29th in China.
  await t.db
    .updateTable('studio_contracts')
    .set({ signed_at: '2025-12-28T17:30:00.000Z' })
    .where('id', '=', contract.id)
    .execute();
});
afterAll(() => t.close());
afterEach(() => {
  if (processZone === undefined) delete process.env.TZ;
  else process.env.TZ = processZone;
});

describe('the business time zone', () => {
  it('prints the agreement signed at 01:30 China time on the China day, with the server in Los Angeles', async () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(new Date('2025-12-28T17:30:00.000Z').getDate()).toBe(28);
    const html = await (await t.login('xicheng')).get(`/api/studios/${studioId}/contract.html`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('2025年12月29日');
    expect(html.body).not.toContain('2025年12月28日');
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json().timeZone).toBe('Asia/Shanghai');
  });

  it('follows HUIMIN_TIME_ZONE when a deployment sets another zone', async () => {
    process.env.TZ = 'Asia/Shanghai';
    const elsewhere = await createTestApp({ config: { HUIMIN_TIME_ZONE: 'America/Los_Angeles' } });
    try {
      await elsewhere.db
        .updateTable('studio_contracts')
        .set({ signed_at: '2025-12-28T17:30:00.000Z' })
        .where('studio_id', '=', studioId)
        .execute();
      const html = await (await elsewhere.login('xicheng')).get(`/api/studios/${studioId}/contract.html`);
      expect(html.body).toContain('2025年12月28日');
      expect((await elsewhere.app.inject({ method: 'GET', url: '/api/health' })).json().timeZone).toBe(
        'America/Los_Angeles',
      );
    } finally {
      await elsewhere.close();
    }
  });

  it('refuses a zone that does not exist at start', async () => {
    const { loadConfig } = await import('../config/config.ts');
    expect(() => loadConfig({ HUIMIN_TIME_ZONE: 'China/Beijing' })).toThrow(/HUIMIN_TIME_ZONE/);
  });
});
