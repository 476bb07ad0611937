/** The lockout policy: this many failed logins in a row lock the account for this long. */
export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

/** The login state an account carries. Times are epoch milliseconds. */
export interface LoginState {
  failedCount: number;
  lockedUntil: number | null;
}

/** True while a lock is in force. */
export function isLocked(state: LoginState, now: number): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/** The state after one more failed login: the failure that reaches the limit starts the lock and resets the count. */
export function afterFailedLogin(state: LoginState, now: number, policy: LockoutPolicy): LoginState {
  const failedCount = state.failedCount + 1;
  if (failedCount >= policy.maxFailures) {
    return { failedCount: 0, lockedUntil: now + policy.lockMinutes * 60_000 };
  }
  return { failedCount, lockedUntil: state.lockedUntil };
}

/** The state after a successful login. */
export function afterSuccessfulLogin(): LoginState {
  return { failedCount: 0, lockedUntil: null };
}
