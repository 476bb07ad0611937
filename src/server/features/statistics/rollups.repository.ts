import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Engine } from '../../../db/migrations/helpers.ts';
import type { DayRange, Grain, RollupDelta } from '../../../domain/statistics/rollups.ts';
import { notePastRollupWrites } from './sealed-months.repository.ts';

// Every query of the service rollups: applying deltas on write, rebuilding, and reading them.

/** The ids of the units on a path (the unit itself and each ancestor), from its materialized path. */
export async function unitIdsOnPath(db: Kysely<Database>, path: string): Promise<number[]> {
  const prefixes: string[] = [];
  for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) prefixes.push(path.slice(0, i + 1));
  if (prefixes.length === 0) return [];
  const rows = await db.selectFrom('org_units').select('id').where('path', 'in', prefixes).execute();
  return rows.map((r) => r.id);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const upserts = new WeakMap<object, Map<number, string>>();

/**
 * The text of an upsert of `rows` cells, compiled by Kysely once per dialect and row count: it
 * runs with every group commit, and building a many-row insert anew cost more CPU than running it.
 */
function upsertSql(db: Kysely<Database>, rows: number): string {
  const adapter = db.getExecutor().adapter;
  let known = upserts.get(adapter);
  if (!known) {
    known = new Map();
    upserts.set(adapter, known);
  }
  let text = known.get(rows);
  if (text === undefined) {
    const cell = {
      unit_id: 0,
      grain: '',
      period: '',
      category_id: 0,
      mode: '',
      group_key: '',
      records: 0,
      person_times: 0,
    };
    text = db
      .insertInto('service_rollups')
      .values(Array.from({ length: rows }, () => cell))
      .onConflict((oc) =>
        oc.columns(['unit_id', 'grain', 'period', 'category_id', 'mode', 'group_key']).doUpdateSet((eb) => ({
          records: eb('service_rollups.records', '+', eb.ref('excluded.records')),
          person_times: eb('service_rollups.person_times', '+', eb.ref('excluded.person_times')),
        })),
      )
      .compile().sql;
    known.set(rows, text);
  }
  return text;
}

/**
 * Adds the deltas to their cells (insert, or add to the row already there), in statements of
 * at most 128 cells. The deltas must name distinct cells (`mergeDeltas`), as PostgreSQL refuses
 * to touch one row twice in a statement.
 */
export async function applyRollupDeltas(db: Kysely<Database>, deltas: readonly RollupDelta[]): Promise<void> {
  // The months that are over are held in memory (sealed-months.repository.ts): a write to one says so.
  await notePastRollupWrites(
    db,
    deltas.map((d) => d.period),
  );
  // One order for every writer, so two transactions never wait on each other's rows crosswise.
  const ordered = [...deltas].sort(
    (a, b) =>
      a.unitId - b.unitId ||
      cmp(a.grain, b.grain) ||
      cmp(a.period, b.period) ||
      a.categoryId - b.categoryId ||
      cmp(a.mode, b.mode) ||
      cmp(a.groupKey, b.groupKey),
  );
  for (let i = 0; i < ordered.length;) {
    // Powers of two: a handful of statement shapes in all, each compiled and prepared once.
    const n = Math.min(128, 2 ** Math.floor(Math.log2(ordered.length - i)));
    const parameters: unknown[] = [];
    for (const d of ordered.slice(i, i + n))
      parameters.push(d.unitId, d.grain, d.period, d.categoryId, d.mode, d.groupKey, d.records, d.personTimes);
    i += n;
    await db.executeQuery(CompiledQuery.raw(upsertSql(db, n), parameters));
  }
}

/**
 * Holds off record writers while the rollups are rebuilt (PostgreSQL; SQLite's single writer
 * already does), so no record is counted twice or missed.
 */
export async function lockRecordsForRebuild(db: Kysely<Database>, engine: Engine): Promise<void> {
  if (engine === 'postgres') await sql`lock table service_records in share mode`.execute(db);
}

/** Empties the rollups. */
export async function clearRollups(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('service_rollups').execute();
  await notePastRollupWrites(db, ['0000-00']);
}

/** The units that hold records, with their paths: the backfill goes one unit at a time. */
export async function listUnitsWithRecords(db: Kysely<Database>) {
  return db
    .selectFrom('org_units')
    .select(['org_units.id', 'org_units.path'])
    .where((eb) => eb.exists(eb.selectFrom('service_records').select('id').whereRef('unit_id', '=', 'org_units.id')))
    .orderBy('org_units.id')
    .execute();
}

/**
 * A unit's records folded by hour of service, category, mode and groups: what the backfill
 * needs, without reading each record (the China day is taken from the UTC hour).
 */
export async function listRecordHours(db: Kysely<Database>, unitId: number) {
  const hour = sql<string>`substr(served_at, 1, 13)`;
  const rows = await db
    .selectFrom('service_records')
    .select([
      hour.as('hour'),
      'category_id',
      'mode',
      'groups_json',
      (eb) => eb.fn.countAll<number>().as('records'),
      (eb) => eb.fn.sum<number>('person_times').as('person_times'),
    ])
    .where('unit_id', '=', unitId)
    .groupBy([hour, 'category_id', 'mode', 'groups_json'])
    .execute();
  return rows.map((r) => ({ ...r, records: Number(r.records), person_times: Number(r.person_times) }));
}

/** Which rollup rows a read covers: one unit (its subtree's cells) or the units given, a grain and periods. */
export interface RollupSlice {
  unitIds: readonly number[];
  grain: Grain;
  /** Half-open period range in the grain's format. */
  from: string;
  to: string;
}

/** What a rollup read groups by. */
export type RollupDimension = 'period' | 'category_id' | 'mode' | 'group_key' | 'unit_id';

/**
 * Sums records and person-times of the slices, grouped by one dimension. `groups` true reads
 * the rows per group served; false the rows that count each record once.
 */
export async function sumRollups(
  db: Kysely<Database>,
  slices: readonly RollupSlice[],
  by: RollupDimension,
  o: { groups: boolean; categoryId?: number | undefined },
) {
  const live = slices.filter((s) => s.unitIds.length > 0 && s.from < s.to);
  if (live.length === 0) return [];
  let q = db
    .selectFrom('service_rollups')
    .select([
      `${by} as key`,
      (eb) => eb.fn.sum<number>('records').as('records'),
      (eb) => eb.fn.sum<number>('person_times').as('person_times'),
    ])
    .where((eb) =>
      eb.or(
        live.map((s) =>
          eb.and([
            eb('unit_id', 'in', s.unitIds),
            eb('grain', '=', s.grain),
            eb('period', '>=', s.from),
            eb('period', '<', s.to),
          ]),
        ),
      ),
    );
  q = o.groups ? q.where('group_key', '<>', '') : q.where('group_key', '=', '');
  if (o.categoryId !== undefined) q = q.where('category_id', '=', o.categoryId);
  const rows = await q.groupBy(by).execute();
  return rows.map((r) => ({ key: String(r.key), records: Number(r.records), personTimes: Number(r.person_times) }));
}

/** The slices that read a day range: whole months from the month grain, loose days from the day grain. */
export function slicesOf(
  unitIds: readonly number[],
  cover: { months: { from: string; to: string } | null; days: readonly DayRange[] },
): RollupSlice[] {
  return [
    ...(cover.months ? [{ unitIds, grain: 'month' as const, ...cover.months }] : []),
    ...cover.days.map((d) => ({ unitIds, grain: 'day' as const, ...d })),
  ];
}
