import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { bumpSetting, readAllSettings, readSetting, SETTINGS_VERSION } from './settings.repository.ts';
import { lastChanged, markChanged } from './version-marks.ts';

// Read models held in memory (the org tree, categories, settings) stay correct across
// instances the way siting's data and the studio index do: every writer bumps a version row
// in the settings table in the same transaction as its change, and each instance reads that
// one row at most once a second, reloading when it moved. A change made by this process is
// seen at once: the writer marks its key, and the next read looks again.

/** How stale a cached read model may get before it asks the database whether it changed. */
export const CHECK_EVERY_MS = 1000;

export { markChanged };

/**
 * Bumps a version row, in the caller's transaction when given one, so other instances reload
 * within a second; this process looks again at once. Call `markChanged` again after the
 * commit when a read might have slipped in between.
 */
export async function bumpVersion(db: Kysely<Database>, key: string, at: string): Promise<number> {
  const n = await bumpSetting(db, key, at);
  markChanged(key);
  return n;
}

/**
 * A getter of one `VersionedCache` per database handle in this process, made on first use: the
 * shape every in-memory read model here shares (org tree, settings, studios, registry pages…).
 */
export function cachePerDatabase<T>(
  key: string,
  load: (db: Kysely<Database>) => Promise<T>,
): (db: Kysely<Database>) => VersionedCache<T> {
  const caches = new WeakMap<Kysely<Database>, VersionedCache<T>>();
  return (db) => {
    let cache = caches.get(db);
    if (!cache) {
      cache = new VersionedCache(db, key, load);
      caches.set(db, cache);
    }
    return cache;
  };
}

/**
 * A value loaded from the database and kept until its version row moves. `peek` answers
 * without awaiting anything when the value is fresh, which keeps hot paths free of ticks.
 */
export class VersionedCache<T> {
  private value: T | undefined;
  private version: string | undefined;
  private checkedAt = -Infinity;
  private pending: { started: number; promise: Promise<T> } | undefined;
  private readonly db: Kysely<Database>;
  private readonly key: string;
  private readonly load: (db: Kysely<Database>) => Promise<T>;

  constructor(db: Kysely<Database>, key: string, load: (db: Kysely<Database>) => Promise<T>) {
    this.db = db;
    this.key = key;
    this.load = load;
  }

  /** The value when it was checked within the last second and nothing changed here since. */
  peek(): T | undefined {
    const now = performance.now();
    if (now - this.checkedAt >= CHECK_EVERY_MS) return undefined;
    if (lastChanged(this.key) >= this.checkedAt) return undefined;
    return this.value;
  }

  /** The value, looking at the version row first when the last look is over a second old. */
  async current(): Promise<T> {
    return this.peek() ?? this.check(false);
  }

  /** The value after looking at the version row now (a miss that another instance may explain). */
  async refresh(): Promise<T> {
    return this.check(true);
  }

  private async check(force: boolean): Promise<T> {
    // The answer must come from a look begun after this process's last change (and, when
    // forced, after this call): a look begun earlier may have read the old rows.
    const notBefore = force ? performance.now() : lastChanged(this.key);
    for (;;) {
      const running = this.pending ?? this.start(performance.now());
      const value = await running.promise;
      if (running.started >= notBefore) return value;
    }
  }

  private start(started: number): { started: number; promise: Promise<T> } {
    const promise = (async () => {
      try {
        // The version first: rows read after it are at least as new as it says.
        const version = (await readSetting(this.db, this.key)) ?? '0';
        if (this.value === undefined || version !== this.version) {
          this.value = await this.load(this.db);
          this.version = version;
        }
        this.checkedAt = started;
        return this.value;
      } finally {
        this.pending = undefined;
      }
    })();
    this.pending = { started, promise };
    return this.pending;
  }
}

const settingsCacheOf = cachePerDatabase(SETTINGS_VERSION, readAllSettings);

/**
 * A setting staff change (written with `writeSetting`), read on a hot path: from memory, at most
 * a second behind another instance's change; in a transaction, from the row. Not for version
 * counters (`bumpSetting`), which are what caches watch and are always read from the row.
 */
export async function readCachedSetting(db: Kysely<Database>, key: string): Promise<string | undefined> {
  if (db.isTransaction) return readSetting(db, key);
  const cache = settingsCacheOf(db);
  return (cache.peek() ?? (await cache.current())).get(key);
}
