import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';

const columns = [
  'needs.id',
  'needs.unit_id',
  'org_units.name as unit_name',
  'org_units.path as unit_path',
  'needs.channel',
  'needs.recorded_on',
  'needs.resident_name',
  'needs.resident_phone',
  'needs.text',
  'needs.urgency',
  'needs.category_id',
  'needs.category_source',
  'needs.suggested_category_id',
  'needs.confidence',
] as const;

/** A need as lists and checks read it, with its unit's name and path. */
export type NeedRow = NonNullable<Awaited<ReturnType<typeof findNeed>>>;

/** What a list of needs may be narrowed by, inside a subtree. */
export interface NeedFilter {
  path: string;
  categoryId?: number | undefined;
  uncategorised?: boolean | undefined;
  channel?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** One need, or undefined. */
export async function findNeed(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('needs')
    .innerJoin('org_units', 'org_units.id', 'needs.unit_id')
    .select(columns)
    .where('needs.id', '=', id)
    .executeTakeFirst();
}

/** A page of the needs a filter selects, newest first, and their total. */
export async function listNeedPage(db: Kysely<Database>, f: NeedFilter, limit: number, offset: number) {
  const { from, to } = subtreeRange(f.path);
  let base = db
    .selectFrom('needs')
    .innerJoin('org_units', 'org_units.id', 'needs.unit_id')
    .where('org_units.path', '>=', from)
    .where('org_units.path', '<', to);
  if (f.categoryId) base = base.where('needs.category_id', '=', f.categoryId);
  if (f.uncategorised) base = base.where('needs.category_id', 'is', null);
  if (f.channel) base = base.where('needs.channel', '=', f.channel);
  if (f.from) base = base.where('needs.recorded_on', '>=', f.from);
  if (f.to) base = base.where('needs.recorded_on', '<=', f.to);
  const [rows, count] = await Promise.all([
    base
      .select(columns)
      .orderBy('needs.recorded_on', 'desc')
      .orderBy('needs.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The category, date and unit path of every need of a subtree recorded between two dates (inclusive). */
export async function listNeedsRecordedBetween(db: Kysely<Database>, path: string, fromDate: string, toDate: string) {
  const { from, to } = subtreeRange(path);
  return db
    .selectFrom('needs')
    .innerJoin('org_units', 'org_units.id', 'needs.unit_id')
    .select(['needs.category_id', 'needs.recorded_on', 'org_units.path'])
    .where('org_units.path', '>=', from)
    .where('org_units.path', '<', to)
    .where('needs.recorded_on', '>=', fromDate)
    .where('needs.recorded_on', '<=', toDate)
    .execute();
}

/** Records a need; answers its id. */
export async function insertNeed(db: Kysely<Database>, values: Insertable<Database['needs']>): Promise<number> {
  return (await db.insertInto('needs').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a need. */
export async function updateNeed(db: Kysely<Database>, id: number, set: Updateable<Database['needs']>): Promise<void> {
  await db.updateTable('needs').set(set).where('id', '=', id).execute();
}

/** The text and category code of every need a person filed: the classifier's local training data. */
export async function listCorrections(db: Kysely<Database>) {
  return db
    .selectFrom('needs')
    .innerJoin('categories', 'categories.id', 'needs.category_id')
    .select(['needs.text', 'categories.code'])
    .where('needs.category_source', '=', 'staff')
    .where('needs.corrected_by', 'is not', null)
    .execute();
}
