import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';

const inSubtree = (path: string) => subtreeRange(path);

/** Venues of a subtree, with their unit's name and path. */
export async function listVenues(db: Kysely<Database>, path: string) {
  const { from, to } = inSubtree(path);
  return db
    .selectFrom('venues')
    .innerJoin('org_units', 'org_units.id', 'venues.unit_id')
    .selectAll('venues')
    .select(['org_units.name as unit_name', 'org_units.path as unit_path'])
    .where('org_units.path', '>=', from)
    .where('org_units.path', '<', to)
    .orderBy('venues.id')
    .execute();
}

/** Residential areas of a subtree, with their unit's name and path. */
export async function listAreas(db: Kysely<Database>, path: string) {
  const { from, to } = inSubtree(path);
  return db
    .selectFrom('residential_areas')
    .innerJoin('org_units', 'org_units.id', 'residential_areas.unit_id')
    .selectAll('residential_areas')
    .select(['org_units.name as unit_name', 'org_units.path as unit_path'])
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

/**
 * Serving studios (of a category, when given) whose point lies in a box, whatever their unit:
 * coverage of a street counts the studio just across its boundary too.
 */
export async function listServingStudiosInBox(
  db: Kysely<Database>,
  box: { west: number; east: number; south: number; north: number },
  categoryId?: number,
) {
  let q = db
    .selectFrom('studios')
    .select(['studios.id', 'studios.name', 'studios.status', 'studios.lng', 'studios.lat'])
    .where('studios.status', 'in', ['active', 'rectification'])
    .where('studios.lng', '>=', box.west)
    .where('studios.lng', '<=', box.east)
    .where('studios.lat', '>=', box.south)
    .where('studios.lat', '<=', box.north);
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

/** Units of a subtree that have a point and a level the map draws. */
export async function listMappedUnits(db: Kysely<Database>, path: string) {
  const { from, to } = inSubtree(path);
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'level', 'lng', 'lat'])
    .where('path', '>=', from)
    .where('path', '<', to)
    .where('lng', 'is not', null)
    .where('level', 'in', ['district', 'street', 'town', 'community', 'village'])
    .execute();
}

/** The unit path of a venue or a residential area, or undefined when there is none with that id. */
export async function findSitePath(
  db: Kysely<Database>,
  kind: 'venue' | 'area',
  id: number,
): Promise<string | undefined> {
  const table = kind === 'venue' ? 'venues' : 'residential_areas';
  const row = await db
    .selectFrom(table)
    .innerJoin('org_units', 'org_units.id', `${table}.unit_id`)
    .select(['org_units.path'])
    .where(`${table}.id`, '=', id)
    .executeTakeFirst();
  return row?.path;
}

type VenueColumns = Omit<Insertable<Database['venues']>, 'created_at'>;
type AreaColumns = Omit<Insertable<Database['residential_areas']>, 'created_at'>;

/** Adds a venue (columns with a `type`) or a residential area; answers its id. */
export async function insertSite(
  db: Kysely<Database>,
  columns: VenueColumns | AreaColumns,
  createdAt: string,
): Promise<number> {
  const row =
    'type' in columns
      ? await db
          .insertInto('venues')
          .values({ ...columns, created_at: createdAt })
          .returning('id')
          .executeTakeFirstOrThrow()
      : await db
          .insertInto('residential_areas')
          .values({ ...columns, created_at: createdAt })
          .returning('id')
          .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a venue (columns with a `type`) or a residential area. */
export async function updateSite(
  db: Kysely<Database>,
  id: number,
  columns: Updateable<Database['venues']> | Updateable<Database['residential_areas']>,
): Promise<void> {
  if ('type' in columns) await db.updateTable('venues').set(columns).where('id', '=', id).execute();
  else await db.updateTable('residential_areas').set(columns).where('id', '=', id).execute();
}
