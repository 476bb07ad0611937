import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';

/** Every member of the serving studios in a subtree (or of one studio), one row per member per studio, in tree order. */
export async function listCardRows(db: Kysely<Database>, path: string, studioId?: number) {
  const { from, to } = subtreeRange(path);
  let q = db
    .selectFrom('studio_members')
    .innerJoin('studios', 'studios.id', 'studio_members.studio_id')
    .innerJoin('volunteers', 'volunteers.id', 'studio_members.volunteer_id')
    .innerJoin('org_units as u', 'u.id', 'studios.unit_id')
    .leftJoin('org_units as street', 'street.id', 'u.parent_id')
    .select([
      'studios.id as studio_id',
      'studios.name as studio_name',
      'studios.opening_hours',
      'studios.contact_phone',
      'volunteers.name as member_name',
      'u.name as unit_name',
      'street.name as street_name',
      'studio_members.role',
    ])
    .where('u.path', '>=', from)
    .where('u.path', '<', to)
    .where('studios.status', 'in', ['active', 'rectification']);
  if (studioId) q = q.where('studios.id', '=', studioId);
  return q.orderBy('u.path').orderBy('studios.id').orderBy('studio_members.role').execute();
}

/** One member's row on a card. */
export type CardRow = Awaited<ReturnType<typeof listCardRows>>[number];

/** The category ids of several studios, as links. */
export async function listCategoryLinks(db: Kysely<Database>, studioIds: number[]) {
  if (studioIds.length === 0) return [];
  return db
    .selectFrom('studio_categories')
    .select(['studio_id', 'category_id'])
    .where('studio_id', 'in', studioIds)
    .execute();
}

/** The service item titles of several studios, each studio's in its order. */
export async function listServiceItemTitles(db: Kysely<Database>, studioIds: number[]) {
  if (studioIds.length === 0) return [];
  return db
    .selectFrom('studio_service_items')
    .select(['studio_id', 'title'])
    .where('studio_id', 'in', studioIds)
    .orderBy('position')
    .execute();
}
