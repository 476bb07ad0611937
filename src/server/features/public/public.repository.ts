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

/** Keeps a code sent to confirm a subscription change (its keyed hash only); answers its id. */
export async function insertSmsCode(
  db: Kysely<Database>,
  values: {
    unit_id: number;
    phone: string;
    purpose: string;
    code_hash: string;
    consent_version: string | null;
    created_at: string;
    expires_at: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('sms_codes')
    .values({ ...values, attempts: 0, used_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The latest code sent to a phone for a unit and purpose (a newer one replaces the older), or undefined. */
export async function findLatestSmsCode(db: Kysely<Database>, unitId: number, phone: string, purpose: string) {
  return db
    .selectFrom('sms_codes')
    .select(['id', 'code_hash', 'consent_version', 'attempts', 'expires_at', 'used_at'])
    .where('unit_id', '=', unitId)
    .where('phone', '=', phone)
    .where('purpose', '=', purpose)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Counts one try of a code before it is compared, only while tries remain; answers the
 * count after this try, or undefined when none remained (parallel guesses cannot share one
 * reading of the count).
 */
export async function countSmsCodeTry(db: Kysely<Database>, id: number, max: number): Promise<number | undefined> {
  const row = await db
    .updateTable('sms_codes')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('id', '=', id)
    .where('attempts', '<', max)
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts;
}

/** Marks a code used, only if it was not; answers whether this call used it. */
export async function useSmsCode(db: Kysely<Database>, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('sms_codes')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whether a phone currently receives a unit's announcements. */
export async function isSubscribed(db: Kysely<Database>, unitId: number, phone: string): Promise<boolean> {
  const row = await db
    .selectFrom('sms_subscriptions')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('phone', '=', phone)
    .where('unsubscribed_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
