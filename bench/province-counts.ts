// The counts the dashboards read for ratings (by score), letters (by type) and the registry (by
// kind and screening status), made from the province's ratings (bench/province-records.ts),
// letters (bench/province-supervision.ts) and registry (bench/province-services.ts).
//
// The app keeps them on write and rebuilds them with `rebuildCounts` (count-rollups.commands.ts),
// which folds each rating hour into the cells of every unit above it in JavaScript. Here the
// same cells are made by grouped INSERT … SELECTs (ratings and registry records by unit, UTC
// hour and key → the hour's business day → every unit above it; letters by unit, day and type →
// every unit above it), and then compared with what the app's own code makes of the bench
// street's (every cell of its units, both ways): a difference stops the generation.
import { sql, type Kysely } from 'kysely';
import { insertMany } from '../src/db/bulk-insert.ts';
import type { DatabaseHandle } from '../src/db/database.ts';
import type { Database } from '../src/db/schema.ts';
import { subtreeRange } from '../src/domain/org-units/units.ts';
import type { CountDelta } from '../src/domain/statistics/count-rollups.ts';
import { countCells, markCountsBuilt } from '../src/server/features/statistics/count-rollups.commands.ts';
import { businessDayOf } from '../src/server/time.ts';
import { idsOnPath } from './province-rollups.ts';

/** What the counts hold (checked before the dashboards are measured). */
export interface CountsMeta {
  rows: number;
  ratings: number;
  letters: number;
  volunteers: number;
  /** Cells of the bench street's units compared with the app's own code: all equal. */
  checkedCells: number;
  buildMs: number;
}

async function makeCells(trx: Kysely<Database>) {
  const units = await trx.selectFrom('org_units').select(['id', 'path']).execute();
  const idOf = new Map(units.map((u) => [u.path, u.id]));
  await sql`create table bench_count_up (unit_id integer not null, up_id integer not null)`.execute(trx);
  await insertMany(
    trx,
    'bench_count_up',
    ['unit_id', 'up_id'],
    units.flatMap((u) => idsOnPath(u.path, idOf).map((up) => [u.id, up])),
    { perStatement: 2000 },
  );
  await sql`create table bench_rating_hours as
    select s.unit_id, substr(r.created_at, 1, 13) as hour, r.score, count(*) as n
    from ratings r join studios s on s.id = r.studio_id
    group by s.unit_id, substr(r.created_at, 1, 13), r.score`.execute(trx);
  await sql`create table bench_volunteer_hours as
    select unit_id, substr(created_at, 1, 13) as hour, kind, screening_status, count(*) as n
    from volunteers group by unit_id, substr(created_at, 1, 13), kind, screening_status`.execute(trx);
  // Each hour's business day, as the app's code takes it (the zone is a whole number of hours from UTC).
  const hours = await sql<{ hour: string }>`select hour from bench_rating_hours
    union select hour from bench_volunteer_hours`.execute(trx);
  await sql`create table bench_hour_day (hour varchar(13) not null, day varchar(10) not null)`.execute(trx);
  await insertMany(
    trx,
    'bench_hour_day',
    ['hour', 'day'],
    hours.rows.map((h) => [h.hour, businessDayOf(`${h.hour}:00:00.000Z`)]),
    { perStatement: 2000 },
  );
  await sql`insert into count_rollups (unit_id, subject, day, key, n)
    select u.up_id, 'rating', d.day, cast(h.score as varchar(16)), sum(h.n)
    from bench_rating_hours h
    join bench_hour_day d on d.hour = h.hour
    join bench_count_up u on u.unit_id = h.unit_id
    group by u.up_id, d.day, h.score
    order by u.up_id, d.day, h.score`.execute(trx);
  await sql`insert into count_rollups (unit_id, subject, day, key, n)
    select u.up_id, 'volunteer', d.day, v.kind || ':' || v.screening_status, sum(v.n)
    from bench_volunteer_hours v
    join bench_hour_day d on d.hour = v.hour
    join bench_count_up u on u.unit_id = v.unit_id
    group by u.up_id, d.day, v.kind, v.screening_status
    order by u.up_id, d.day, v.kind, v.screening_status`.execute(trx);
  await sql`insert into count_rollups (unit_id, subject, day, key, n)
    select u.up_id, 'letter', l.received_on, l.type, count(*)
    from letters l join bench_count_up u on u.unit_id = l.unit_id
    group by u.up_id, l.received_on, l.type
    order by u.up_id, l.received_on, l.type`.execute(trx);
  for (const t of ['bench_count_up', 'bench_rating_hours', 'bench_volunteer_hours', 'bench_hour_day'])
    await sql`drop table ${sql.table(t)}`.execute(trx);
}

const cellKey = (c: Omit<CountDelta, 'n'>) => `${c.unitId}|${c.subject}|${c.day}|${c.key}`;

/**
 * Compares every cell of the units under `path` with what the app's own code (`countCells`, the
 * rebuild's) makes of their ratings, letters and registry records; answers the cells compared.
 */
async function checkAgainstApp(trx: Kysely<Database>, path: string): Promise<number> {
  const { from, to } = subtreeRange(path);
  const units = await trx
    .selectFrom('org_units')
    .select('id')
    .where('path', '>=', from)
    .where('path', '<', to)
    .execute();
  const inside = new Set(units.map((u) => u.id));
  const cells = (await countCells(trx, [...inside])).filter((d) => inside.has(d.unitId));
  const expected = new Map(cells.map((d) => [cellKey(d), d.n]));
  const rows = await trx
    .selectFrom('count_rollups')
    .selectAll()
    .where('unit_id', 'in', [...inside])
    .execute();
  const problems: string[] = [];
  for (const r of rows) {
    const key = cellKey({ unitId: r.unit_id, subject: r.subject as CountDelta['subject'], day: r.day, key: r.key });
    const e = expected.get(key);
    if (e !== Number(r.n)) problems.push(`${key}: ${r.n}, the app's ${e ?? 'none'}`);
    expected.delete(key);
  }
  for (const key of expected.keys()) problems.push(`${key}: missing`);
  if (problems.length > 0)
    throw new Error(
      `counts differ from the app's for ${problems.length} cells, e.g. ${problems.slice(0, 5).join('; ')}`,
    );
  if (rows.length === 0) throw new Error(`the bench street has no counted ratings or letters: the check is vacuous`);
  return rows.length;
}

/** Builds the counts from the ratings, letters and registry and checks the bench street's cells against the app's code. */
export async function buildCounts(handle: DatabaseHandle, o: { at: string; checkPath: string }): Promise<CountsMeta> {
  const started = performance.now();
  return handle.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('count_rollups').execute();
    await makeCells(trx);
    const checkedCells = await checkAgainstApp(trx, o.checkPath);
    await markCountsBuilt(trx, o.at);
    const total = async (t: 'count_rollups' | 'ratings' | 'letters' | 'volunteers') =>
      Number(
        (
          await trx
            .selectFrom(t)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      rows: await total('count_rollups'),
      ratings: await total('ratings'),
      letters: await total('letters'),
      volunteers: await total('volunteers'),
      checkedCells,
      buildMs: Math.round(performance.now() - started),
    };
  });
}
