import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { lastChanged } from '../../version-marks.ts';
import { STUDIOS_VERSION } from '../statistics/studio-snapshot.repository.ts';
import { findRecordPlace, type RecordPlace } from './records.repository.ts';

// What writing a record checks (the studio's state and unit, its members' accounts, the writer's
// name), kept per studio and writer for under a second: a member writing a session's records
// asks once instead of once per record (on PostgreSQL a round trip each). The rule is the
// sessions' (session-cache.repository.ts): a studio that stops serving, or a member removed, on
// another instance is refused here within a second; a change of studios made on this instance
// (every writer of studios and their members bumps `studios.version`) is seen at once.

/** How long a place is trusted without asking the database again: under the 1 s the rule allows. */
export const RECORD_PLACE_TTL_MS = 800;
/** Entries kept at most; beyond it the oldest go (a bound on memory, not a working limit). */
const MAX_ENTRIES = 20_000;

/** Recently read record places of one database, per studio and writer. */
export class RecordPlaceCache {
  private readonly entries = new Map<string, { place: RecordPlace; at: number }>();

  /** The place, from memory when read less than RECORD_PLACE_TTL_MS ago and no studio changed here since; no such studio is never kept. */
  async find(db: Kysely<Database>, studioId: number, authorId: number): Promise<RecordPlace | undefined> {
    const key = `${studioId}:${authorId}`;
    const now = performance.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < RECORD_PLACE_TTL_MS && hit.at > lastChanged(STUDIOS_VERSION)) return hit.place;
    const place = await findRecordPlace(db, studioId, authorId);
    this.entries.delete(key);
    if (!place) return undefined;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    // Timed from before the read: the place is no older than that.
    this.entries.set(key, { place, at: now });
    return place;
  }
}

const caches = new WeakMap<Kysely<Database>, RecordPlaceCache>();

/** The record place cache of a database, one per app instance's connection. */
export function recordPlaceCacheOf(db: Kysely<Database>): RecordPlaceCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new RecordPlaceCache();
    caches.set(db, cache);
  }
  return cache;
}
