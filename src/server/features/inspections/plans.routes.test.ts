import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { createStudio } from '../../../../test/factories.ts';
import { report, submit } from '../../../../test/factories/inspections.ts';
import type { InspectionSummary } from '../../../contract/inspections.ts';
import type { Supervisor } from '../../../contract/supervisors.ts';
import { planCurrentQuarter } from './inspections.job.ts';

let t: TestApp;
let street: Client;
let ids: { xicheng: number; zhongcheng: number; xixing: number; xian: number };

beforeAll(async () => {
  t = await createTestApp();
  street = await t.login('xicheng');
  ids = {
    xicheng: await t.unitId('350802003000'),
    zhongcheng: await t.unitId('350802004000'),
    xixing: await t.unitId('350802003004'),
    xian: await t.unitId('350802003001'),
  };
});
afterAll(() => t.close());

let seq = 0;
/** A supervisor appointed by a street admin, living in `communityId`. */
async function appoint(admin: Client, streetId: number, communityId: number | null): Promise<Supervisor> {
  seq += 1;
  const account = await admin.post('/api/accounts', {
    username: `jd-plan-${seq}`,
    displayName: `监督员${seq}`,
    password: 'Patrol-Visit-2026',
    role: 'supervisor',
    unitId: streetId,
  });
  const res = await admin.post('/api/supervisors', {
    accountId: (account.json() as { id: number }).id,
    name: `监督员${seq}`,
    phone: '13905976666',
    communityId,
    appointedOn: '2026-10-01',
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as Supervisor;
}

async function quarterOf(client: Client, query = ''): Promise<InspectionSummary[]> {
  return ((await client.get(`/api/inspections?limit=500${query}`)).json() as { items: InspectionSummary[] }).items;
}

describe('POST /api/inspections/plan', () => {
  it('covers every serving studio of the street once, balanced within one, nobody in their own community', async () => {
    // jiandu lives in 西安社区 and holds 婉珍文艺 (西兴社区) and 莲花家电 (莲花社区); a lives in 西兴社区, b in 西安社区.
    const a = await appoint(street, ids.xicheng, ids.xixing);
    const b = await appoint(street, ids.xicheng, ids.xian);
    for (let i = 0; i < 2; i++) await createStudio(t.db, { status: 'active', name: `西兴工作室${i}` });
    await createStudio(t.db, { status: 'rectification', name: '西兴整改中工作室' });
    for (let i = 0; i < 2; i++) {
      const s = await createStudio(t.db, { status: 'active', name: `西安工作室${i}` });
      await t.db.updateTable('studios').set({ unit_id: ids.xian }).where('id', '=', s.id).execute();
    }
    await createStudio(t.db, { status: 'approved', name: '西兴未授牌工作室' });
    const res = await street.post('/api/inspections/plan', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ quarter: '2026-Q4', created: 5, planned: 7, unassigned: [] });
    const planned = await quarterOf(street, '&quarter=2026-Q4');
    expect(planned.map((i) => i.studioName)).not.toContain('西兴未授牌工作室');
    expect(new Set(planned.map((i) => i.studioId)).size).toBe(planned.length);
    const jianduId = planned.find((i) => i.supervisorName === '林秀琴')?.supervisorId ?? 0;
    const loads = [a.id, b.id, jianduId].map((s) => planned.filter((i) => i.supervisorId === s).length);
    expect([...loads].sort()).toEqual([2, 2, 3]);
    // A balanced plan exists in which nobody inspects a studio of their own community: this is it.
    const home = new Map([
      [a.id, '西兴'],
      [b.id, '西安'],
      [jianduId, '西安'],
    ]);
    expect(planned.filter((i) => i.unitName.startsWith(home.get(i.supervisorId) ?? '-'))).toEqual([]);

    const again = await street.post('/api/inspections/plan', {});
    expect(again.json()).toMatchObject({ created: 0, planned: 7 });
    expect(await planCurrentQuarter(t.db, t.clock.now())).toEqual({ created: 0 });
    expect(await quarterOf(street, '&quarter=2026-Q4')).toHaveLength(7);
  });

  it('counts a studio revoked during the quarter, and not one revoked before it', async () => {
    const during = await createStudio(t.db, { status: 'active', name: '季度内撤牌工作室' });
    const revoked = await street.post(`/api/studios/${during.id}/revoke`, {
      reason: '长期未开展服务',
      decidedOn: '2026-11-25',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const before = await createStudio(t.db, { status: 'revoked', name: '季度前撤牌工作室' });
    await t.db
      .updateTable('studios')
      .set({ status_changed_at: '2026-08-01T00:00:00.000Z' })
      .where('id', '=', before.id)
      .execute();
    await street.post('/api/inspections/plan', {});
    const names = (await quarterOf(street)).map((i) => i.studioName);
    expect(names).toContain('季度内撤牌工作室');
    expect(names).not.toContain('季度前撤牌工作室');
  });

  it('lists the studios of a street without supervisors as unassigned, and plans them once one is appointed', async () => {
    const zhongcheng = await t.login('zhongcheng');
    const empty = await zhongcheng.post('/api/inspections/plan', {});
    expect(empty.json()).toMatchObject({ created: 0, unassigned: [{ studioName: '来发医疗卫生专业服务室' }] });
    await appoint(zhongcheng, ids.zhongcheng, null);
    expect(await planCurrentQuarter(t.db, t.clock.now())).toEqual({ created: 1 });
    expect((await quarterOf(zhongcheng)).map((i) => i.studioName)).toEqual(['来发医疗卫生专业服务室']);
  });

  it('is the street’s to run, for its own street only', async () => {
    expect((await (await t.login('jiandu')).post('/api/inspections/plan', {})).statusCode).toBe(403);
    expect((await (await t.login('xixing')).post('/api/inspections/plan', {})).statusCode).toBe(403);
    expect((await (await t.login('admin')).post('/api/inspections/plan', {})).statusCode).toBe(403);
    expect((await street.post('/api/inspections/plan', { streetId: ids.zhongcheng })).statusCode).toBe(404);
    expect((await street.post('/api/inspections/plan', { streetId: ids.xixing })).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});

describe('GET /api/inspections/coverage', () => {
  it('shows each street the studios that served, inspected and not, and the district all streets', async () => {
    const jiandu = await t.login('jiandu');
    const mine = await quarterOf(jiandu);
    const first = mine.find((i) => i.studioName === '婉珍文艺专业服务室');
    expect((await submit(jiandu, first?.id ?? 0, report())).statusCode).toBe(201);
    const cov = (await street.get('/api/inspections/coverage')).json() as {
      quarter: string;
      streets: Array<{
        streetName: string;
        studios: number;
        inspected: number;
        planned: number;
        uninspected: Array<{ studioName: string }>;
      }>;
    };
    expect(cov.quarter).toBe('2026-Q4');
    expect(cov.streets.map((s) => s.streetName)).toEqual(['西城街道']);
    const xc = cov.streets[0];
    expect(xc).toMatchObject({ studios: 8, planned: 8, inspected: 1 });
    expect(xc?.uninspected.map((u) => u.studioName)).not.toContain('婉珍文艺专业服务室');
    expect(xc?.uninspected).toHaveLength(7);
    const district = (await (await t.login('admin')).get('/api/inspections/coverage')).json() as typeof cov;
    expect(district.streets.map((s) => s.streetName)).toEqual(
      expect.arrayContaining(['西城街道', '中城街道', '东城街道']),
    );
    expect((await street.get(`/api/inspections/coverage?under=${ids.zhongcheng}`)).statusCode).toBe(404);
    expect((await jiandu.get('/api/inspections/coverage')).statusCode).toBe(403);
  });
});

describe('after the quarter ends', () => {
  it('flags what was not done as overdue, counts it against the supervisor, and plans the next quarter', async () => {
    t.clock.advanceMinutes(37 * 24 * 60); // 2027-01-01
    street = await t.login('xicheng');
    const jiandu = await t.login('jiandu');
    const overdue = await quarterOf(street, '&quarter=2026-Q4&overdue=1');
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((i) => i.overdue && i.status === 'planned')).toBe(true);
    expect(overdue.map((i) => i.studioName)).not.toContain('婉珍文艺专业服务室');

    const late = (await quarterOf(jiandu, '&quarter=2026-Q4&status=planned'))[0];
    const submitted = await submit(jiandu, late?.id ?? 0, report({ visitedAt: '2026-12-30T02:00:00.000Z' }));
    expect(submitted.json()).toMatchObject({ overdue: true });

    const roster = (await street.get('/api/supervisors')).json() as { items: Supervisor[] };
    const record = roster.items.find((s) => s.username === 'jiandu')?.activity;
    expect(record).toMatchObject({ done: 2, onTime: 1, inactive: false });
    expect(record?.overdue).toBe(1 + (await quarterOf(jiandu, '&quarter=2026-Q4&status=planned')).length);

    const cov = (await street.get('/api/inspections/coverage?quarter=2026-Q4')).json() as {
      streets: Array<{ overdue: number; inspected: number }>;
    };
    expect(cov.streets[0]).toMatchObject({ inspected: 2 });
    expect(cov.streets[0]?.overdue).toBe(overdue.length);

    // Two instances running the job at once write each studio's plan once.
    const runs = await Promise.all([planCurrentQuarter(t.db, t.clock.now()), planCurrentQuarter(t.db, t.clock.now())]);
    const q1 = await quarterOf(street, '&quarter=2027-Q1');
    expect(q1.length).toBeGreaterThan(0);
    expect(runs[0].created + runs[1].created).toBe(
      q1.length + (await quarterOf(await t.login('zhongcheng'), '&quarter=2027-Q1')).length,
    );
    expect(new Set(q1.map((i) => i.studioId)).size).toBe(q1.length);
    expect(q1.every((i) => i.dueOn === '2027-03-31' && !i.overdue)).toBe(true);
  });

  it('flags a supervisor with no inspection in two quarters as inactive', async () => {
    const idle = await appoint(street, ids.xicheng, null);
    await t.db.updateTable('supervisors').set({ appointed_on: '2026-01-05' }).where('id', '=', idle.id).execute();
    const shown = (await street.get(`/api/supervisors/${idle.id}`)).json() as Supervisor;
    expect(shown.activity.inactive).toBe(true);
  });
});
