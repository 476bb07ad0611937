import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { LONGEST_WINDOW_MS, pruneCounters } from '../../rate-limit.repository.ts';
import { pruneThrottles } from './auth.repository.ts';
import { STREAK_FORGOTTEN_AFTER_MS } from './login-throttle.service.ts';

/**
 * Deletes throttling state that no longer holds anything back: sign-in streaks forgotten (a day
 * without a failure, no hold-back running) and rate-counter windows that are over. Without it
 * every address and every phone number that ever knocked stays in the database. Idempotent, so
 * several instances may run it at once.
 */
export async function pruneThrottlingState(
  db: Kysely<Database>,
  now: Date,
): Promise<{ throttles: number; counters: number }> {
  const throttles = await pruneThrottles(db, new Date(now.getTime() - STREAK_FORGOTTEN_AFTER_MS), now);
  const counters = await pruneCounters(db, new Date(now.getTime() - LONGEST_WINDOW_MS));
  return { throttles, counters };
}
