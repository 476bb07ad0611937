/** An account's lock as admins see it: the latest sign-in hold-back (see throttle.ts). Times are epoch milliseconds. */
export interface LoginState {
  failedCount: number;
  lockedUntil: number | null;
}

/** True while a lock is in force. */
export function isLocked(state: LoginState, now: number): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}
