import type { Kysely } from 'kysely';
import type { Config } from '../../../config/config.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Database } from '../../../db/schema.ts';
import {
  admitAttempt,
  freshThrottle,
  type ThrottlePolicy,
  type ThrottleState,
} from '../../../domain/accounts/throttle.ts';
import * as repo from './auth.repository.ts';

/** A throttle key and the policy it is counted under. */
export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

function stateOf(row: { failures: number; blocked_until: string | null; last_failure_at: string }): ThrottleState {
  return { failures: row.failures, blockedUntil: ms(row.blocked_until), lastFailureAt: ms(row.last_failure_at) };
}

/** The outcome of admitting one attempt on a key. */
export type Admission = { admitted: true; state: ThrottleState } | { admitted: false };

/**
 * Counts one attempt on a key before its password is checked, atomically: a conditional
 * update (compare-and-set) on the streak that was read, retried when another request moved it
 * first. However many requests arrive at once, at most the policy's free attempts are admitted
 * before the key is held back.
 */
export async function admit(db: Kysely<Database>, k: ThrottleKey, now: number): Promise<Admission> {
  for (let round = 0; round < 100; round++) {
    const row = await repo.findThrottle(db, k.key);
    const next = admitAttempt(row ? stateOf(row) : freshThrottle, now, k.policy);
    if (!next) return { admitted: false };
    const saved = { failures: next.failures, blocked_until: iso(next.blockedUntil), last_failure_at: iso(now) ?? '' };
    const won = row ? await repo.advanceThrottle(db, k.key, row, saved) : await repo.insertThrottle(db, k.key, saved);
    if (won) return { admitted: true, state: next };
  }
  // Lost the race a hundred times: under that much contention, refuse rather than check.
  return { admitted: false };
}

const MINUTE = 60_000;

/** A sign-in streak is forgotten after a day without a failure; the pruning job deletes it then. */
export const STREAK_FORGOTTEN_AFTER_MS = 24 * 60 * MINUTE;

/**
 * The throttles a sign-in attempt counts against: the account from this address (the
 * configured number of free attempts), the account from anywhere (so guesses spread over
 * addresses are held back too), and the address whatever account it tries (password
 * spraying). Each holds back with a delay that doubles from a minute to LOCKOUT_MINUTES, so
 * an outsider can slow an account down but not lock it for half an hour with five requests.
 */
export function loginThrottleKeys(
  config: Pick<
    Config,
    'LOCKOUT_MAX_FAILURES' | 'LOCKOUT_MINUTES' | 'LOGIN_ACCOUNT_MAX_FAILURES' | 'LOGIN_SOURCE_MAX_FAILURES'
  >,
  username: string,
  ip: string,
): { source: ThrottleKey; pair: ThrottleKey; account: ThrottleKey } {
  const policy = (freeAttempts: number): ThrottlePolicy => ({
    freeAttempts,
    firstDelayMs: Math.min(MINUTE, config.LOCKOUT_MINUTES * MINUTE),
    maxDelayMs: config.LOCKOUT_MINUTES * MINUTE,
    forgetAfterMs: STREAK_FORGOTTEN_AFTER_MS,
  });
  return {
    source: { key: repo.sourceThrottleKey(ip), policy: policy(config.LOGIN_SOURCE_MAX_FAILURES) },
    pair: { key: repo.pairThrottleKey(username, ip), policy: policy(config.LOCKOUT_MAX_FAILURES) },
    account: { key: repo.accountThrottleKey(username), policy: policy(config.LOGIN_ACCOUNT_MAX_FAILURES) },
  };
}

/** An attempt admitted by every throttle, with its pair streak and the hold-back it started, if any. */
export type LoginAdmission =
  { admitted: true; pair: ThrottleState; heldBackUntil: number | null } | { admitted: false };

/**
 * Admits an attempt on the address, then the account from it, then the account: a held-back
 * address stops before it can push the account's delays further.
 */
export async function admitAll(
  db: Kysely<Database>,
  keys: ReturnType<typeof loginThrottleKeys>,
  now: number,
): Promise<LoginAdmission> {
  const states: ThrottleState[] = [];
  for (const k of [keys.source, keys.pair, keys.account]) {
    const a = await admit(db, k, now);
    if (!a.admitted) return { admitted: false };
    states.push(a.state);
  }
  const [, pair, account] = states as [ThrottleState, ThrottleState, ThrottleState];
  const until = [pair.blockedUntil, account.blockedUntil].filter((t): t is number => t !== null);
  return { admitted: true, pair, heldBackUntil: until.length ? Math.max(...until) : null };
}

/**
 * Records a failed sign-in. The audit log gets one entry when a streak (an account from one
 * address) starts and one each time it reaches a multiple of the free attempts, with the count
 * so far; the attempts between are counted in the throttle, not written one row each, so
 * password spraying cannot flood the log. A hold-back shows as the account's lock to admins.
 */
export async function recordFailure(
  deps: Deps,
  ctx: AuditContext,
  username: string,
  account: { id: number; unit_id: number } | null,
  reason: 'unknown' | 'disabled' | 'password' | 'demoPasswordOutsideDemo',
  pair: ThrottleState,
  heldBackUntil: number | null,
): Promise<void> {
  const limit = deps.config.LOCKOUT_MAX_FAILURES;
  const worthAnEntry = pair.failures === 1 || pair.failures % limit === 0;
  if (!worthAnEntry && !(account && heldBackUntil)) return;
  await deps.db.transaction().execute(async (trx) => {
    if (account && heldBackUntil)
      await repo.updateLoginState(trx, account.id, pair.failures, iso(heldBackUntil), ctx.at);
    if (worthAnEntry)
      await recordAudit(trx, ctx, {
        entity: 'session',
        entityId: account?.id ?? null,
        action: 'login.failed',
        unitId: account?.unit_id ?? null,
        after: { username, reason, failures: pair.failures, heldBack: heldBackUntil !== null },
      });
  });
}

/** After a successful sign-in: the account's streaks are forgotten and the address's attempt given back. */
export async function forgetOnSuccess(db: Kysely<Database>, keys: ReturnType<typeof loginThrottleKeys>) {
  await repo.deleteThrottles(db, [keys.pair.key, keys.account.key]);
  await repo.giveBackAttempt(db, keys.source.key);
}
