// The service rollups the dashboards read, made from the province's record book
// (bench/province-records.ts): the dashboards answer what the records hold, so "exact figures
// in, exact figures out" is checked against the records' own sums (the generator's, kept in
// RollupsMeta.personTimes) before the dashboards are measured.
//
// The app's rebuild (`rebuildRollups`) turns each unit's records into cells with
// `rollupDeltas` and upserts them 200 at a time: right, but about half an hour of a core for
// 10 million records (10+ million cells). Here the same cells are made by grouped
// INSERT … SELECTs (records → a unit's day cells → every unit above it → each group served →
// months), and then compared with what the app's own code makes of the records of the bench
// street (every cell of its units, both ways): a difference stops the generation.
import { sql, type Kysely } from 'kysely';
import { insertMany } from '../src/db/bulk-insert.ts';
import type { DatabaseHandle } from '../src/db/database.ts';
import type { Database } from '../src/db/schema.ts';
import { mergeDeltas, rollupDeltas, type RollupDelta } from '../src/domain/statistics/rollups.ts';
import { subtreeRange } from '../src/domain/org-units/units.ts';
import * as rollupsRepo from '../src/server/features/statistics/rollups.repository.ts';
import { writeSetting } from '../src/server/settings.repository.ts';
import { businessDayOf, businessTimeZone } from '../src/server/time.ts';
import type { RecordsMeta } from './province-records.ts';

/** What the dashboard must answer for the year (checked before it is measured). */
export interface RollupsMeta {
  /** Records served in the dashboard year. */
  records: number;
  rows: number;
  /** The records' person-times in the year, summed by the generator. */
  personTimes: { root: number; district: number; street: number };
  /** Cells of the bench street's units compared with the app's own rollup code: all equal. */
  checkedCells: number;
  buildMs: number;
}

/** The ids of the units on a path (the unit and each ancestor), as the app's rollups count them. */
export function idsOnPath(path: string, idOf: Map<string, number>): number[] {
  const out: number[] = [];
  for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
    const id = idOf.get(path.slice(0, i + 1));
    if (id !== undefined) out.push(id);
  }
  return out;
}

async function makeCells(trx: Kysely<Database>, engine: 'sqlite' | 'postgres') {
  const units = await trx.selectFrom('org_units').select(['id', 'path']).execute();
  const idOf = new Map(units.map((u) => [u.path, u.id]));
  await sql`create table bench_unit_up (unit_id integer not null, up_id integer not null)`.execute(trx);
  await insertMany(
    trx,
    'bench_unit_up',
    ['unit_id', 'up_id'],
    units.flatMap((u) => idsOnPath(u.path, idOf).map((up) => [u.id, up])),
    { perStatement: 2000 },
  );
  // A record's day is its China day: the generator serves between 01:00 and 12:00 UTC, so it is the UTC date.
  await sql`create table bench_leaf_cells as
    select unit_id, substr(served_at, 1, 10) as day, category_id, mode, groups_json,
           count(*) as n, sum(person_times) as p
    from service_records group by unit_id, substr(served_at, 1, 10), category_id, mode, groups_json`.execute(trx);
  await sql`create table bench_day_cells as
    select u.up_id as unit_id, c.day, c.category_id, c.mode, c.groups_json, sum(c.n) as n, sum(c.p) as p
    from bench_leaf_cells c join bench_unit_up u on u.unit_id = c.unit_id
    group by u.up_id, c.day, c.category_id, c.mode, c.groups_json`.execute(trx);
  await sql`insert into service_rollups (unit_id, grain, period, category_id, mode, group_key, records, person_times)
    select unit_id, 'day', day, category_id, mode, '', sum(n), sum(p)
    from bench_day_cells group by unit_id, day, category_id, mode
    order by unit_id, day, category_id, mode`.execute(trx);
  const groups =
    engine === 'postgres'
      ? sql`bench_day_cells d cross join lateral jsonb_array_elements_text(d.groups_json::jsonb) as g(value)`
      : sql`bench_day_cells d, json_each(d.groups_json) g`;
  await sql`insert into service_rollups (unit_id, grain, period, category_id, mode, group_key, records, person_times)
    select d.unit_id, 'day', d.day, d.category_id, d.mode, g.value, sum(d.n), sum(d.p)
    from ${groups} group by d.unit_id, d.day, d.category_id, d.mode, g.value
    order by d.unit_id, d.day, d.category_id, d.mode, g.value`.execute(trx);
  await sql`insert into service_rollups (unit_id, grain, period, category_id, mode, group_key, records, person_times)
    select unit_id, 'month', substr(period, 1, 7), category_id, mode, group_key, sum(records), sum(person_times)
    from service_rollups where grain = 'day'
    group by unit_id, substr(period, 1, 7), category_id, mode, group_key`.execute(trx);
  for (const t of ['bench_unit_up', 'bench_leaf_cells', 'bench_day_cells'])
    await sql`drop table ${sql.table(t)}`.execute(trx);
}

const cellKey = (c: Omit<RollupDelta, 'records' | 'personTimes'>) =>
  `${c.unitId}|${c.grain}|${c.period}|${c.categoryId}|${c.mode}|${c.groupKey}`;

/**
 * Compares every cell of the units under `path` with what the app's own rollup code (the
 * rebuild's per-unit read and `rollupDeltas`) makes of their records; answers the cells compared.
 */
async function checkAgainstApp(trx: Kysely<Database>, path: string): Promise<number> {
  const { from, to } = subtreeRange(path);
  const units = await trx
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where('path', '>=', from)
    .where('path', '<', to)
    .execute();
  const inside = new Set(units.map((u) => u.id));
  const deltas: RollupDelta[] = [];
  for (const unit of units) {
    const ids = await rollupsRepo.unitIdsOnPath(trx, unit.path);
    for (const h of await rollupsRepo.listRecordHours(trx, unit.id)) {
      const fact = {
        servedAt: `${h.hour}:00:00.000Z`,
        categoryId: h.category_id,
        mode: h.mode,
        groups: JSON.parse(h.groups_json) as string[],
        personTimes: h.person_times,
      };
      for (const d of rollupDeltas(fact, ids, 1, businessDayOf))
        if (inside.has(d.unitId)) deltas.push({ ...d, records: h.records });
    }
  }
  const expected = new Map(mergeDeltas(deltas).map((d) => [cellKey(d), d]));
  const rows = await trx
    .selectFrom('service_rollups')
    .selectAll()
    .where('unit_id', 'in', [...inside])
    .execute();
  const problems: string[] = [];
  for (const r of rows) {
    const key = cellKey({
      unitId: r.unit_id,
      grain: r.grain as RollupDelta['grain'],
      period: r.period,
      categoryId: r.category_id,
      mode: r.mode,
      groupKey: r.group_key,
    });
    const e = expected.get(key);
    if (!e || e.records !== Number(r.records) || e.personTimes !== Number(r.person_times))
      problems.push(
        `${key}: ${r.records}/${r.person_times}, the app's ${e ? `${e.records}/${e.personTimes}` : 'none'}`,
      );
    expected.delete(key);
  }
  for (const key of expected.keys()) problems.push(`${key}: missing`);
  if (problems.length > 0)
    throw new Error(
      `rollups differ from the app's for ${problems.length} cells, e.g. ${problems.slice(0, 5).join('; ')}`,
    );
  return rows.length;
}

/** Builds the rollups from the records and checks the bench street's cells against the app's code. */
export async function buildRollups(
  handle: DatabaseHandle,
  records: RecordsMeta,
  o: { at: string; checkPath: string },
): Promise<RollupsMeta> {
  const started = performance.now();
  return handle.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('service_rollups').execute();
    await makeCells(trx, handle.engine);
    const checkedCells = await checkAgainstApp(trx, o.checkPath);
    // Built, in the zone in force: the server's start must not rebuild them (rollups.commands.ts).
    await writeSetting(trx, 'statistics.rollupsBuiltAt', o.at, o.at);
    await writeSetting(trx, 'statistics.rollupsTimeZone', businessTimeZone(), o.at);
    const { n } = await trx
      .selectFrom('service_rollups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      records: records.year.records,
      rows: Number(n),
      personTimes: records.year.personTimes,
      checkedCells,
      buildMs: Math.round(performance.now() - started),
    };
  });
}
