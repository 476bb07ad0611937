import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { bumpStudiosVersion } from './studio-snapshot.repository.ts';

// What the imports of the existing network read: studios by name with their members, and the
// services already in the book (so a re-imported book is found out). Writes go through the
// records' and studios' own repositories.

/** Every studio with its unit's path and the names of its leader and members. */
export async function listStudioRefs(db: Kysely<Database>) {
  const studios = await db
    .selectFrom('studios')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .leftJoin('volunteers as leader', 'leader.id', 'studios.leader_volunteer_id')
    .select(['studios.id', 'studios.name', 'studios.unit_id', 'org_units.path', 'leader.name as leader_name'])
    .execute();
  const members = await db
    .selectFrom('studio_members')
    .innerJoin('volunteers', 'volunteers.id', 'studio_members.volunteer_id')
    .select(['studio_members.studio_id', 'volunteers.name'])
    .execute();
  return { studios, members };
}

/** The services already in the book of some studios on some instants, by the fields that identify one. */
export async function listRecordsAt(db: Kysely<Database>, studioIds: number[], instants: string[]) {
  if (studioIds.length === 0 || instants.length === 0) return [];
  const out = [];
  for (let i = 0; i < instants.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('service_records')
        .select(['id', 'studio_id', 'served_at', 'category_id', 'mode', 'person_times', 'content'])
        .where('studio_id', 'in', studioIds)
        .where('served_at', 'in', instants.slice(i, i + 500))
        .execute()),
    );
  return out;
}

/** Registry records by mobile number. */
export async function listPeopleByPhone(db: Kysely<Database>, phones: string[]) {
  if (phones.length === 0) return [];
  return db.selectFrom('volunteers').select(['id', 'phone']).where('phone', 'in', phones).execute();
}

/** Studios bearing some names (a studio brought in twice is found by its name in its unit). */
export async function listStudiosNamed(db: Kysely<Database>, names: string[]) {
  if (names.length === 0) return [];
  return db.selectFrom('studios').select(['id', 'name', 'unit_id']).where('name', 'in', names).execute();
}

/** Contract and plaque numbers already given, with their studio (numbers are unique for all time). */
export async function listNumbersTaken(db: Kysely<Database>, numbers: string[]) {
  if (numbers.length === 0) return [];
  const contracts = await db
    .selectFrom('studio_contracts')
    .select(['number', 'studio_id'])
    .where('number', 'in', numbers)
    .execute();
  const plaques = await db
    .selectFrom('plaques')
    .select(['number', 'studio_id'])
    .where('number', 'in', numbers)
    .execute();
  return [...contracts, ...plaques];
}

/** Writes a studio brought in as it stands, with its categories, leader and members; answers its id. */
export async function insertImportedStudio(
  db: Kysely<Database>,
  s: {
    name: string;
    unitId: number;
    status: string;
    leaderId: number;
    memberIds: number[];
    categoryIds: number[];
    venueType: string | null;
    venueAddress: string;
    openingHours: string;
    applicantAccountId: number;
    statusAt: string;
    at: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('studios')
    .values({
      name: s.name,
      unit_id: s.unitId,
      status: s.status,
      staffing_mode: s.memberIds.length > 0 ? 'team' : 'single',
      origin: 'self',
      recommended_by_unit_id: null,
      applicant_account_id: s.applicantAccountId,
      leader_volunteer_id: s.leaderId,
      description: '',
      venue_address: s.venueAddress,
      opening_hours: s.openingHours,
      contact_phone: null,
      lng: null,
      lat: null,
      term_start: null,
      term_end: null,
      plaque_number: null,
      venue_type: s.venueType,
      status_reason: null,
      status_changed_at: s.statusAt,
      created_at: s.at,
      updated_at: s.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('studio_categories')
    .values(s.categoryIds.map((category_id) => ({ studio_id: id, category_id })))
    .execute();
  await bumpStudiosVersion(db, s.at);
  await db
    .insertInto('studio_members')
    .values([
      { studio_id: id, volunteer_id: s.leaderId, role: 'leader' },
      ...s.memberIds.map((volunteer_id) => ({ studio_id: id, volunteer_id, role: 'member' })),
    ])
    .execute();
  return id;
}

/** Writes a studio's commitments as published on a day. */
export async function insertPublishedCommitments(
  db: Kysely<Database>,
  studioId: number,
  texts: string[],
  on: string,
  at: string,
) {
  if (texts.length === 0) return;
  await db
    .insertInto('commitments')
    .values(
      texts.map((text, n) => ({
        studio_id: studioId,
        kind: 'other',
        text,
        target: null,
        position: n + 1,
        status: 'published',
        published_at: on,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}
