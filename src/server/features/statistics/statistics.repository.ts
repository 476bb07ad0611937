import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DayRange } from '../../../domain/statistics/rollups.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import type { Database } from '../../../db/schema.ts';
import { statusesAt, type TransitionMark } from '../../../domain/statistics/studio-states.ts';

// Every query of the dashboard that is not a rollup: the network's state (studios, registry,
// commitments) at a moment, and the supervision figures of a period. Each is one grouped
// query over a subtree. Instants are compared as ISO-8601 text: `before` is an instant.

function inSubtree(path: string) {
  return subtreeRange(path);
}

/** A studio of the subtree as it stood at an instant: its status then, its venue type, its unit's level. */
export interface StudioState {
  id: number;
  venueType: string | null;
  level: string;
  status: string | null;
}

/**
 * For each instant, each studio of the subtree that existed before it, with its status then
 * (see `statusesAt`). Two flat queries for all the instants together, the studios and their
 * transitions in time order, instead of a correlated subquery per studio and instant: the
 * province has tens of thousands of studios. Instants are compared in SQL, as text, exactly as
 * the transitions' times are stored.
 */
export async function listStudioStatesAt(
  db: Kysely<Database>,
  path: string,
  instants: readonly string[],
): Promise<StudioState[][]> {
  if (instants.length === 0) return [];
  const r = inSubtree(path);
  const latest = hullOf(instants.map((t) => ({ from: '', to: t }))).to;
  const flags = (column: string) =>
    instants.map((t, k) => sql<number>`case when ${sql.ref(column)} < ${t} then 1 else 0 end`.as(`b${k}`));
  const studios = await db
    .selectFrom('studios')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .select(['studios.id', 'studios.venue_type', 'studios.status', 'org_units.level', ...flags('studios.created_at')])
    .where('org_units.path', '>=', r.from)
    .where('org_units.path', '<', r.to)
    .where('studios.created_at', '<', latest)
    .execute();
  const marks = await db
    .selectFrom('studio_transitions')
    .innerJoin('studios', 'studios.id', 'studio_transitions.studio_id')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .select(['studio_transitions.studio_id', 'studio_transitions.to_status', ...flags('studio_transitions.at')])
    .where('org_units.path', '>=', r.from)
    .where('org_units.path', '<', r.to)
    .where('studios.created_at', '<', latest)
    .orderBy('studio_transitions.studio_id')
    .orderBy('studio_transitions.at')
    .orderBy('studio_transitions.id')
    .execute();
  const history = new Map<number, TransitionMark[]>();
  for (const m of marks) {
    const row = m as unknown as Record<string, unknown>;
    const mark = { toStatus: m.to_status, before: instants.map((_, k) => Number(row[`b${k}`]) === 1) };
    const list = history.get(m.studio_id);
    if (list) list.push(mark);
    else history.set(m.studio_id, [mark]);
  }
  const out: StudioState[][] = instants.map(() => []);
  for (const s of studios) {
    const row = s as unknown as Record<string, unknown>;
    const then = statusesAt(s.status, history.get(s.id) ?? [], instants.length);
    for (let k = 0; k < instants.length; k++) {
      if (Number(row[`b${k}`]) !== 1) continue;
      out[k]?.push({ id: s.id, venueType: s.venue_type, level: s.level, status: then[k] ?? null });
    }
  }
  return out;
}

/** Each studio of the subtree that existed before the instant, with its status then. */
export async function listStudioStates(db: Kysely<Database>, path: string, before: string): Promise<StudioState[]> {
  return (await listStudioStatesAt(db, path, [before]))[0] ?? [];
}

/** The categories of the subtree's studios: (studio, category) pairs. */
export async function listStudioCategories(db: Kysely<Database>, path: string) {
  const r = inSubtree(path);
  return db
    .selectFrom('studio_categories')
    .innerJoin('studios', 'studios.id', 'studio_categories.studio_id')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .select(['studio_categories.studio_id', 'studio_categories.category_id'])
    .where('org_units.path', '>=', r.from)
    .where('org_units.path', '<', r.to)
    .execute();
}

/** The `case when … then 1 else 0 end` flag of each instant or range, named n0, n1, …, for counting them in one pass. */
function flagsOf(conditions: readonly RawBuilder<boolean>[]) {
  return conditions.map((c, k) => sql<number>`sum(case when ${c} then 1 else 0 end)`.as(`n${k}`));
}

/**
 * The smallest range holding all the ranges (days or instants, compared as text as SQL does):
 * one index range to read, where an OR of ranges would make SQLite fetch every row by id.
 * Rows inside it but in none of the ranges count in no flag.
 */
function hullOf(ranges: readonly { from: string; to: string }[]): { from: string; to: string } {
  return {
    from: ranges.reduce((m, r) => (r.from < m ? r.from : m), ranges[0]?.from ?? ''),
    to: ranges.reduce((m, r) => (r.to > m ? r.to : m), ranges[0]?.to ?? ''),
  };
}

/** The flag columns n0, n1, … of a row, as numbers. */
function countsOf(row: object, n: number): number[] {
  const r = row as Record<string, unknown>;
  return Array.from({ length: n }, (_, k) => Number(r[`n${k}`] ?? 0));
}

/** Distinct leaders of the subtree's studios with a contract signed before the instant (签约领岗党员). */
export async function countContractedLeaders(db: Kysely<Database>, path: string, before: string): Promise<number> {
  const r = inSubtree(path);
  const row = await db
    .selectFrom('studios')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .select(sql<number>`count(distinct studios.leader_volunteer_id)`.as('n'))
    .where('org_units.path', '>=', r.from)
    .where('org_units.path', '<', r.to)
    .where('studios.leader_volunteer_id', 'is not', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('studio_contracts')
          .select('studio_contracts.id')
          .whereRef('studio_contracts.studio_id', '=', 'studios.id')
          .where('studio_contracts.signed_at', '<', before),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Commitments of the subtree's studios published before the instant and not withdrawn. */
export async function countPublishedCommitments(db: Kysely<Database>, path: string, before: string): Promise<number> {
  const r = inSubtree(path);
  const row = await db
    .selectFrom('commitments')
    .innerJoin('studios', 'studios.id', 'commitments.studio_id')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_units.path', '>=', r.from)
    .where('org_units.path', '<', r.to)
    .where('commitments.published_at', '<', before)
    .where('commitments.status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Inspections of the subtree's studios due in each range [from, to) (days): done (submitted or
 * corrected), overdue (still planned after their day, as of `today`) and still to come; all
 * ranges in one pass.
 */
export async function countInspections(db: Kysely<Database>, path: string, ranges: readonly DayRange[], today: string) {
  const r = inSubtree(path);
  if (ranges.length === 0) return [];
  const within = (d: DayRange) => sql<boolean>`inspections.due_on >= ${d.from} and inspections.due_on < ${d.to}`;
  const conditions = ranges.flatMap((d) => [
    sql<boolean>`${within(d)} and inspections.status in ('submitted', 'corrected')`,
    sql<boolean>`${within(d)} and inspections.status = 'planned' and inspections.due_on < ${today}`,
    sql<boolean>`${within(d)} and inspections.status = 'planned' and inspections.due_on >= ${today}`,
  ]);
  const row = await db
    .selectFrom('inspections')
    .innerJoin('org_units', 'org_units.id', 'inspections.unit_id')
    .select(flagsOf(conditions))
    .where('org_units.path', '>=', r.from)
    .where('org_units.path', '<', r.to)
    .where('inspections.due_on', '>=', hullOf(ranges).from)
    .where('inspections.due_on', '<', hullOf(ranges).to)
    .executeTakeFirstOrThrow();
  const n = countsOf(row, conditions.length);
  return ranges.map((_, k) => ({ done: n[3 * k] ?? 0, overdue: n[3 * k + 1] ?? 0, planned: n[3 * k + 2] ?? 0 }));
}

/** Residents' needs of the subtree recorded in [from, to) (days), by confirmed (or suggested) category. */
export async function countNeeds(db: Kysely<Database>, path: string, from: string, to: string) {
  const r = inSubtree(path);
  const category = sql<number | null>`coalesce(needs.category_id, needs.suggested_category_id)`;
  const rows = await db
    .selectFrom('needs')
    .innerJoin('org_units', 'org_units.id', 'needs.unit_id')
    .select([category.as('category_id'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_units.path', '>=', r.from)
    .where('org_units.path', '<', r.to)
    .where('needs.recorded_on', '>=', from)
    .where('needs.recorded_on', '<', to)
    .groupBy(category)
    .execute();
  return rows.map((x) => ({ categoryId: x.category_id === null ? null : Number(x.category_id), n: Number(x.n) }));
}

/** A unit with its path and level. */
export async function findUnitCore(db: Kysely<Database>, id: number) {
  return db.selectFrom('org_units').select(['id', 'name', 'level', 'path']).where('id', '=', id).executeTakeFirst();
}

/** The units on a path, from the top down. */
export async function listUnitsOnPath(db: Kysely<Database>, path: string) {
  const prefixes: string[] = [];
  for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) prefixes.push(path.slice(0, i + 1));
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'level', 'path'])
    .where('path', 'in', prefixes)
    .orderBy('depth')
    .execute();
}

/** The direct children of a unit. */
export async function listChildUnits(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'level', 'path'])
    .where('parent_id', '=', id)
    .orderBy('path')
    .execute();
}

/** Categories with their codes and Chinese names, in order. */
export async function listCategoryLabels(db: Kysely<Database>) {
  return db
    .selectFrom('categories')
    .select(['id', 'code', 'name_zh_cn', 'name_zh_tw', 'name_en'])
    .orderBy('position')
    .orderBy('id')
    .execute();
}
