/**
 * How sign-in attempts are held back, per key (an account, an account from one address, an
 * address): the first `freeAttempts` of a streak are checked at once; from then on each
 * attempt holds the key back for a delay that doubles, from `firstDelayMs` up to `maxDelayMs`.
 * A streak is forgotten after `forgetAfterMs` without a failure, or on a successful sign-in.
 */
export interface ThrottlePolicy {
  freeAttempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

/** A key's streak. Times are epoch milliseconds. */
export interface ThrottleState {
  failures: number;
  blockedUntil: number | null;
  lastFailureAt: number | null;
}

/** A key never seen, or forgotten. */
export const freshThrottle: ThrottleState = { failures: 0, blockedUntil: null, lastFailureAt: null };

/** True while the key is held back: no password may be checked for it. */
export function isHeldBack(state: ThrottleState, now: number): boolean {
  return state.blockedUntil !== null && state.blockedUntil > now;
}

/** The delay that the attempt numbered `attempt` (1-based) of a streak imposes on the next one. */
export function delayAfter(attempt: number, policy: ThrottlePolicy): number {
  if (attempt < policy.freeAttempts) return 0;
  const doublings = Math.min(attempt - policy.freeAttempts, 30);
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** doublings);
}

/**
 * Admits one attempt, counting it before its password is checked (so concurrent guesses
 * cannot all pass on one reading): the state to save, or null when the key is held back.
 */
export function admitAttempt(state: ThrottleState, now: number, policy: ThrottlePolicy): ThrottleState | null {
  if (isHeldBack(state, now)) return null;
  const forgotten = state.lastFailureAt !== null && now - state.lastFailureAt > policy.forgetAfterMs;
  const failures = (forgotten ? 0 : state.failures) + 1;
  const delay = delayAfter(failures, policy);
  return { failures, blockedUntil: delay > 0 ? now + delay : null, lastFailureAt: now };
}
