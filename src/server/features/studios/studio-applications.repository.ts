import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { StudioApplication } from '../../../contract/studios.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import { bumpStudiosVersion } from '../statistics/studio-snapshot.repository.ts';

// The writes of an application (申办 / 推荐) while it is a draft, and the registry and category
// reads that check it. studios.service.ts decides whether an application may be saved.

/** Party members from the registry, with the unit path each sits in. */
/**
 * Party members of a subtree a studio may be formed from, by name: the picker of an application
 * (申办, 推荐). Only what the picker shows; the registry itself stays with the organisations.
 */
export async function listCandidates(db: Kysely<Database>, path: string, limit: number) {
  const { from, to } = subtreeRange(path);
  return db
    .selectFrom('volunteers')
    .innerJoin('org_units', 'org_units.id', 'volunteers.unit_id')
    .select(['volunteers.id', 'volunteers.name', 'volunteers.profession', 'volunteers.account_id'])
    .where('volunteers.kind', '=', 'party_member')
    .where('org_units.path', '>=', from)
    .where('org_units.path', '<', to)
    .orderBy('volunteers.id')
    .limit(limit)
    .execute();
}

export async function findVolunteers(db: Kysely<Database>, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('volunteers')
    .innerJoin('org_units', 'org_units.id', 'volunteers.unit_id')
    .select([
      'volunteers.id',
      'volunteers.kind',
      'volunteers.account_id',
      'volunteers.name',
      'org_units.path as unit_path',
    ])
    .where('volunteers.id', 'in', ids)
    .execute();
}

/** Writes the application's parts (categories, items, members, qualifications), replacing any earlier ones. */
export async function writeApplicationParts(
  db: Kysely<Database>,
  studioId: number,
  app: StudioApplication,
): Promise<void> {
  await bumpStudiosVersion(db);
  await db.deleteFrom('studio_categories').where('studio_id', '=', studioId).execute();
  await db.deleteFrom('studio_service_items').where('studio_id', '=', studioId).execute();
  await db.deleteFrom('studio_members').where('studio_id', '=', studioId).execute();
  await db.deleteFrom('studio_qualifications').where('studio_id', '=', studioId).execute();
  await db
    .insertInto('studio_categories')
    .values([...new Set(app.categoryIds)].map((category_id) => ({ studio_id: studioId, category_id })))
    .execute();
  await db
    .insertInto('studio_service_items')
    .values(
      app.serviceItems.map((item, i) => ({
        studio_id: studioId,
        title: item.title,
        description: item.description,
        position: i + 1,
      })),
    )
    .execute();
  const others = [...new Set(app.memberVolunteerIds)].filter((v) => v !== app.leaderVolunteerId);
  await db
    .insertInto('studio_members')
    .values([
      { studio_id: studioId, volunteer_id: app.leaderVolunteerId, role: 'leader' },
      ...others.map((volunteer_id) => ({ studio_id: studioId, volunteer_id, role: 'member' })),
    ])
    .execute();
  if (app.qualifications.length > 0) {
    await db
      .insertInto('studio_qualifications')
      .values(
        app.qualifications.map((q) => ({
          studio_id: studioId,
          holder: q.holder,
          title: q.title,
          issuer: q.issuer,
          attachment_id: q.attachmentId ?? null,
        })),
      )
      .execute();
  }
}

/** The columns an application sets on the studio row. */
function applicationColumns(app: StudioApplication, at: string) {
  return {
    name: app.name,
    unit_id: app.unitId,
    staffing_mode: app.staffingMode,
    leader_volunteer_id: app.leaderVolunteerId,
    description: app.description,
    venue_address: app.venueAddress,
    opening_hours: app.openingHours,
    contact_phone: app.contactPhone ?? null,
    lng: app.lng ?? null,
    lat: app.lat ?? null,
    updated_at: at,
  };
}

/** Inserts a new application as a draft; answers the studio's id. */
export async function insertDraft(
  db: Kysely<Database>,
  app: StudioApplication,
  d: { origin: 'self' | 'recommended'; recommendedByUnitId: number | null; applicantAccountId: number; at: string },
): Promise<number> {
  const row = await db
    .insertInto('studios')
    .values({
      ...applicationColumns(app, d.at),
      status: 'draft',
      origin: d.origin,
      recommended_by_unit_id: d.recommendedByUnitId,
      applicant_account_id: d.applicantAccountId,
      status_changed_at: d.at,
      created_at: d.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await bumpStudiosVersion(db, d.at);
  return row.id;
}

/** Saves an edited application, only while the studio is still a draft; answers whether it was. */
export async function updateDraft(
  db: Kysely<Database>,
  id: number,
  app: StudioApplication,
  at: string,
): Promise<boolean> {
  const changed = await db
    .updateTable('studios')
    .set(applicationColumns(app, at))
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) return false;
  await bumpStudiosVersion(db, at);
  return true;
}
