import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chart, Dashboard } from '../../../contract/statistics.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { createStudio } from '../../../../test/factories/studios.ts';
import { buildRecord } from '../../../../test/factories/records.ts';
import { rebuildRollups } from './rollups.commands.ts';

let t: TestApp;
let admin: Client;
let xicheng: Client;
let member: Client;
let legal: number;
let health: number;
let xixingUnit: number;
let xichengUnit: number;
let zhongchengUnit: number;
let studioId: number;
let seq = 0;

const period = 'from=2026-10-01&to=2026-12-01';
const chart = (d: Dashboard, id: Chart['id']) => d.charts.find((c) => c.id === id)!;
const value = (d: Dashboard, id: Chart['id'], key: string) => chart(d, id).items.find((i) => i.key === key)!;

/** Writes a record through the API as 张婉珍, for her studio in 西兴社区. */
async function record(body: Record<string, unknown>) {
  const res = await member.request({
    method: 'POST',
    url: '/api/records',
    headers: { 'idempotency-key': `stats-record-${++seq}` },
    payload: {
      studioId,
      durationMinutes: 60,
      mode: 'studio',
      content: '政策法律咨询',
      categoryId: legal,
      ...body,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  xicheng = await t.login('xicheng');
  member = await t.login('zhangwanzhen');
  // The demo's last quarter of services (db/seed/demo-evaluation.ts) would add to every figure
  // counted here by hand: this record book starts empty, and its rollups with it.
  await t.db.deleteFrom('ratings').where('record_id', 'is not', null).execute();
  await t.db.deleteFrom('service_records').execute();
  await rebuildRollups(t.db, t.engine, '2026-11-25T08:00:00.000Z');
  const cat = async (code: string) =>
    (await t.db.selectFrom('categories').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  legal = await cat('legal');
  health = await cat('health');
  xixingUnit = await t.unitId('350802003004');
  xichengUnit = await t.unitId('350802003000');
  zhongchengUnit = await t.unitId('350802004001');
  studioId = (await createStudio(t.db, { status: 'active', category: 'legal' })).id;
  // October: 30 migrant workers and youths at one class, 3 Taiwan compatriots' relatives.
  await record({
    servedAt: '2026-10-12T02:00:00.000Z',
    personTimes: 30,
    groups: ['migrant_workers', 'youth'],
    mode: 'activity',
  });
  await record({ servedAt: '2026-10-20T03:00:00.000Z', personTimes: 3, groups: ['taiwan_overseas'] });
  // November: 12 migrant workers; and one September record, the previous period.
  await record({ servedAt: '2026-11-03T02:00:00.000Z', personTimes: 12, groups: ['migrant_workers'], mode: 'phone' });
  await record({ servedAt: '2026-09-15T02:00:00.000Z', personTimes: 7, groups: ['elderly'] });
  // A health record in another street (中城), outside 西城.
  await buildRecord(t.db, { unitId: zhongchengUnit, servedAt: '2026-11-10T02:00:00.000Z', category: 'health' });
});
afterAll(() => t.close());

describe('GET /api/statistics/dashboard', () => {
  it('counts person-times by month, category, mode and group from the rollups, beside the previous period', async () => {
    const res = await admin.get(`/api/statistics/dashboard?${period}`);
    expect(res.statusCode).toBe(200);
    const d = res.json() as Dashboard;
    expect(d.period).toEqual({ from: '2026-10-01', to: '2026-12-01' });
    expect(d.previous).toEqual({ from: '2026-08-01', to: '2026-10-01' });
    expect(value(d, 'headline', 'personTimes')).toMatchObject({ current: 46, previous: 7 });
    expect(value(d, 'headline', 'legalAid')).toMatchObject({ current: 45, previous: 7 });
    expect(chart(d, 'servicesByMonth').items.map((i) => [i.key, i.current, i.previous])).toEqual([
      ['2026-10', 33, 0],
      ['2026-11', 13, 7],
    ]);
    expect(value(d, 'servicesByCategory', String(legal)).current).toBe(45);
    expect(value(d, 'servicesByCategory', String(health)).current).toBe(1);
    expect(value(d, 'servicesByMode', 'activity').current).toBe(30);
    expect(value(d, 'servicesByMode', 'phone').current).toBe(12);
    // A record that served two groups counts under each, never twice in the total.
    expect(value(d, 'servicesByGroup', 'migrant_workers').current).toBe(42);
    expect(value(d, 'servicesByGroup', 'youth').current).toBe(30);
    expect(chart(d, 'legalAidByGroup').items.map((i) => [i.key, i.current, i.previous])).toEqual([
      ['migrant_workers', 42, 0],
      ['youth', 30, 0],
      ['taiwan_overseas', 3, 0],
      // Seen in the previous period only: shown beside it.
      ['elderly', 0, 7],
    ]);
  });

  it('links each figure to the list behind it, with the same filters', async () => {
    const d = (await admin.get(`/api/statistics/dashboard?${period}&under=${xichengUnit}`)).json() as Dashboard;
    expect(value(d, 'servicesByGroup', 'youth').link).toEqual({
      path: '/records',
      query: { under: String(xichengUnit), from: '2026-10-01', to: '2026-11-30', group: 'youth' },
    });
    expect(value(d, 'studiosByStatus', 'active').link).toEqual({
      path: '/studios',
      query: { under: String(xichengUnit), status: 'active' },
    });
    // The list answers the figure: the records list with the link's filters sums to it.
    const link = value(d, 'legalAidByGroup', 'migrant_workers').link!;
    const list = await admin.get(`/api/records?${new URLSearchParams({ ...link.query, limit: '500' }).toString()}`);
    const items = (list.json() as { items: Array<{ personTimes: number }> }).items;
    expect(items.reduce((s, r) => s + r.personTimes, 0)).toBe(value(d, 'legalAidByGroup', 'migrant_workers').current);
  });

  it('drills down: the district sees its streets, a street its communities, each with its own person-times', async () => {
    const district = (await admin.get(`/api/statistics/dashboard?${period}`)).json() as Dashboard;
    expect(value(district, 'servicesByUnit', String(xichengUnit)).current).toBe(45);
    const street = (await admin.get(`/api/statistics/dashboard?${period}&under=${xichengUnit}`)).json() as Dashboard;
    expect(street.trail.map((u) => u.level)).toEqual(['district', 'street']);
    expect(value(street, 'servicesByUnit', String(xixingUnit)).current).toBe(45);
    expect(value(street, 'headline', 'personTimes').current).toBe(45);
  });

  it('gives a street its own subtree only: another street answers 404, a member and a supervisor 403', async () => {
    const own = (await xicheng.get(`/api/statistics/dashboard?${period}`)).json() as Dashboard;
    expect(own.unit.id).toBe(xichengUnit);
    expect(value(own, 'headline', 'personTimes').current).toBe(45);
    expect((await xicheng.get(`/api/statistics/dashboard?${period}&under=${zhongchengUnit}`)).statusCode).toBe(404);
    expect((await member.get(`/api/statistics/dashboard?${period}`)).statusCode).toBe(403);
    expect((await (await t.login('jiandu')).get(`/api/statistics/dashboard?${period}`)).statusCode).toBe(403);
  });

  it('counts the network as it stood at the end of each period', async () => {
    const d = (await admin.get(`/api/statistics/dashboard?${period}`)).json() as Dashboard;
    const active = value(d, 'studiosByStatus', 'active');
    const serving = value(d, 'headline', 'studiosServing');
    expect(active.current).toBeGreaterThan(0);
    expect(serving.current).toBe(active.current + value(d, 'studiosByStatus', 'rectification').current);
    const volunteers = chart(d, 'volunteersByKind').items.reduce((s, i) => s + i.current, 0);
    expect(value(d, 'headline', 'volunteers').current).toBe(volunteers);
  });

  it('refuses a period that ends before it starts (400)', async () => {
    expect((await admin.get('/api/statistics/dashboard?from=2026-12-01&to=2026-10-01')).statusCode).toBe(400);
  });
});

describe('rollups kept on write', () => {
  it('move a corrected record from its old cells to its new ones', async () => {
    const { id } = await record({ servedAt: '2026-11-20T02:00:00.000Z', personTimes: 5, groups: ['youth'] });
    const before = (await admin.get(`/api/statistics/dashboard?${period}`)).json() as Dashboard;
    const res = await member.put(`/api/records/${id}`, {
      servedAt: '2026-11-20T02:00:00.000Z',
      durationMinutes: 60,
      mode: 'home',
      content: '上门法律咨询',
      categoryId: legal,
      personTimes: 8,
      groups: ['elderly'],
    });
    expect(res.statusCode).toBe(200);
    const after = (await admin.get(`/api/statistics/dashboard?${period}`)).json() as Dashboard;
    expect(value(after, 'headline', 'personTimes').current).toBe(value(before, 'headline', 'personTimes').current + 3);
    expect(value(after, 'servicesByGroup', 'youth').current).toBe(
      value(before, 'servicesByGroup', 'youth').current - 5,
    );
    expect(value(after, 'servicesByGroup', 'elderly').current).toBe(
      value(before, 'servicesByGroup', 'elderly').current + 8,
    );
    expect(value(after, 'servicesByMode', 'home').current).toBe(value(before, 'servicesByMode', 'home').current + 8);
  });

  it('equal a rebuild from the record book (the backfill)', async () => {
    const cells = () =>
      t.db
        .selectFrom('service_rollups')
        .selectAll()
        .where('records', '<>', 0)
        .orderBy(['unit_id', 'grain', 'period', 'category_id', 'mode', 'group_key'])
        .execute();
    const kept = await cells();
    const counted = await rebuildRollups(t.db, t.engine, '2026-11-25T08:00:00.000Z');
    const total = await t.db
      .selectFrom('service_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(counted).toBe(Number(total.n));
    expect(await cells()).toEqual(kept);
    // Built once: a start with `onlyIfUnbuilt` leaves them alone.
    expect(await rebuildRollups(t.db, t.engine, '2026-11-25T08:00:00.000Z', { onlyIfUnbuilt: true })).toBe(0);
  });
});

describe('GET /api/statistics/export.xlsx', () => {
  it('exports a chart’s data with both periods, and audits the export', async () => {
    const audits = await t.auditCount();
    const res = await admin.get(`/api/statistics/export.xlsx?${period}&chart=legalAidByGroup`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('法律援助咨询人次（按群体）');
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.map((r) => r.slice(1))).toContainEqual(['进城务工人员', 42, 0]);
    expect(await t.auditCount()).toBe(audits + 1);
  });

  it('is for the party organisations only (member 403)', async () => {
    expect((await member.get(`/api/statistics/export.xlsx?${period}`)).statusCode).toBe(403);
  });
});

describe('public figures', () => {
  it('refuse impossible or far-apart days with 400, as the fuzzer found (it answered 500)', async () => {
    for (const q of [
      'from=2026-02-30&to=2026-03-01',
      'from=0925-64-68&to=3071-03-66',
      'from=1900-01-01&to=2100-01-01',
    ]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/public/statistics?unit=${xixingUnit}&${q}` });
      expect(res.statusCode, q).toBe(400);
    }
    expect((await admin.post('/api/bulletins', { from: '0234-12-69', to: '7696-22-03' })).statusCode).toBe(400);
  });

  it('show a count below the minimum as "< 5" and withhold a second so the total does not give it away', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/statistics?unit=${xixingUnit}&from=2026-10-01&to=2026-11-01`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      legalAidByGroup: { items: Array<{ key: string; shown: string; value: number | null }>; total: { shown: string } };
    };
    const shown = Object.fromEntries(body.legalAidByGroup.items.map((i) => [i.key, i.shown]));
    // 30, 30 and 3: the 3 is hidden, and so is one 30, or 63 − 30 − 30 would give it away.
    expect(shown).toEqual({ migrant_workers: '—', youth: '30', taiwan_overseas: '< 5' });
    expect(body.legalAidByGroup.total.shown).toBe('63');
    expect(body.legalAidByGroup.items.find((i) => i.key === 'taiwan_overseas')?.value).toBeNull();
  });

  it('name categories and groups in the reader’s language', async () => {
    const labels = async (language: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/public/statistics?unit=${xixingUnit}&from=2026-10-01&to=2026-11-01`,
        headers: { 'accept-language': language },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json() as {
        servicesByCategory: { items: Array<{ key: string; label: string }>; total: { label: string } };
        legalAidByGroup: { items: Array<{ key: string; label: string }> };
      };
      const legal = body.servicesByCategory.items.find((i) => i.key === 'legal')?.label;
      const migrants = body.legalAidByGroup.items.find((i) => i.key === 'migrant_workers')?.label;
      return { legal, migrants, total: body.servicesByCategory.total.label };
    };
    expect(await labels('zh-CN')).toEqual({ legal: '政策法律咨询', migrants: '进城务工人员', total: '合计' });
    expect(await labels('zh-TW,zh;q=0.9')).toEqual({ legal: '政策法律諮詢', migrants: '進城務工人員', total: '合計' });
    const english = await labels('en-US,en;q=0.9');
    expect(english).toEqual({ legal: 'Policy and legal advice', migrants: 'Migrant workers', total: 'Total' });
  });

  it('follow the district’s minimum, changed with an audit entry', async () => {
    const audits = await t.auditCount();
    expect((await xicheng.put('/api/statistics/settings', { minimumCount: 10 })).statusCode).toBe(403);
    const res = await admin.put('/api/statistics/settings', { minimumCount: 10 });
    expect(res.json()).toEqual({ minimumCount: 10 });
    expect(await t.auditCount()).toBe(audits + 1);
    const body = (
      await t.app.inject({
        method: 'GET',
        url: `/api/public/statistics?unit=${xixingUnit}&from=2026-11-01&to=2026-12-01`,
      })
    ).json() as { minimumCount: number; servicesByGroup: { items: Array<{ key: string; shown: string }> } };
    expect(body.minimumCount).toBe(10);
    // 12 migrant workers and 8 elderly (the corrected record): 8 is below 10, and 12 is withheld with it.
    expect(body.servicesByGroup.items.find((i) => i.key === 'elderly')?.shown).toBe('< 10');
    expect(body.servicesByGroup.items.find((i) => i.key === 'migrant_workers')?.shown).toBe('—');
    await admin.put('/api/statistics/settings', { minimumCount: 5 });
  });
});
