import type { Kysely } from 'kysely';
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
