import { type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import { termLookup } from '../../../domain/registry/search-terms.ts';
import { serialize } from '../../counters.repository.ts';
import { preparedQuery, type PreparedQuery } from '../../../db/prepared-query.ts';
import { candidateIds, searchPage } from './volunteer-search.repository.ts';
import { registryChanged } from './registry-pages.repository.ts';

/** What a registry list may be narrowed by, inside a subtree. */
export interface VolunteerFilter {
  path: string;
  kind?: string | undefined;
  categoryId?: number | undefined;
  screeningStatus?: string | undefined;
  q?: string | undefined;
}

/** Volunteers in a subtree matching a filter: name, pinyin and initials prefixes, or a profession/qualification word. */
function volunteerQuery(db: Kysely<Database>, f: VolunteerFilter) {
  const { from, to } = subtreeRange(f.path);
  let base = db
    .selectFrom('volunteers')
    .innerJoin('org_units', 'org_units.id', 'volunteers.unit_id')
    .where('org_units.path', '>=', from)
    .where('org_units.path', '<', to);
  if (f.kind) base = base.where('volunteers.kind', '=', f.kind);
  if (f.screeningStatus) base = base.where('volunteers.screening_status', '=', f.screeningStatus);
  if (f.categoryId) {
    const categoryId = f.categoryId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('volunteer_categories as vc')
          .select('vc.volunteer_id')
          .whereRef('vc.volunteer_id', '=', 'volunteers.id')
          .where('vc.category_id', '=', categoryId),
      ),
    );
  }
  const lookup = f.q ? termLookup(f.q) : null;
  if (f.q && lookup) base = base.where('volunteers.id', 'in', candidateIds(db, f.q, lookup, f.path));
  return base;
}

/** A record as lists and checks read it: its columns and its unit's name and path. */
export type VolunteerRow = Awaited<ReturnType<typeof findVolunteer>> & object;

const columns = ['org_units.name as unit_name', 'org_units.path as unit_path'] as const;

/** One page of a filtered list, its total and each record's categories. */
export async function listVolunteerPage(db: Kysely<Database>, f: VolunteerFilter, limit: number, offset: number) {
  const lookup = f.q ? termLookup(f.q) : null;
  let page: { rows: VolunteerRow[]; total: number; estimate: boolean };
  if (f.q && lookup && !f.kind && !f.categoryId && !f.screeningStatus) {
    // The terms answer a search by themselves: count (or estimate) and page over the index,
    // then read only the page's records (a surname matches tens of thousands in a province).
    page = await searchPage(db, f.q, lookup, f.path, limit, offset);
  } else {
    const base = volunteerQuery(db, f);
    const [rows, c] = await Promise.all([
      base.selectAll('volunteers').select(columns).orderBy('volunteers.id').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    page = { rows, total: Number(c.n), estimate: false };
  }
  return {
    rows: page.rows,
    total: page.total,
    totalIsEstimate: page.estimate,
    categories: await categoriesOf(
      db,
      page.rows.map((r) => r.id),
    ),
  };
}

/** One record with its unit's name and path, or undefined. */
export async function findVolunteer(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('volunteers')
    .innerJoin('org_units', 'org_units.id', 'volunteers.unit_id')
    .selectAll('volunteers')
    .select(columns)
    .where('volunteers.id', '=', id)
    .executeTakeFirst();
}

/** The categories of `n` volunteers by id: one statement per list length, compiled once. */
const categoriesQueries = new Map<number, PreparedQuery<Record<string, number>, CategoryLink>>();
type CategoryLink = { volunteer_id: number; category_id: number };

function categoriesQuery(n: number): PreparedQuery<Record<string, number>, CategoryLink> {
  let q = categoriesQueries.get(n);
  if (!q) {
    q = preparedQuery((db, a: Record<string, number>) =>
      db
        .selectFrom('volunteer_categories')
        .select(['volunteer_id', 'category_id'])
        .where(
          'volunteer_id',
          'in',
          Array.from({ length: n }, (_, i) => a[`id${i}`]!),
        )
        .orderBy('category_id'),
    );
    categoriesQueries.set(n, q);
  }
  return q;
}

/** Skill categories of several volunteers, in one query per 500. */
export async function categoriesOf(db: Kysely<Database>, ids: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const args: Record<string, number> = {};
    chunk.forEach((id, k) => (args[`id${k}`] = id));
    for (const r of await categoriesQuery(chunk.length).rows(db, args)) {
      const list = map.get(r.volunteer_id);
      if (list) list.push(r.category_id);
      else map.set(r.volunteer_id, [r.category_id]);
    }
  }
  return map;
}

/**
 * Takes the registry's write lock for the caller's transaction: adding, editing and
 * importing records check for an existing person and then write, and two of them at once
 * must not both find the person absent.
 */
export async function lockRegistryWrites(trx: Kysely<Database>): Promise<void> {
  await serialize(trx, 'registry_writes');
}

/** Existing records that share an ID-number hash or a phone with the given ones (for duplicate reports). */
export async function existingMatches(db: Kysely<Database>, hashes: string[], phones: string[]) {
  const byHash = new Map<string, MatchedRecord>();
  const byPhone = new Map<string, MatchedRecord>();
  const matched = () =>
    db
      .selectFrom('volunteers')
      .innerJoin('org_units', 'org_units.id', 'volunteers.unit_id')
      .select(['volunteers.id', 'volunteers.name', 'volunteers.phone', 'volunteers.id_number_hash'])
      .select('org_units.name as unit_name');
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = await matched()
      .where('volunteers.id_number_hash', 'in', hashes.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.id_number_hash) byHash.set(r.id_number_hash, r);
  }
  for (let i = 0; i < phones.length; i += 500) {
    const rows = await matched()
      .where('volunteers.phone', 'in', phones.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.phone) byPhone.set(r.phone, r);
  }
  return { byHash, byPhone };
}

/** A record an uploaded row repeats: who it is and where. */
export interface MatchedRecord {
  id: number;
  name: string;
  unit_name: string;
}

/** The records an uploaded file names by number, with their unit's path and their categories. */
export async function listRecordsByIds(db: Kysely<Database>, ids: number[]) {
  const found = new Map<number, VolunteerRow & { categoryIds: number[] }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db
      .selectFrom('volunteers')
      .innerJoin('org_units', 'org_units.id', 'volunteers.unit_id')
      .selectAll('volunteers')
      .select(columns)
      .where('volunteers.id', 'in', chunk)
      .execute();
    const cats = await categoriesOf(
      db,
      rows.map((r) => r.id),
    );
    for (const r of rows) found.set(r.id, { ...r, categoryIds: cats.get(r.id) ?? [] });
  }
  return found;
}

/** Replaces a record's skill categories. */
export async function setCategories(db: Kysely<Database>, volunteerId: number, categoryIds: number[]): Promise<void> {
  await db.deleteFrom('volunteer_categories').where('volunteer_id', '=', volunteerId).execute();
  if (categoryIds.length)
    await db
      .insertInto('volunteer_categories')
      .values([...new Set(categoryIds)].map((category_id) => ({ volunteer_id: volunteerId, category_id })))
      .execute();
  registryChanged();
}

/** Counts the records a filter selects. */
export async function countVolunteers(db: Kysely<Database>, f: VolunteerFilter): Promise<number> {
  const row = await volunteerQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A page of the records a filter selects, for the export: every column and the unit's name. */
export async function listVolunteerExportPage(db: Kysely<Database>, f: VolunteerFilter, limit: number, offset: number) {
  return volunteerQuery(db, f)
    .selectAll('volunteers')
    .select('org_units.name as unit_name')
    .orderBy('volunteers.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Adds records in one statement; answers their ids in the order given. */
export async function insertVolunteers(
  db: Kysely<Database>,
  values: Array<Insertable<Database['volunteers']>>,
): Promise<number[]> {
  const rows = await db.insertInto('volunteers').values(values).returning('id').execute();
  registryChanged();
  return rows.map((r) => r.id);
}

/** Changes a record's columns. */
export async function updateVolunteer(
  db: Kysely<Database>,
  id: number,
  set: Updateable<Database['volunteers']>,
): Promise<void> {
  await db.updateTable('volunteers').set(set).where('id', '=', id).execute();
  registryChanged();
}

/** Links records to skill categories (new records: nothing to replace). */
export async function insertCategoryLinks(
  db: Kysely<Database>,
  links: Array<{ volunteer_id: number; category_id: number }>,
): Promise<void> {
  if (links.length) await db.insertInto('volunteer_categories').values(links).execute();
  registryChanged();
}
