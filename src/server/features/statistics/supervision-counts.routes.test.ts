import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../contract/statistics.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { complaintAboutWanzhen, rate } from '../../../../test/factories/mailbox.ts';
import { plannedInspection, report, submit } from '../../../../test/factories/inspections.ts';
import type { Supervisor } from '../../../contract/supervisors.ts';
import { letterRateTally } from '../../../domain/statistics/count-rollups.ts';
import { servingStatuses } from '../../../domain/statistics/labels.ts';
import { dayBefore, previousPeriod } from '../../../domain/statistics/rollups.ts';
import { bumpSetting, SETTINGS_VERSION } from '../../settings.repository.ts';
import { markChanged } from '../../versioned-cache.ts';
import { buildSupervisionCountsOnce } from './supervision-counts.job.ts';
import { businessDayStart, chinaDate } from '../../time.ts';
import { countRates } from '../mailbox/mailbox.repository.ts';
import * as counts from './count-rollups.repository.ts';
import { rebuildCounts } from './count-rollups.commands.ts';
import * as repo from './statistics.repository.ts';
import * as snapshot from './studio-snapshot.repository.ts';
import { countBy } from './statistics.presenter.ts';

// Issue 13 at province scale: the dashboard's studio states and categories come from a snapshot
// of the studios held in memory, its inspections and 三率 from counts kept on write. Whatever is
// written through the API (inspections planned, submitted, cancelled; letters acknowledged,
// replied and rated; a studio revoked), the fast paths must give what counting the rows gives,
// and another instance's change must show within a second.

let t: TestApp;
let admin: Client;
let street: Client;
let jiandu: Client;
let jianduId: number;

const YEAR = { from: '2026-01-01', to: '2027-01-01' };
const RANGES = [YEAR, previousPeriod(YEAR)];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const unitOf = async (code: string) =>
  t.db.selectFrom('org_units').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
const topUnit = async () =>
  t.db.selectFrom('org_units').select(['id', 'path']).where('parent_id', 'is', null).executeTakeFirstOrThrow();

const byId = <T extends { id: number }>(rows: T[]) => [...rows].sort((a, b) => a.id - b.id);
const pairs = (rows: Array<{ studio_id: number; category_id: number }>) =>
  rows.map((r) => `${r.studio_id}:${r.category_id}`).sort();

/** The old way: 三率's tally of a period from the letters themselves. */
async function directTally(path: string, range: { from: string; to: string }, today: string) {
  const rows = await countRates(t.db, { path, from: range.from, to: dayBefore(range.to), today, by: 'street' });
  const keys = [
    'letters',
    'due',
    'acknowledged_on_time',
    'rated',
    'resolved',
    'satisfied',
    'basic',
    'unsatisfied',
    'substantiated',
  ] as const;
  const sum = Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + Number(r[k]), 0)]));
  return {
    letters: sum.letters,
    due: sum.due,
    acknowledgedOnTime: sum.acknowledged_on_time,
    rated: sum.rated,
    resolved: sum.resolved,
    satisfied: sum.satisfied,
    basic: sum.basic,
    unsatisfied: sum.unsatisfied,
    substantiated: sum.substantiated,
  };
}

/** Each fast path of a unit against the rows counted directly. */
async function expectSameAsRows(unit: { id: number; path: string }) {
  const today = chinaDate(t.clock.now());
  const instants = RANGES.map((r) => businessDayStart(r.to));
  const fast = await snapshot.studioStatesAt(t.db, unit.path, instants);
  const slow = await repo.listStudioStatesAt(t.db, unit.path, instants);
  expect(fast.map(byId)).toEqual(slow.map(byId));
  const slowPairs = await repo.listStudioCategories(t.db, unit.path);
  expect(pairs(await snapshot.studioCategoriesIn(t.db, unit.path))).toEqual(pairs(slowPairs));
  // The dashboard's figures counted in one pass: as counting the states and pairs read from the rows.
  const isServing = (status: string) => servingStatuses.includes(status);
  const figures = await snapshot.studioFiguresAt(t.db, unit.path, instants, isServing);
  const sorted = (m: ReadonlyMap<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [k, states] of slow.entries()) {
    const serving = states.filter((s) => s.status !== null && isServing(s.status));
    const ids = new Set(serving.map((s) => s.id));
    const f = figures[k];
    expect(f?.serving).toBe(serving.length);
    expect(sorted(f?.byStatus ?? new Map())).toEqual(sorted(countBy(states, (s) => s.status)));
    expect(sorted(f?.servingByLevel ?? new Map())).toEqual(sorted(countBy(serving, (s) => s.level)));
    expect(sorted(f?.servingByVenueType ?? new Map())).toEqual(
      sorted(countBy(serving, (s) => s.venueType ?? 'unknown')),
    );
    expect(sorted(f?.servingByCategory ?? new Map())).toEqual(
      sorted(
        countBy(
          slowPairs.filter((p) => ids.has(p.studio_id)),
          (p) => String(p.category_id),
        ),
      ),
    );
  }
  expect(await counts.sumInspections(t.db, unit.id, RANGES, today)).toEqual(
    await repo.countInspections(t.db, unit.path, RANGES, today),
  );
  // And on the days around today, where overdue and to come divide.
  const around = { from: dayBefore(dayBefore(today)), to: '2027-06-01' };
  expect(await counts.sumInspections(t.db, unit.id, [around], today)).toEqual(
    await repo.countInspections(t.db, unit.path, [around], today),
  );
  const cells = await counts.sumCounts(t.db, unit.id, 'letter-rate', RANGES);
  for (const [k, range] of RANGES.entries())
    for (const asOf of [today, '2030-01-01'])
      expect(letterRateTally(cells[k] ?? [], asOf)).toEqual(await directTally(unit.path, range, asOf));
}

/** A chart's current figures. */
async function chart(client: Client, id: string) {
  const res = await client.get(`/api/statistics/dashboard?from=${YEAR.from}&to=${YEAR.to}`);
  expect(res.statusCode, res.body).toBe(200);
  const items = (res.json() as Dashboard).charts.find((c) => c.id === id)?.items ?? [];
  return Object.fromEntries(items.map((i) => [i.key, Number(i.current ?? 0)]));
}

const allCounts = async () =>
  (
    await t.db
      .selectFrom('count_rollups')
      .selectAll()
      .where('subject', 'in', ['inspection', 'letter-rate'])
      .orderBy('unit_id')
      .orderBy('subject')
      .orderBy('day')
      .orderBy('key')
      .execute()
  )
    .map((c) => ({ ...c, n: Number(c.n) }))
    .filter((c) => c.n !== 0);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  street = await t.login('xicheng');
  jiandu = await t.login('jiandu');
  const roster = (await street.get('/api/supervisors')).json() as { items: Supervisor[] };
  jianduId = roster.items.find((s) => s.username === 'jiandu')?.id ?? 0;
});
afterAll(() => t.close());

describe('the dashboard at scale: snapshot and counts kept on write', () => {
  it('equal the rows counted after inspections, letters and studio changes made through the API', async () => {
    const district = await topUnit();
    const xicheng = await unitOf('350802003000');
    await expectSameAsRows(district);
    await expectSameAsRows(xicheng);
    const inspections = await chart(street, 'inspections');
    const serving = (await chart(street, 'headline')).studiosServing ?? 0;

    // Inspections: two planned (a new studio each), one submitted, one cancelled.
    const first = await plannedInspection(t, street, jianduId);
    const second = await plannedInspection(t, street, jianduId);
    expect((await submit(jiandu, first.id, report())).statusCode).toBe(201);
    const cancelled = await street.post(`/api/inspections/${second.id}/cancel`, { reason: '工作室停业装修' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await chart(street, 'inspections')).done).toBe((inspections.done ?? 0) + 1);
    expect((await chart(street, 'headline')).studiosServing).toBe(serving + 2);

    // Letters: one handled through to 满意, one acknowledged, one left waiting.
    const xichengAccount = (
      await t.db.selectFrom('accounts').select('id').where('username', '=', 'xicheng').executeTakeFirstOrThrow()
    ).id;
    const handled = await complaintAboutWanzhen(t);
    await street.post(`/api/letters/${handled.id}/assign`, { handlerId: xichengAccount });
    expect((await street.post(`/api/letters/${handled.id}/acknowledge`)).statusCode).toBe(200);
    expect((await street.post(`/api/letters/${handled.id}/reply`, { text: '已安排成员按时开放。' })).statusCode).toBe(
      200,
    );
    expect((await rate(t, handled.code, 'satisfied')).statusCode).toBe(200);
    const acknowledged = await complaintAboutWanzhen(t);
    await street.post(`/api/letters/${acknowledged.id}/assign`, { handlerId: xichengAccount });
    expect((await street.post(`/api/letters/${acknowledged.id}/acknowledge`)).statusCode).toBe(200);
    await complaintAboutWanzhen(t);

    // A studio revoked: it leaves the serving studios at once.
    const revoked = await street.post(`/api/studios/${first.studioId}/revoke`, {
      reason: '测试',
      decidedOn: chinaDate(t.clock.now()),
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await chart(street, 'headline')).studiosServing).toBe(serving + 1);

    await expectSameAsRows(district);
    await expectSameAsRows(xicheng);
    await expectSameAsRows(await unitOf('350802004000'));

    // What was kept on write is what a rebuild from the rows makes, cell for cell.
    const kept = await allCounts();
    expect(kept.length).toBeGreaterThan(0);
    await t.db.transaction().execute((trx) => rebuildCounts(trx, t.engine, t.clock.now().toISOString()));
    expect(await allCounts()).toEqual(kept);
  });

  it('move a letter or an inspection once when two changes of it arrive at once', async () => {
    // On PostgreSQL the transactions overlap. Each change reads the row's counted facts before and
    // after it under a row lock, and the mailbox's and inspections' own checks let one of two
    // identical changes through: whichever wins, the counts must stay those of the rows, no 5xx.
    const xichengAccount = (
      await t.db.selectFrom('accounts').select('id').where('username', '=', 'xicheng').executeTakeFirstOrThrow()
    ).id;
    for (let round = 0; round < 5; round++) {
      const letter = await complaintAboutWanzhen(t);
      expect((await street.post(`/api/letters/${letter.id}/assign`, { handlerId: xichengAccount })).statusCode).toBe(
        200,
      );
      const [ack, again] = await Promise.all([
        street.post(`/api/letters/${letter.id}/acknowledge`),
        street.post(`/api/letters/${letter.id}/acknowledge`),
      ]);
      for (const r of [ack, again]) expect([200, 409], r.body).toContain(r.statusCode);
      const inspection = await plannedInspection(t, street, jianduId);
      const [submitted, cancelled] = await Promise.all([
        submit(jiandu, inspection.id, report()),
        street.post(`/api/inspections/${inspection.id}/cancel`, { reason: '同时取消' }),
      ]);
      expect([201, 409], submitted.body).toContain(submitted.statusCode);
      expect([200, 409], cancelled.body).toContain(cancelled.statusCode);
    }
    await expectSameAsRows(await topUnit());
    await expectSameAsRows(await unitOf('350802003000'));
    const kept = await allCounts();
    await t.db.transaction().execute((trx) => rebuildCounts(trx, t.engine, t.clock.now().toISOString()));
    expect(await allCounts()).toEqual(kept);
  });

  it("sees another instance's change of a studio within a second (the studios' version it bumped)", async () => {
    const before = (await chart(admin, 'headline')).studiosServing ?? 0;
    const active = await t.db
      .selectFrom('studios')
      .select('id')
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // Another instance suspends a serving studio and bumps the version in its transaction; this one is not told.
    const at = t.clock.now().toISOString();
    await t.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('studios')
        .set({ status: 'suspended', updated_at: at })
        .where('id', '=', active.id)
        .execute();
      await trx
        .insertInto('studio_transitions')
        .values({
          studio_id: active.id,
          action: 'suspend',
          from_status: 'active',
          to_status: 'suspended',
          actor_id: null,
          actor_name: null,
          note: null,
          at,
        })
        .execute();
      await bumpSetting(trx, snapshot.STUDIOS_VERSION, at);
    });
    await sleep(1100);
    expect((await chart(admin, 'headline')).studiosServing).toBe(before - 1);
    await expectSameAsRows(await topUnit());
  });
  it('are built in the background after the upgrade; until then the dashboard counts the rows', async () => {
    const charts = async () => [await chart(admin, 'inspections'), await chart(admin, 'threeRates')];
    const shown = await charts();
    const kept = await allCounts();
    // As before the upgrade: no such counts, and no mark of them.
    await t.db.deleteFrom('count_rollups').where('subject', 'in', ['inspection', 'letter-rate']).execute();
    await t.db.deleteFrom('settings').where('key', '=', 'statistics.supervisionCountsBuiltAt').execute();
    await bumpSetting(t.db, SETTINGS_VERSION, t.clock.now().toISOString());
    markChanged(SETTINGS_VERSION);
    expect(await charts()).toEqual(shown);
    expect(await buildSupervisionCountsOnce(t.db, t.clock.now())).toBe(true);
    expect(await buildSupervisionCountsOnce(t.db, t.clock.now())).toBe(false);
    expect(await allCounts()).toEqual(kept);
    expect(await charts()).toEqual(shown);
  });
});
