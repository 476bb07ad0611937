import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/** An account with the unit that bounds it, as login and session checks need it. */
export async function findAccountForLogin(db: Kysely<Database>, username: string) {
  return db
    .selectFrom('accounts')
    .innerJoin('org_units', 'org_units.id', 'accounts.unit_id')
    .select([
      'accounts.id',
      'accounts.username',
      'accounts.display_name',
      'accounts.password_hash',
      'accounts.role',
      'accounts.unit_id',
      'accounts.failed_count',
      'accounts.locked_until',
      'accounts.disabled',
      'org_units.path as unit_path',
    ])
    .where('accounts.username', '=', username)
    .executeTakeFirst();
}

/** The session with its account and unit: one query per authenticated request. */
export function findSessionQuery(db: Kysely<Database>, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .innerJoin('org_units', 'org_units.id', 'accounts.unit_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'accounts.id as account_id',
      'accounts.username',
      'accounts.role',
      'accounts.unit_id',
      'accounts.locale',
      'accounts.disabled',
      'org_units.path as unit_path',
    ])
    .where('sessions.id', '=', sessionId);
}

/** The session a request carries, with its account (the CSRF token /api/auth/me returns). */
export async function findSession(db: Kysely<Database>, sessionId: string) {
  return findSessionQuery(db, sessionId).executeTakeFirst();
}

/** Everything /api/auth/me shows. */
export async function findMe(db: Kysely<Database>, accountId: number) {
  return db
    .selectFrom('accounts')
    .innerJoin('org_units', 'org_units.id', 'accounts.unit_id')
    .select([
      'accounts.id',
      'accounts.username',
      'accounts.display_name',
      'accounts.role',
      'accounts.locale',
      'accounts.large_font',
      'accounts.password_hash',
      'org_units.id as unit_id',
      'org_units.code as unit_code',
      'org_units.name as unit_name',
      'org_units.level as unit_level',
    ])
    .where('accounts.id', '=', accountId)
    .executeTakeFirstOrThrow();
}

/** Opens a session row (the token's SHA-256 is its id). */
export async function insertSession(
  db: Kysely<Database>,
  s: { id: string; accountId: number; csrfToken: string; at: string; ip: string; userAgent: string | null },
) {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      account_id: s.accountId,
      csrf_token: s.csrfToken,
      created_at: s.at,
      last_seen_at: s.at,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

/** Marks a session as seen now (the idle timeout counts from here). */
export async function touchSession(db: Kysely<Database>, sessionId: string, at: string) {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

/** Ends one session. */
export async function deleteSession(db: Kysely<Database>, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of an account but one (after a password change), or all of them. */
export async function deleteSessionsOf(db: Kysely<Database>, accountId: number, except?: string) {
  let q = db.deleteFrom('sessions').where('account_id', '=', accountId);
  if (except) q = q.where('id', '!=', except);
  await q.execute();
}

/** Saves the failed-login count and lockout of an account. */
export async function updateLoginState(
  db: Kysely<Database>,
  accountId: number,
  failedCount: number,
  lockedUntil: string | null,
  at: string,
) {
  await db
    .updateTable('accounts')
    .set({ failed_count: failedCount, locked_until: lockedUntil, updated_at: at })
    .where('id', '=', accountId)
    .execute();
}

/** Saves an account's language and large-font preference (only the fields given). */
export async function updatePreferences(
  db: Kysely<Database>,
  accountId: number,
  set: { locale?: string; large_font?: number; updated_at: string },
): Promise<void> {
  await db.updateTable('accounts').set(set).where('id', '=', accountId).execute();
}

/** Replaces an account's password hash. */
export async function updatePasswordHash(db: Kysely<Database>, accountId: number, hash: string, at: string) {
  await db.updateTable('accounts').set({ password_hash: hash, updated_at: at }).where('id', '=', accountId).execute();
}

/** Usernames are hashed in throttle keys: a password typed into the username field is never stored. */
export function usernameKey(username: string): string {
  return createHash('sha256').update(username.trim().toLowerCase()).digest('hex').slice(0, 32);
}

/** The throttle key of an account, whatever address its attempts come from. */
export const accountThrottleKey = (username: string) => `acct:${usernameKey(username)}`;

/** The throttle key of an account's attempts from one source address. */
export const pairThrottleKey = (username: string, ip: string) => `pair:${usernameKey(username)}:${ip}`;

/** The throttle key of a source address, whatever accounts it tries. */
export const sourceThrottleKey = (ip: string) => `src:${ip}`;

/** Forgets every sign-in streak of a username, from any address (an admin's unlock). */
export async function deleteThrottlesOfUsername(db: Kysely<Database>, username: string): Promise<void> {
  await db
    .deleteFrom('login_throttles')
    .where((eb) =>
      eb.or([eb('key', '=', accountThrottleKey(username)), eb('key', 'like', `pair:${usernameKey(username)}:%`)]),
    )
    .execute();
}

/** A sign-in throttle key's streak, if it has one. */
export async function findThrottle(db: Kysely<Database>, key: string) {
  return db.selectFrom('login_throttles').selectAll().where('key', '=', key).executeTakeFirst();
}

type ThrottleRow = { failures: number; blocked_until: string | null; last_failure_at: string };

/** Starts a key's streak unless another request just did; true when this call inserted it. */
export async function insertThrottle(db: Kysely<Database>, key: string, row: ThrottleRow): Promise<boolean> {
  const inserted = await db
    .insertInto('login_throttles')
    .values({ key, ...row })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Moves a key's streak on only if nobody moved it since it was read (compare-and-set on the
 * count and time read): of concurrent attempts on one reading, exactly one wins.
 */
export async function advanceThrottle(
  db: Kysely<Database>,
  key: string,
  read: { failures: number; last_failure_at: string },
  next: ThrottleRow,
): Promise<boolean> {
  const result = await db
    .updateTable('login_throttles')
    .set(next)
    .where('key', '=', key)
    .where('failures', '=', read.failures)
    .where('last_failure_at', '=', read.last_failure_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Forgets streaks (after a successful sign-in, or an admin's unlock). */
export async function deleteThrottles(db: Kysely<Database>, keys: string[]): Promise<void> {
  if (keys.length) await db.deleteFrom('login_throttles').where('key', 'in', keys).execute();
}

/**
 * Deletes the streaks nobody remembers any more: no failure since `forgottenBefore` and no
 * hold-back still running at `now`. Answers how many went.
 */
export async function pruneThrottles(db: Kysely<Database>, forgottenBefore: Date, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('login_throttles')
    .where('last_failure_at', '<', forgottenBefore.toISOString())
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now.toISOString())]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Gives back one counted attempt of a key (a successful sign-in from a shared address). */
export async function giveBackAttempt(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable('login_throttles')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}
