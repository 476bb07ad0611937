import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

// What service delivery reads about studios' members.
// Requests, records and ratings have repositories of their own beside this one.

/** Accounts of a studio's members: the people who own its requests and records. */
export async function memberAccountsOf(db: Kysely<Database>, studioId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('studio_members')
    .innerJoin('volunteers', 'volunteers.id', 'studio_members.volunteer_id')
    .select('volunteers.account_id')
    .where('studio_members.studio_id', '=', studioId)
    .execute();
  return rows.flatMap((r) => (r.account_id === null ? [] : [r.account_id]));
}

/** Accounts of the members of several studios, by studio (every asked studio has an entry). */
export async function memberAccountsOfStudios(
  db: Kysely<Database>,
  studioIds: readonly number[],
): Promise<Map<number, number[]>> {
  const owners = new Map<number, number[]>(studioIds.map((id) => [id, []]));
  if (studioIds.length === 0) return owners;
  const rows = await db
    .selectFrom('studio_members')
    .innerJoin('volunteers', 'volunteers.id', 'studio_members.volunteer_id')
    .select(['studio_members.studio_id', 'volunteers.account_id'])
    .where('studio_members.studio_id', 'in', [...studioIds])
    .execute();
  for (const r of rows) if (r.account_id !== null) owners.get(r.studio_id)?.push(r.account_id);
  return owners;
}

/** The studios a member's account belongs to. */
export async function studiosOfMember(db: Kysely<Database>, accountId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('studio_members')
    .innerJoin('volunteers', 'volunteers.id', 'studio_members.volunteer_id')
    .select('studio_members.studio_id')
    .where('volunteers.account_id', '=', accountId)
    .execute();
  return rows.map((r) => r.studio_id);
}

/** The phone numbers of a studio's members (those who gave one). */
export async function memberPhonesOf(db: Kysely<Database>, studioId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('studio_members')
    .innerJoin('volunteers', 'volunteers.id', 'studio_members.volunteer_id')
    .select('volunteers.phone')
    .where('studio_members.studio_id', '=', studioId)
    .where('volunteers.phone', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.phone ? [r.phone] : []));
}
