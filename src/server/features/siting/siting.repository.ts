import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';

const inSubtree = (path: string) => subtreeRange(path);

export async function listVenues(db: Kysely<Database>, path: string) {
  const { from, to } = inSubtree(path);
  return db
    .selectFrom('venues')
    .innerJoin('org_units', 'org_units.id', 'venues.unit_id')
    .selectAll('venues')
    .select('org_units.name as unit_name')
    .where('org_units.path', '>=', from)
    .where('org_units.path', '<', to)
    .orderBy('venues.id')
    .execute();
}

export async function listAreas(db: Kysely<Database>, path: string) {
  const { from, to } = inSubtree(path);
  return db
    .selectFrom('residential_areas')
    .innerJoin('org_units', 'org_units.id', 'residential_areas.unit_id')
    .selectAll('residential_areas')
    .select('org_units.name as unit_name')
    .where('org_units.path', '>=', from)
    .where('org_units.path', '<', to)
    .orderBy('residential_areas.id')
    .execute();
}

/** Studios holding a plaque in a subtree, with their categories and points. */
export async function listServingStudios(db: Kysely<Database>, path: string, categoryId?: number) {
  const { from, to } = inSubtree(path);
  let q = db
    .selectFrom('studios')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .select(['studios.id', 'studios.name', 'studios.status', 'studios.lng', 'studios.lat'])
    .where('org_units.path', '>=', from)
    .where('org_units.path', '<', to)
    .where('studios.status', 'in', ['active', 'rectification'])
    .where('studios.lng', 'is not', null);
  if (categoryId)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('studio_categories as sc')
          .select('sc.studio_id')
          .whereRef('sc.studio_id', '=', 'studios.id')
          .where('sc.category_id', '=', categoryId),
      ),
    );
  return q.orderBy('studios.id').execute();
}

/** A counter bumped in the same transaction as any change to venues, areas or studios' points, so caches know when to rebuild. */
export async function sitingVersion(db: Kysely<Database>): Promise<string> {
  return (
    (await db.selectFrom('settings').select('value').where('key', '=', 'siting.version').executeTakeFirst())?.value ??
    '0'
  );
}

export async function bumpSitingVersion(db: Kysely<Database>, at: string): Promise<void> {
  const current = Number(await sitingVersion(db));
  const updated = await db
    .updateTable('settings')
    .set({ value: String(current + 1), updated_at: at })
    .where('key', '=', 'siting.version')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await db.insertInto('settings').values({ key: 'siting.version', value: '1', updated_at: at }).execute();
}
