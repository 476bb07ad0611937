import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { likeEscape } from '../../../db/like.ts';

/** The serving studios of a unit (active or in rectification), in id order. */
export async function listServingStudioIds(db: Kysely<Database>, unitId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('studios')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('status', 'in', ['active', 'rectification'])
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Serving studios whose name holds `q`, with their community: what a resident may write a letter about. */
export async function searchServingStudios(db: Kysely<Database>, q: string, limit: number) {
  return db
    .selectFrom('studios')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .select(['studios.id', 'studios.name', 'org_units.id as unit_id', 'org_units.name as unit_name'])
    .where('studios.status', 'in', ['active', 'rectification'])
    .where(sql<boolean>`studios.name like ${`%${likeEscape(q)}%`} escape '\\'`)
    .orderBy('studios.name')
    .orderBy('studios.id')
    .limit(limit)
    .execute();
}

/** The path of the root of the org tree (the first root, should there be several), or undefined when empty. */
export async function findRootPath(db: Kysely<Database>): Promise<string | undefined> {
  const root = await db
    .selectFrom('org_units')
    .select('path')
    .where('parent_id', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  return root?.path;
}

/** The phones subscribed to a unit's announcements and not unsubscribed. */
export async function listSubscriberPhones(db: Kysely<Database>, unitId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('sms_subscriptions')
    .select('phone')
    .where('unit_id', '=', unitId)
    .where('unsubscribed_at', 'is', null)
    .execute();
  return rows.map((r) => r.phone);
}

/** A phone's subscription to a unit, current or lapsed, or undefined. */
export async function findSubscription(db: Kysely<Database>, unitId: number, phone: string) {
  return db
    .selectFrom('sms_subscriptions')
    .select(['id', 'unsubscribed_at'])
    .where('unit_id', '=', unitId)
    .where('phone', '=', phone)
    .executeTakeFirst();
}

/**
 * Renews a lapsed subscription with today's consent, only if it is still lapsed; answers
 * whether this call renewed it (a double tap renews once).
 */
export async function renewSubscription(
  db: Kysely<Database>,
  id: number,
  consentVersion: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('sms_subscriptions')
    .set({ unsubscribed_at: null, subscribed_at: at, consent_version: consentVersion })
    .where('id', '=', id)
    .where('unsubscribed_at', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Subscribes a phone to a unit's announcements unless it already is; answers whether this
 * call added it. ON CONFLICT, not a read first: two taps at once must not both insert.
 */
export async function insertSubscription(
  db: Kysely<Database>,
  s: { unitId: number; phone: string; consentVersion: string; at: string },
): Promise<boolean> {
  const r = await db
    .insertInto('sms_subscriptions')
    .values({
      unit_id: s.unitId,
      phone: s.phone,
      consent_version: s.consentVersion,
      subscribed_at: s.at,
      unsubscribed_at: null,
    })
    .onConflict((oc) => oc.columns(['unit_id', 'phone']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Ends a phone's current subscription to a unit; answers whether there was one. */
export async function endSubscription(db: Kysely<Database>, unitId: number, phone: string, at: string) {
  const r = await db
    .updateTable('sms_subscriptions')
    .set({ unsubscribed_at: at })
    .where('unit_id', '=', unitId)
    .where('phone', '=', phone)
    .where('unsubscribed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
