/** A session ends after this many idle minutes; activity keeps it alive. */
export function isSessionIdle(lastSeenAt: number, now: number, idleMinutes: number): boolean {
  return now - lastSeenAt > idleMinutes * 60_000;
}

/**
 * Touching the session on every request would make every read a write, so the last-seen time
 * is refreshed at most once a minute, and at most a quarter of the idle limit apart: with a
 * one-minute limit a request every 50 seconds keeps the session (a once-a-minute touch would
 * have let it lapse between touches).
 */
export function touchIntervalMs(idleMinutes: number): number {
  return Math.min(60_000, (idleMinutes * 60_000) / 4);
}

/** True when the last-seen time is older than the touch interval and should be refreshed. */
export function shouldTouchSession(lastSeenAt: number, now: number, idleMinutes: number): boolean {
  return now - lastSeenAt >= touchIntervalMs(idleMinutes);
}
