import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { wanzhenStudioId } from '../../../../test/factories/mailbox.ts';
import { coverPeriod, type DayRange } from '../../../domain/statistics/rollups.ts';
import { bumpSetting } from '../../settings.repository.ts';
import { slicesOf, sumRollups } from './rollups.repository.ts';
import { PAST_ROLLUPS_VERSION, personTimesByUnit } from './sealed-months.repository.ts';

// The dashboard's person-times by child unit read the months that are over from memory. After a
// backdated record written through the API, and after another instance's write to a past month,
// they must be what summing the rollup rows gives (the other instance's within a second).

let t: TestApp;
let member: Client;
let seq = 0;
const RANGES: DayRange[] = [
  { from: '2026-01-01', to: '2027-01-01' },
  { from: '2025-01-01', to: '2026-01-01' },
  { from: '2026-09-10', to: '2026-11-20' },
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function children() {
  const top = await t.db.selectFrom('org_units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const streets = await t.db.selectFrom('org_units').select('id').where('parent_id', '=', top.id).execute();
  return streets.map((s) => s.id);
}

async function direct(unitIds: readonly number[], range: DayRange) {
  const rows = await sumRollups(t.db, slicesOf(unitIds, coverPeriod(range)), 'unit_id', { groups: false });
  return new Map(rows.filter((r) => r.personTimes !== 0).map((r) => [r.key, r.personTimes]));
}

async function expectSame() {
  const ids = await children();
  for (const range of RANGES) {
    const held = await personTimesByUnit(t.db, ids, range);
    const nonZero = new Map([...held].filter(([, n]) => n !== 0));
    expect(nonZero).toEqual(await direct(ids, range));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  member = await t.login('zhangwanzhen');
});
afterAll(() => t.close());

describe('person-times of months that are over, held in memory', () => {
  it('equal the rollup rows summed, after a backdated record written through the API', async () => {
    await expectSame();
    const xicheng = String(await t.unitId('350802003000'));
    const before = (await personTimesByUnit(t.db, await children(), RANGES[0] as DayRange)).get(xicheng) ?? 0;
    const legal = await t.db
      .selectFrom('categories')
      .select('id')
      .where('code', '=', 'legal')
      .executeTakeFirstOrThrow();
    const res = await member.request({
      method: 'POST',
      url: '/api/records',
      headers: { 'idempotency-key': `sealed-months-${++seq}` },
      payload: {
        studioId: await wanzhenStudioId(t),
        durationMinutes: 60,
        mode: 'studio',
        content: '政策法律咨询',
        categoryId: legal.id,
        servedAt: '2026-09-20T02:00:00.000Z',
        personTimes: 17,
        groups: ['youth'],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await personTimesByUnit(t.db, await children(), RANGES[0] as DayRange)).get(xicheng) ?? 0;
    expect(after).toBe(before + 17);
    await expectSame();
  });

  it("sees another instance's write to a past month within a second (the version it bumped)", async () => {
    await expectSame();
    const xicheng = await t.unitId('350802003000');
    const row = await t.db
      .selectFrom('service_rollups')
      .selectAll()
      .where('unit_id', '=', xicheng)
      .where('grain', '=', 'month')
      .where('period', '=', '2026-09')
      .where('group_key', '=', '')
      .executeTakeFirstOrThrow();
    // Another instance adds to a past month and bumps the version in its transaction; this one is not told.
    await t.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('service_rollups')
        .set({ person_times: row.person_times + 5 })
        .where('unit_id', '=', row.unit_id)
        .where('grain', '=', row.grain)
        .where('period', '=', row.period)
        .where('category_id', '=', row.category_id)
        .where('mode', '=', row.mode)
        .where('group_key', '=', row.group_key)
        .execute();
      await bumpSetting(trx, PAST_ROLLUPS_VERSION, new Date().toISOString());
    });
    await sleep(1100);
    await expectSame();
  });
});
