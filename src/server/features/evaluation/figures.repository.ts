import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';

// The queries that read a quarter's figures from the other areas' tables (records, ratings,
// inspections, commitments, letters, rectifications), one grouped read per source over a subtree.

const inSubtree = (path: string) => subtreeRange(path);

/**
 * The studios of a subtree, as a subquery. Tables keyed by studio filter on `studio_id in (…)`
 * rather than joining studios and units: without statistics SQLite otherwise scans the whole
 * table in id order (all 1.2 million ratings of the province for each street of a run).
 */
const studiosIn = (db: Kysely<Database>, path: string) => {
  const { from, to } = inSubtree(path);
  return db
    .selectFrom('studios')
    .innerJoin('org_units as unit', 'unit.id', 'studios.unit_id')
    .select('studios.id')
    .where('unit.path', '>=', from)
    .where('unit.path', '<', to);
};

/** Members per studio of a subtree. */
export async function memberCounts(db: Kysely<Database>, path: string) {
  return db
    .selectFrom('studio_members')
    .select(['studio_members.studio_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('studio_members.studio_id', 'in', studiosIn(db, path))
    .groupBy('studio_members.studio_id')
    .execute();
}

/** Service records served in [start, end) by studios of a subtree: id, studio and person-times. */
export async function quarterRecords(db: Kysely<Database>, path: string, start: string, end: string) {
  const { from, to } = inSubtree(path);
  return db
    .selectFrom('service_records')
    .innerJoin('org_units as unit', 'unit.id', 'service_records.unit_id')
    .select(['service_records.id', 'service_records.studio_id', 'service_records.person_times'])
    .where('unit.path', '>=', from)
    .where('unit.path', '<', to)
    .where('service_records.served_at', '>=', start)
    .where('service_records.served_at', '<', end)
    .orderBy('service_records.id')
    .execute();
}

/** Residents' ratings given in [start, end) to studios of a subtree. */
export async function quarterRatings(db: Kysely<Database>, path: string, start: string, end: string) {
  return db
    .selectFrom('ratings')
    .select(['ratings.id', 'ratings.studio_id', 'ratings.score'])
    .where('ratings.studio_id', 'in', studiosIn(db, path))
    .where('ratings.created_at', '>=', start)
    .where('ratings.created_at', '<', end)
    .orderBy('ratings.id')
    .execute();
}

/** Submitted (or corrected) inspections of a quarter in a subtree, with their totals. */
export async function quarterInspectionTotals(db: Kysely<Database>, path: string, quarter: string) {
  const { from, to } = inSubtree(path);
  return (
    db
      .selectFrom('inspections')
      .select(['inspections.id', 'inspections.studio_id', 'inspections.total'])
      .where('inspections.unit_id', 'in', (eb) =>
        eb.selectFrom('org_units').select('id').where('path', '>=', from).where('path', '<', to),
      )
      // Compared as an expression so that SQLite reads the subtree's units' inspections (by unit)
      // instead of every inspection of the quarter in the province (by quarter) for each street.
      .where(sql<string>`substr(inspections.quarter, 1, 7)`, '=', quarter)
      .where('inspections.status', 'in', ['submitted', 'corrected'])
      .where('inspections.total', 'is not', null)
      .orderBy('inspections.id')
      .execute()
  );
}

/** Commitment checks of some months (YYYY-MM) for studios of a subtree. */
export async function commitmentChecks(db: Kysely<Database>, path: string, months: string[]) {
  const { from, to } = inSubtree(path);
  return db
    .selectFrom('commitment_checks')
    .innerJoin('commitments', 'commitments.id', 'commitment_checks.commitment_id')
    .innerJoin('studios', 'studios.id', 'commitments.studio_id')
    .innerJoin('org_units as unit', 'unit.id', 'studios.unit_id')
    .select(['commitment_checks.id', 'commitments.studio_id', 'commitment_checks.kept'])
    .where('unit.path', '>=', from)
    .where('unit.path', '<', to)
    .where('commitment_checks.period', 'in', months)
    .orderBy('commitment_checks.id')
    .execute();
}

/** Letters about studios of a subtree received between two China days (inclusive), accusations aside. */
export async function studioLetters(db: Kysely<Database>, path: string, fromDay: string, toDay: string) {
  const { from, to } = inSubtree(path);
  // The units of the subtree outside, each one's letters of the period by `letters_unit_received`.
  // Left to itself, SQLite's planner (no statistics) read the whole province's period by
  // `letters_received_rates` for each street instead: 367 ms a street, 400 s for the province's
  // 1,100. A cross join keeps this order on SQLite; PostgreSQL plans it freely.
  return db
    .selectFrom('org_units as unit')
    .crossJoin('letters')
    .whereRef('unit.id', '=', 'letters.unit_id')
    .select([
      'letters.id',
      'letters.studio_id',
      'letters.type',
      'letters.finding',
      'letters.text',
      'letters.received_on',
    ])
    .where('unit.path', '>=', from)
    .where('unit.path', '<', to)
    .where('letters.studio_id', 'is not', null)
    .where('letters.type', '<>', 'accusation')
    .where('letters.received_on', '>=', fromDay)
    .where('letters.received_on', '<=', toDay)
    .orderBy('letters.id')
    .execute();
}

/** Profit-drift (趋利化) rectifications opened in [start, end) for studios of a subtree. */
export async function feeTakingRectifications(db: Kysely<Database>, path: string, start: string, end: string) {
  const { from, to } = inSubtree(path);
  return db
    .selectFrom('studio_rectifications')
    .innerJoin('studios', 'studios.id', 'studio_rectifications.studio_id')
    .innerJoin('org_units as unit', 'unit.id', 'studios.unit_id')
    .select(['studio_rectifications.id', 'studio_rectifications.studio_id'])
    .where('unit.path', '>=', from)
    .where('unit.path', '<', to)
    .where('studio_rectifications.kind', '=', 'drift_profit')
    .where('studio_rectifications.opened_at', '>=', start)
    .where('studio_rectifications.opened_at', '<', end)
    .execute();
}

/** The paths of some units (the streets a run reads one at a time). */
export async function unitPaths(db: Kysely<Database>, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('org_units').select(['id', 'path']).where('id', 'in', ids).orderBy('path').execute();
}

/** The paths of a unit's children, by its path (a run reads a province's candidates one district at a time). */
export async function childPaths(db: Kysely<Database>, path: string) {
  return db
    .selectFrom('org_units as child')
    .innerJoin('org_units as parent', 'parent.id', 'child.parent_id')
    .select('child.path')
    .where('parent.path', '=', path)
    .orderBy('child.path')
    .execute();
}
