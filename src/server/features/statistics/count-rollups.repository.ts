import { sql, type Kysely } from 'kysely';
import { insertMany } from '../../../db/bulk-insert.ts';
import type { Database } from '../../../db/schema.ts';
import type { Engine } from '../../../db/migrations/helpers.ts';
import {
  inspectionFigures,
  parseVolunteerKey,
  totalsByKey,
  type CountDelta,
  type CountSubject,
} from '../../../domain/statistics/count-rollups.ts';
import type { DayRange } from '../../../domain/statistics/rollups.ts';

// Every query of the counts kept on write (ratings by score, letters by type): applying deltas,
// rebuilding them, reading them.

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Adds the deltas to their cells (insert, or add to the row already there), at most 200 cells
 * a statement. The deltas must name distinct cells (`mergeCountDeltas`): PostgreSQL refuses to
 * touch one row twice in a statement.
 */
export async function applyCountDeltas(db: Kysely<Database>, deltas: readonly CountDelta[]): Promise<void> {
  // One order for every writer, so two transactions never wait on each other's rows crosswise.
  const ordered = [...deltas].sort(
    (a, b) => a.unitId - b.unitId || cmp(a.subject, b.subject) || cmp(a.day, b.day) || cmp(a.key, b.key),
  );
  for (let i = 0; i < ordered.length; i += 200) {
    await db
      .insertInto('count_rollups')
      .values(
        ordered
          .slice(i, i + 200)
          .map((d) => ({ unit_id: d.unitId, subject: d.subject, day: d.day, key: d.key, n: d.n })),
      )
      .onConflict((oc) =>
        oc
          .columns(['unit_id', 'subject', 'day', 'key'])
          .doUpdateSet((eb) => ({ n: eb('count_rollups.n', '+', eb.ref('excluded.n')) })),
      )
      .execute();
  }
}

/** The unit a studio belongs to, with its path: its ratings count there and above. */
export async function findStudioUnit(db: Kysely<Database>, studioId: number) {
  return db
    .selectFrom('studios')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .select(['org_units.id', 'org_units.path'])
    .where('studios.id', '=', studioId)
    .executeTakeFirst();
}

/** A unit's path. */
export async function findUnitPath(db: Kysely<Database>, unitId: number): Promise<string | undefined> {
  const row = await db.selectFrom('org_units').select('path').where('id', '=', unitId).executeTakeFirst();
  return row?.path;
}

/**
 * Holds off rating, letter and registry writers while the counts are rebuilt (PostgreSQL; SQLite's single
 * writer already does), so none is counted twice or missed.
 */
export async function lockCountedForRebuild(db: Kysely<Database>, engine: Engine): Promise<void> {
  if (engine === 'postgres') await sql`lock table ratings, letters, volunteers in share mode`.execute(db);
}

/** Empties the counts. */
export async function clearCounts(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('count_rollups').execute();
}

/** Every unit with its path: the rebuild finds each unit's ancestors among them. */
export async function listUnitPaths(db: Kysely<Database>) {
  return db.selectFrom('org_units').select(['id', 'path']).execute();
}

/**
 * Ratings folded by their studio's unit, UTC hour and score (of the units given, or all): what
 * the rebuild needs, without reading each rating (the business day is taken from the hour).
 */
export async function listRatingHours(db: Kysely<Database>, unitIds?: readonly number[]) {
  if (unitIds?.length === 0) return [];
  const hour = sql<string>`substr(ratings.created_at, 1, 13)`;
  const rows = await db
    .selectFrom('ratings')
    .innerJoin('studios', 'studios.id', 'ratings.studio_id')
    .select(['studios.unit_id', hour.as('hour'), 'ratings.score', (eb) => eb.fn.countAll<number>().as('n')])
    .$if(unitIds !== undefined, (q) => q.where('studios.unit_id', 'in', unitIds ?? []))
    .groupBy(['studios.unit_id', hour, 'ratings.score'])
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, hour: r.hour, score: Number(r.score), n: Number(r.n) }));
}

/**
 * Registry records folded by unit, UTC hour written, kind and screening status (of the units
 * given, or all).
 */
export async function listVolunteerHours(db: Kysely<Database>, unitIds?: readonly number[]) {
  if (unitIds?.length === 0) return [];
  const hour = sql<string>`substr(created_at, 1, 13)`;
  const rows = await db
    .selectFrom('volunteers')
    .select(['unit_id', hour.as('hour'), 'kind', 'screening_status', (eb) => eb.fn.countAll<number>().as('n')])
    .$if(unitIds !== undefined, (q) => q.where('unit_id', 'in', unitIds ?? []))
    .groupBy(['unit_id', hour, 'kind', 'screening_status'])
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    hour: r.hour,
    kind: r.kind,
    screening: r.screening_status,
    n: Number(r.n),
  }));
}

/**
 * What the counts of registry records hold of them, read under a write lock on their rows (a
 * no-op update): a concurrent change waits, so the counts move from what the records really were.
 */
export async function lockVolunteerFacts(db: Kysely<Database>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .updateTable('volunteers')
    .set((eb) => ({ kind: eb.ref('kind') }))
    .where('id', 'in', ids)
    .returning(['id', 'unit_id', 'kind', 'screening_status', 'created_at'])
    .execute();
}

/** Letters folded by unit, day received and type (of the units given, or all). */
export async function listLetterDays(db: Kysely<Database>, unitIds?: readonly number[]) {
  if (unitIds?.length === 0) return [];
  const rows = await db
    .selectFrom('letters')
    .select(['unit_id', 'received_on', 'type', (eb) => eb.fn.countAll<number>().as('n')])
    .$if(unitIds !== undefined, (q) => q.where('unit_id', 'in', unitIds ?? []))
    .groupBy(['unit_id', 'received_on', 'type'])
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, day: r.received_on, type: r.type, n: Number(r.n) }));
}

/**
 * A unit's counts of one subject (its own and everything below it) in each range of days
 * [from, to), by key: all ranges in one read of the unit's cells over their hull.
 */
export async function sumCounts(
  db: Kysely<Database>,
  unitId: number,
  subject: CountSubject,
  ranges: readonly DayRange[],
): Promise<Array<Array<{ key: string; n: number }>>> {
  if (ranges.length === 0) return [];
  const from = ranges.reduce((m, r) => (r.from < m ? r.from : m), ranges[0]?.from ?? '');
  const to = ranges.reduce((m, r) => (r.to > m ? r.to : m), ranges[0]?.to ?? '');
  const rows = await db
    .selectFrom('count_rollups')
    .select(['key', 'day', 'n'])
    .where('unit_id', '=', unitId)
    .where('subject', '=', subject)
    .where('day', '>=', from)
    .where('day', '<', to)
    .execute();
  return ranges.map((r) =>
    totalsByKey(rows.filter((c) => c.day >= r.from && c.day < r.to).map((c) => ({ key: c.key, n: Number(c.n) }))),
  );
}

/** A unit's ratings (its studios' and those below it) in each range of days, by score. */
export async function sumRatings(db: Kysely<Database>, unitId: number, ranges: readonly DayRange[]) {
  const byRange = await sumCounts(db, unitId, 'rating', ranges);
  return byRange.map((rows) => rows.map((r) => ({ score: Number(r.key), n: r.n })));
}

/**
 * A unit's registry records (its own and those below it) written before each business day, by
 * kind and screening status: the network's registry as it stood at the start of that day.
 */
export async function sumVolunteersBefore(db: Kysely<Database>, unitId: number, days: readonly string[]) {
  const byDay = await sumCounts(
    db,
    unitId,
    'volunteer',
    days.map((to) => ({ from: '', to })),
  );
  return byDay.map((rows) => rows.map((r) => ({ ...parseVolunteerKey(r.key), n: r.n })));
}

/** A unit's cells of one subject over days [from, to), with their days. */
export async function listCountCells(
  db: Kysely<Database>,
  unitId: number,
  subject: CountSubject,
  range: DayRange,
): Promise<Array<{ day: string; key: string; n: number }>> {
  const rows = await db
    .selectFrom('count_rollups')
    .select(['key', 'day', 'n'])
    .where('unit_id', '=', unitId)
    .where('subject', '=', subject)
    .where('day', '>=', range.from)
    .where('day', '<', range.to)
    .execute();
  return rows.map((r) => ({ day: r.day, key: r.key, n: Number(r.n) }));
}

/** Empties the counts of some subjects. */
export async function clearCountsOf(db: Kysely<Database>, subjects: readonly CountSubject[]): Promise<void> {
  await db
    .deleteFrom('count_rollups')
    .where('subject', 'in', [...subjects])
    .execute();
}

/** Holds off inspection and letter writers while their counts are rebuilt (PostgreSQL). */
export async function lockSupervisionForRebuild(db: Kysely<Database>, engine: Engine): Promise<void> {
  if (engine === 'postgres') await sql`lock table inspections, letters in share mode`.execute(db);
}

/**
 * What the counts of inspections hold of some: their unit, day due and status. Read under a write
 * lock (a no-op update, which both engines take), as `lockVolunteerFacts` does: two changes of one
 * inspection at once then see each other's result, and the count moves once.
 */
export async function lockInspectionFacts(db: Kysely<Database>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .updateTable('inspections')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', 'in', ids)
    .returning(['id', 'unit_id', 'due_on', 'status'])
    .execute();
}

/** What 三率's counts hold of a letter: its street, day received and outcome so far; under a write lock, as above. */
export async function lockLetterRateFact(db: Kysely<Database>, id: number) {
  return db
    .updateTable('letters')
    .set((eb) => ({ type: eb.ref('type') }))
    .where('id', '=', id)
    .returning(['street_id', 'received_on', 'type', 'ack_due', 'acknowledged_on', 'verdict', 'finding'])
    .executeTakeFirst();
}

/** A unit's inspections (its own and those below it) due in each range of days, as of `today`: done, overdue, to come. */
export async function sumInspections(db: Kysely<Database>, unitId: number, ranges: readonly DayRange[], today: string) {
  if (ranges.length === 0) return [];
  const from = ranges.reduce((m, r) => (r.from < m ? r.from : m), ranges[0]?.from ?? '');
  const to = ranges.reduce((m, r) => (r.to > m ? r.to : m), ranges[0]?.to ?? '');
  const cells = await listCountCells(db, unitId, 'inspection', { from, to });
  return ranges.map((r) =>
    inspectionFigures(
      cells.filter((c) => c.day >= r.from && c.day < r.to),
      today,
    ),
  );
}

/**
 * Writes the inspection and 三率 cells of every inspection and letter, in each unit above where
 * they start (`up`: each unit with the units on its path), by grouped INSERT … SELECTs: the
 * keys are those of `inspectionKey` and `letterRateKeys` (domain/statistics/count-rollups.ts).
 * The cells must be absent (after `clearCountsOf`).
 */
export async function insertSupervisionCells(
  db: Kysely<Database>,
  up: ReadonlyArray<readonly [number, number]>,
): Promise<void> {
  await sql`create temporary table supervision_up (unit_id integer not null, up_id integer not null)`.execute(db);
  await insertMany(db, 'supervision_up', ['unit_id', 'up_id'], up, { perStatement: 2000 });
  await sql`insert into count_rollups (unit_id, subject, day, key, n)
    select u.up_id, 'inspection', i.due_on, i.status, count(*)
    from inspections i join supervision_up u on u.unit_id = i.unit_id
    group by u.up_id, i.due_on, i.status`.execute(db);
  await sql`insert into count_rollups (unit_id, subject, day, key, n)
    select u.up_id, 'letter-rate', k.day, k.key, count(*)
    from (
      select street_id, received_on as day, 'letters' as key from letters where type <> 'accusation'
      union all select street_id, received_on, 'acked' from letters
        where type <> 'accusation' and acknowledged_on is not null
      union all select street_id, received_on, 'onTime' from letters
        where type <> 'accusation' and acknowledged_on <= ack_due
      union all select street_id, received_on, 'open:' || ack_due from letters
        where type <> 'accusation' and acknowledged_on is null
      union all select street_id, received_on, 'verdict:' || verdict from letters
        where type <> 'accusation' and verdict is not null
      union all select street_id, received_on, 'substantiated' from letters
        where type <> 'accusation' and finding = 'substantiated'
    ) k join supervision_up u on u.unit_id = k.street_id
    group by u.up_id, k.day, k.key`.execute(db);
  await sql`drop table supervision_up`.execute(db);
}
