import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Engine } from '../../../db/migrations/helpers.ts';
import {
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
