/** A session ends after this many idle minutes; activity keeps it alive. */
export function isSessionIdle(lastSeenAt: number, now: number, idleMinutes: number): boolean {
  return now - lastSeenAt > idleMinutes * 60_000;
}

/**
 * Touching the session on every request would make every read a write; refreshing
 * the last-seen time once a minute keeps the idle timeout accurate to a minute.
 */
export function shouldTouchSession(lastSeenAt: number, now: number): boolean {
  return now - lastSeenAt > 60_000;
}
