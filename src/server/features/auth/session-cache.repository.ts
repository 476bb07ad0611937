import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { findSession } from './auth.repository.ts';

// The session → actor row of each token, kept for under a second. A session logged out,
// disabled or expired on another instance therefore stops working here within a second; one
// ended on this instance is forgotten at once (the services call `forget…` after the commit).

/** The session row the request hook needs. */
export type SessionActorRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/** How long a row is trusted without asking the database again: under the 1 s the rule allows. */
export const SESSION_ROW_TTL_MS = 800;
/** Tokens kept at most; beyond it the oldest go (a bound on memory, not a working limit). */
const MAX_ENTRIES = 20_000;

/** Recently read session rows of one database, per token hash. */
export class SessionCache {
  private readonly entries = new Map<string, { row: SessionActorRow; at: number }>();

  /** The session's row, from memory when read less than SESSION_ROW_TTL_MS ago; unknown tokens are never kept. */
  async find(db: Kysely<Database>, sessionId: string): Promise<SessionActorRow | undefined> {
    const now = performance.now();
    const hit = this.entries.get(sessionId);
    if (hit && now - hit.at < SESSION_ROW_TTL_MS) return hit.row;
    const row = await findSession(db, sessionId);
    this.entries.delete(sessionId);
    if (!row) return undefined;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    // Timed from before the read: the row is no older than that.
    this.entries.set(sessionId, { row, at: now });
    return row;
  }

  /** After a touch: the kept row carries the new last-seen time. */
  touched(sessionId: string, lastSeenAt: string): void {
    const hit = this.entries.get(sessionId);
    if (hit) hit.row = { ...hit.row, last_seen_at: lastSeenAt };
  }

  /** Forgets one session (logged out or expired here). */
  forget(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  /** Forgets every session of an account (disabled, password or preferences changed here). */
  forgetAccount(accountId: number): void {
    for (const [id, e] of this.entries) if (e.row.account_id === accountId) this.entries.delete(id);
  }
}

const caches = new WeakMap<Kysely<Database>, SessionCache>();

/** The session cache of a database, one per app instance's connection. */
export function sessionCacheOf(db: Kysely<Database>): SessionCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new SessionCache();
    caches.set(db, cache);
  }
  return cache;
}
