import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../contract/statistics.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { freshIp, postLetter, wanzhenStudioId } from '../../../../test/factories/mailbox.ts';
import { buildRecord } from '../../../../test/factories/records.ts';
import { goodRow, workbookOf } from '../../../../test/registry-workbook.ts';
import { COMMIT_BATCH } from '../../import-runner.ts';
import { businessDayStart } from '../../time.ts';
import { rebuildCounts } from './count-rollups.commands.ts';
import { rebuildRollups } from './rollups.commands.ts';

// Issue 13: the dashboard reads ratings, letters and the registry from counts kept on write.
// Whatever is written through the API (a rating, letters, a registry record added, moved to
// another street and kind, screened), the figures must be what counting the rows gives, for the
// district and for a street, and the counts what a rebuild from the rows makes.

let t: TestApp;
let admin: Client;
let xicheng: Client;

const YEAR = { from: '2026-01-01', to: '2027-01-01' };
const PREVIOUS = { from: '2025-01-01', to: '2026-01-01' };

type Figures = { ratings: Record<string, number>; letters: Record<string, number>; registry: Record<string, number> };

/** The dashboard's ratings, letters and registry figures, current and previous. */
async function shown(client: Client): Promise<Figures[]> {
  const res = await client.get(`/api/statistics/dashboard?from=${YEAR.from}&to=${YEAR.to}`);
  expect(res.statusCode, res.body).toBe(200);
  const d = res.json() as Dashboard;
  const items = (id: string) => d.charts.find((c) => c.id === id)?.items ?? [];
  return (['current', 'previous'] as const).map((when) => {
    const pick = (id: string, keys?: readonly string[]) =>
      Object.fromEntries(
        items(id)
          .filter((i) => !keys || keys.includes(i.key))
          .map((i) => [i.key, Number(i[when] ?? 0)]),
      );
    const total = items('headline').find((i) => i.key === 'volunteers');
    return {
      ratings: pick('ratings', ['1', '2', '3', '4', '5']),
      letters: pick('letters'),
      registry: {
        ...pick('volunteersByKind'),
        ...pick('volunteersByScreening'),
        total: Number(total?.[when] ?? 0),
      },
    };
  });
}

/** The same figures counted from the rows of the subtree. */
async function counted(path: string): Promise<Figures[]> {
  const r = subtreeRange(path);
  const out: Figures[] = [];
  for (const p of [YEAR, PREVIOUS]) {
    const ratings = await t.db
      .selectFrom('ratings')
      .innerJoin('studios', 'studios.id', 'ratings.studio_id')
      .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
      .select(['ratings.score', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_units.path', '>=', r.from)
      .where('org_units.path', '<', r.to)
      .where('ratings.created_at', '>=', businessDayStart(p.from))
      .where('ratings.created_at', '<', businessDayStart(p.to))
      .groupBy('ratings.score')
      .execute();
    const letters = await t.db
      .selectFrom('letters')
      .innerJoin('org_units', 'org_units.id', 'letters.unit_id')
      .select(['letters.type', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_units.path', '>=', r.from)
      .where('org_units.path', '<', r.to)
      .where('letters.received_on', '>=', p.from)
      .where('letters.received_on', '<', p.to)
      .groupBy('letters.type')
      .execute();
    const registry = await t.db
      .selectFrom('volunteers')
      .innerJoin('org_units', 'org_units.id', 'volunteers.unit_id')
      .select(['volunteers.kind', 'volunteers.screening_status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_units.path', '>=', r.from)
      .where('org_units.path', '<', r.to)
      .where('volunteers.created_at', '<', businessDayStart(p.to))
      .groupBy(['volunteers.kind', 'volunteers.screening_status'])
      .execute();
    const tally = <T>(rows: T[], key: (x: T) => string, keys: readonly string[], n: (x: T) => number) => {
      const m: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
      for (const x of rows) m[key(x)] = (m[key(x)] ?? 0) + n(x);
      return m;
    };
    out.push({
      ratings: tally(
        ratings,
        (x) => String(x.score),
        ['1', '2', '3', '4', '5'],
        (x) => Number(x.n),
      ),
      letters: tally(
        letters,
        (x) => x.type,
        ['complaint', 'suggestion', 'praise', 'accusation'],
        (x) => Number(x.n),
      ),
      registry: {
        ...tally(
          registry,
          (x) => x.kind,
          ['party_member', 'talent', 'stationed_unit', 'civic_organisation'],
          (x) => Number(x.n),
        ),
        ...tally(
          registry,
          (x) => x.screening_status,
          ['candidate', 'selected', 'declined'],
          (x) => Number(x.n),
        ),
        total: registry.reduce((s, x) => s + Number(x.n), 0),
      },
    });
  }
  return out;
}

const pathOf = async (code: string) =>
  (await t.db.selectFrom('org_units').select('path').where('code', '=', code).executeTakeFirstOrThrow()).path;

/** The whole table of counts, in order; a cell a change brought back to zero stays, and counts as none. */
const allCounts = async () =>
  (
    await t.db
      .selectFrom('count_rollups')
      .selectAll()
      .orderBy('unit_id')
      .orderBy('subject')
      .orderBy('day')
      .orderBy('key')
      .execute()
  )
    .map((c) => ({ ...c, n: Number(c.n) }))
    .filter((c) => c.n !== 0);

/** A service of 张婉珍's studio, rated through its receipt's public code. */
async function rateWalkIn(score: number) {
  const { ratingCode } = await buildRecord(t.db, {
    studioId: await wanzhenStudioId(t),
    servedAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
  });
  const rated = await t.app.inject({
    method: 'POST',
    url: `/api/public/ratings/${ratingCode}`,
    payload: { score, comment: '讲得很清楚' },
    remoteAddress: freshIp(),
  });
  expect(rated.statusCode, rated.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  xicheng = await t.login('xicheng');
});
afterAll(() => t.close());

describe('dashboard counts kept on write', () => {
  it('equal the rows counted after ratings, letters and registry changes, for the district and a street', async () => {
    const district = await pathOf(
      (await t.db.selectFrom('org_units').select('code').where('parent_id', 'is', null).executeTakeFirstOrThrow()).code,
    );
    const street = await pathOf('350802003000');
    expect(await shown(admin)).toEqual(await counted(district));
    expect(await shown(xicheng)).toEqual(await counted(street));
    const before = await shown(xicheng);

    await rateWalkIn(4);
    await rateWalkIn(2);
    for (const type of ['complaint', 'suggestion', 'praise'])
      expect(
        (await postLetter(t, { type, studioId: await wanzhenStudioId(t), text: `关于工作室的${type}（计数测试）` }))
          .statusCode,
      ).toBe(201);
    const created = await admin.post('/api/volunteers', {
      kind: 'talent',
      name: '计数人',
      phone: '13600000991',
      unitId: await t.unitId('350802003004'),
      profession: '全科医生',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: number }).id;

    const [cur] = await shown(xicheng);
    expect(cur?.ratings['4']).toBe((before[0]?.ratings['4'] ?? 0) + 1);
    expect(cur?.letters.praise).toBe((before[0]?.letters.praise ?? 0) + 1);
    expect(cur?.registry.talent).toBe((before[0]?.registry.talent ?? 0) + 1);
    expect(await shown(admin)).toEqual(await counted(district));
    expect(await shown(xicheng)).toEqual(await counted(street));

    // Moved to another street as another kind, then screened: the counts follow the record.
    const moved = await admin.put(`/api/volunteers/${id}`, {
      kind: 'party_member',
      name: '计数人',
      phone: '13600000991',
      unitId: await t.unitId('350802004001'),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const screened = await admin.post(`/api/volunteers/${id}/screening`, { status: 'selected', reason: '热心' });
    expect(screened.statusCode, screened.body).toBe(200);
    expect((await shown(xicheng))[0]?.registry.talent).toBe(before[0]?.registry.talent);
    expect(await shown(admin)).toEqual(await counted(district));
    expect(await shown(xicheng)).toEqual(await counted(street));
    expect(await shown(await t.login('zhongcheng'))).toEqual(await counted(await pathOf('350802004000')));

    // What was kept on write is what a rebuild from the rows makes, cell for cell.
    const kept = await allCounts();
    await t.db.transaction().execute((trx) => rebuildCounts(trx, t.engine, t.clock.now().toISOString()));
    expect(kept).toEqual(await allCounts());
  });

  it('count a record once when two edits and two screenings of it arrive at once', async () => {
    // On PostgreSQL the two transactions really overlap: without the row lock each would take away
    // the count of the record as it was and add its own, and the record would be counted twice.
    const district = await pathOf(
      (await t.db.selectFrom('org_units').select('code').where('parent_id', 'is', null).executeTakeFirstOrThrow()).code,
    );
    const created = await admin.post('/api/volunteers', {
      kind: 'talent',
      name: '并发人',
      phone: '13600000992',
      unitId: await t.unitId('350802003004'),
      profession: '律师',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: number }).id;
    const before = (await shown(admin))[0]?.registry.total ?? 0;
    for (let round = 0; round < 3; round++) {
      const edits = await Promise.all(
        [
          { kind: 'party_member', unitId: await t.unitId('350802004001') },
          { kind: 'stationed_unit', unitId: await t.unitId('350802003004') },
        ].map((change) => admin.put(`/api/volunteers/${id}`, { name: '并发人', phone: '13600000992', ...change })),
      );
      for (const e of edits) expect([200, 409], e.body).toContain(e.statusCode);
      const screenings = await Promise.all(
        (['selected', 'declined'] as const).map((status) =>
          admin.post(`/api/volunteers/${id}/screening`, { status, reason: `第${round}轮` }),
        ),
      );
      for (const r of screenings) expect([200, 409], r.body).toContain(r.statusCode);
      expect((await shown(admin))[0]?.registry.total).toBe(before);
      expect(await shown(admin)).toEqual(await counted(district));
    }
    const kept = await allCounts();
    await t.db.transaction().execute((trx) => rebuildCounts(trx, t.engine, t.clock.now().toISOString()));
    expect(kept).toEqual(await allCounts());
  });

  it('count the records of a registry import', async () => {
    const xixing = await t.login('xixing');
    const street = await pathOf('350802003000');
    const before = await shown(xicheng);
    const upload = await xixing.request({
      method: 'POST',
      url: '/api/registry/imports?filename=counts.xlsx',
      payload: await workbookOf([goodRow(9101), goodRow(9102), goodRow(9103)]),
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(upload.statusCode, upload.body).toBe(202);
    const id = (upload.json() as { id: number }).id;
    for (let i = 0; i < 600; i++) {
      const s = (await xixing.get(`/api/registry/imports/${id}`)).json() as { status: string };
      if (s.status !== 'validating') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const committed = await xixing.post(`/api/registry/imports/${id}/commit`, { mode: 'all' });
    expect(committed.statusCode, committed.body).toBe(200);
    expect((await shown(xicheng))[0]?.registry.total).toBe((before[0]?.registry.total ?? 0) + 3);
    expect(await shown(xicheng)).toEqual(await counted(street));
    const kept = await allCounts();
    await t.db.transaction().execute((trx) => rebuildCounts(trx, t.engine, t.clock.now().toISOString()));
    expect(kept).toEqual(await allCounts());
  });

  it('count the records of a registry import committed in several batches', async () => {
    const xixing = await t.login('xixing');
    const street = await pathOf('350802003000');
    const before = await shown(xicheng);
    // Three batches (in mode valid), and a row refused (no phone) that is not counted.
    const rows = Array.from({ length: COMMIT_BATCH * 2 + 13 }, (_, i) => goodRow(9_200 + i));
    const upload = await xixing.request({
      method: 'POST',
      url: '/api/registry/imports?filename=counts-batches.xlsx',
      payload: await workbookOf([...rows, { ...goodRow(9_100), phone: '' }]),
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(upload.statusCode, upload.body).toBe(202);
    const id = (upload.json() as { id: number }).id;
    for (let i = 0; i < 600; i++) {
      const s = (await xixing.get(`/api/registry/imports/${id}`)).json() as { status: string };
      if (s.status !== 'validating') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const committed = await xixing.post(`/api/registry/imports/${id}/commit`, { mode: 'valid' });
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json()).toMatchObject({ status: 'committed', committedRows: rows.length });
    expect((await shown(xicheng))[0]?.registry.total).toBe((before[0]?.registry.total ?? 0) + rows.length);
    expect(await shown(xicheng)).toEqual(await counted(street));
    const kept = await allCounts();
    await t.db.transaction().execute((trx) => rebuildCounts(trx, t.engine, t.clock.now().toISOString()));
    expect(kept).toEqual(await allCounts());
  });

  it('are built at the start after an upgrade that found the service rollups built, and those left be', async () => {
    const kept = await allCounts();
    const services = await t.db
      .selectFrom('service_rollups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // As before the upgrade: no counts, and no mark of them.
    await t.db.deleteFrom('count_rollups').execute();
    await t.db
      .deleteFrom('settings')
      .where('key', 'in', ['statistics.countsBuiltAt', 'statistics.countsTimeZone'])
      .execute();
    await t.db.deleteFrom('service_rollups').where('grain', '=', 'month').execute();
    expect(await rebuildRollups(t.db, t.engine, t.clock.now().toISOString(), { onlyIfUnbuilt: true })).toBe(0);
    expect(await allCounts()).toEqual(kept);
    // The service rollups were not rebuilt (their month rows, taken out above, are still gone).
    const left = await t.db
      .selectFrom('service_rollups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBeLessThan(Number(services.n));
    await rebuildRollups(t.db, t.engine, t.clock.now().toISOString());
  });
});
