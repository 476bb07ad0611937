import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../domain/errors.ts';
import { SMS_CODE_RULES } from '../domain/sms/confirmation.ts';

/**
 * Counts an event against a fixed window and refuses it (429) past the limit. Counters live
 * in the database, so every server instance shares them; an upsert makes the count atomic.
 */
export async function consume(
  db: Kysely<Database>,
  key: string,
  limit: number,
  windowMs: number,
  now: Date,
): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString();
  const row = await db
    .insertInto('rate_counters')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ count: sql`rate_counters.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow();
  if (row.count > limit) throw new DomainError('RATE_LIMITED');
}

/**
 * Counts a tracking-code look-up (a request, a rating form, a letter) against its source
 * address: 60 in ten minutes is plenty for a resident following a code, and far too few to
 * guess codes.
 */
export function consumeTrackingLookup(db: Kysely<Database>, ip: string, now: Date): Promise<void> {
  return consume(db, `track:ip:${ip}`, 60, 600_000, now);
}

/**
 * Counts a code sent by SMS (to confirm a subscription change) against its source address
 * and against the phone it goes to, so neither an address nor a number can be flooded.
 */
export async function consumeSmsCodeSend(db: Kysely<Database>, ip: string, phone: string, now: Date): Promise<void> {
  await consume(db, `sms:ip:${ip}`, SMS_CODE_RULES.perAddressPerHour, 3_600_000, now);
  await consume(db, `sms:phone:${phone}`, SMS_CODE_RULES.perPhonePer10Minutes, 600_000, now);
  await consume(db, `sms:phone-day:${phone}`, SMS_CODE_RULES.perPhonePerDay, 86_400_000, now);
}

/** Counts a code typed back against its source address (every phone together). */
export function consumeSmsCodeTry(db: Kysely<Database>, ip: string, now: Date): Promise<void> {
  return consume(db, `sms:try:${ip}`, SMS_CODE_RULES.guessesPerAddressPerHour, 3_600_000, now);
}

/** The longest window any counter uses: a day (requests and letters per phone). */
export const LONGEST_WINDOW_MS = 86_400_000;

/** Removes windows that started before `before` (run by the throttling job); answers how many went. */
export async function pruneCounters(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('rate_counters')
    .where('window_start', '<', before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
