import { sql, type Kysely } from 'kysely';
import type { Database, NewOrgUnit, OrgUnitRow, OrgUnitUpdate } from '../../../db/schema.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import { likeEscape } from '../../../db/like.ts';
import { orgTreeOf, subtreePage, treeUnit } from './org-tree.repository.ts';

// Outside a transaction units are read from the in-memory tree (org-tree.repository.ts), at
// most a second behind another instance's changes; inside one, from the rows themselves, so a
// writer sees what it is changing.

/** A unit row with whether it has children. */
export type OrgUnitWithChildren = OrgUnitRow & { has_children: number | boolean };

const hasChildren = sql<number | boolean>`exists (select 1 from org_units c where c.parent_id = org_units.id)`.as(
  'has_children',
);

/** One unit with whether it has children, or undefined. */
export async function findUnit(db: Kysely<Database>, id: number): Promise<OrgUnitWithChildren | undefined> {
  if (!db.isTransaction) return treeUnit(db, id);
  return db.selectFrom('org_units').selectAll().select(hasChildren).where('id', '=', id).executeTakeFirst();
}

/** The unit holding a code (codes are unique), with its level. */
export async function findUnitByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('org_units').select(['id', 'level']).where('code', '=', code).executeTakeFirst();
}

/** What a page of a subtree is filtered by. */
export interface SubtreeFilter {
  path: string;
  q?: string | undefined;
  level?: string | undefined;
  limit: number;
  offset: number;
}

/** The units of a subtree matching a filter, found by an indexed range over the materialized path. */
export function subtreeQuery(db: Kysely<Database>, f: Omit<SubtreeFilter, 'limit' | 'offset'>) {
  const { from, to } = subtreeRange(f.path);
  let base = db.selectFrom('org_units').where('path', '>=', from).where('path', '<', to);
  if (f.level) base = base.where('level', '=', f.level);
  if (f.q) {
    const text = `%${likeEscape(f.q)}%`;
    const key = `${likeEscape(f.q.toLowerCase().replace(/\s+/g, ''))}%`;
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`name like ${text} escape '\\'`,
        sql<boolean>`pinyin like ${key} escape '\\'`,
        sql<boolean>`initials like ${key} escape '\\'`,
      ]),
    );
  }
  return base;
}

/** The columns a list shows (and the path its abilities need): turning rows into objects costs per column, so lists read no more. */
const listColumns = [
  'id',
  'code',
  'path',
  'name',
  'short_name',
  'level',
  'post_kind',
  'parent_id',
  'depth',
  'lng',
  'lat',
  'address',
] as const;
/** A unit as lists show it. */
export type UnitListRow = Pick<OrgUnitRow, (typeof listColumns)[number]> & { has_children: number | boolean };

/** Whether each row has children: from the tree, or (in a transaction) one query for the page. */
async function withChildFlags<T extends { id: number }>(
  db: Kysely<Database>,
  rows: T[],
): Promise<Array<T & { has_children: boolean }>> {
  if (rows.length === 0) return [];
  let parents: ReadonlySet<number> | ReadonlyMap<number, unknown>;
  if (!db.isTransaction) parents = (await orgTreeOf(db)).children;
  else {
    const found = await db
      .selectFrom('org_units')
      .select('parent_id')
      .distinct()
      .where(
        'parent_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    parents = new Set(found.map((r) => r.parent_id ?? 0));
  }
  return rows.map((r) => ({ ...r, has_children: parents.has(r.id) }));
}

/**
 * One page of a subtree in tree order, and how many units match in all. Without a search it is
 * a slice of the in-memory tree; a search runs on the rows (LIKE as each engine has it).
 */
export async function listSubtree(
  db: Kysely<Database>,
  f: SubtreeFilter,
): Promise<{ rows: UnitListRow[]; total: number }> {
  if (!f.q && !db.isTransaction) return subtreePage(await orgTreeOf(db), f);
  const base = subtreeQuery(db, f);
  const [rows, count] = await Promise.all([
    base.select(listColumns).orderBy('path').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: await withChildFlags(db, rows), total: Number(count.n) };
}

/** The direct children of a unit, in tree order. */
export async function listChildren(
  db: Kysely<Database>,
  parentId: number,
): Promise<Array<UnitListRow & { code: string }>> {
  if (!db.isTransaction) return [...((await orgTreeOf(db)).children.get(parentId) ?? [])];
  const rows = await db
    .selectFrom('org_units')
    .select(listColumns)
    .where('parent_id', '=', parentId)
    .orderBy('path')
    .execute();
  return withChildFlags(db, rows);
}

/** Inserts a unit; answers its id. */
export async function insertUnit(db: Kysely<Database>, unit: NewOrgUnit): Promise<number> {
  const row = await db.insertInto('org_units').values(unit).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Saves changed fields of a unit. */
export async function updateUnit(db: Kysely<Database>, id: number, set: OrgUnitUpdate): Promise<void> {
  await db.updateTable('org_units').set(set).where('id', '=', id).execute();
}
