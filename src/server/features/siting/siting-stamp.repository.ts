import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/** A counter bumped in the same transaction as any change to venues or areas, so caches know when to rebuild. */
export const SITING_VERSION = 'siting.version';
/** The map settings (tile source, default walking radius), JSON. */
export const MAP_SETTINGS = 'map';

/** What the siting caches depend on besides the studios: the siting version, the units, the map settings. */
export interface SitingStamp {
  /** Changes whenever venues, areas or units (names, places in the tree) change. */
  version: string;
  /** The stored map settings, or undefined when never saved. */
  map: string | undefined;
}

/** How stale the stamp may get before it looks at the database again (other instances' changes). */
const CHECK_EVERY_MS = 1000;

/**
 * The siting data's stamp, read at most once a second per process, so a repeated coverage
 * question costs no database round trip for it. A change made by another instance shows within
 * a second; one made here is seen at once (`invalidate`).
 */
class SitingStampReader {
  private readonly db: Kysely<Database>;
  private stamp: SitingStamp | undefined;
  private checkedAt = 0;
  private pending: Promise<SitingStamp> | undefined;
  /** Bumped by `invalidate`: a read that began before it cannot count as fresh. */
  private generation = 0;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  private async read(): Promise<SitingStamp> {
    const [settings, units] = await Promise.all([
      this.db
        .selectFrom('settings')
        .select(['key', 'value'])
        .where('key', 'in', [SITING_VERSION, MAP_SETTINGS])
        .execute(),
      // A renamed or moved unit changes the unit names and paths the answers carry.
      this.db
        .selectFrom('org_units')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('latest')])
        .executeTakeFirstOrThrow(),
    ]);
    const value = (key: string) => settings.find((s) => s.key === key)?.value;
    return { version: `${value(SITING_VERSION) ?? '0'}|${units.n}|${units.latest ?? ''}`, map: value(MAP_SETTINGS) };
  }

  async current(): Promise<SitingStamp> {
    if (this.stamp && Date.now() - this.checkedAt < CHECK_EVERY_MS) return this.stamp;
    if (this.pending) return this.pending;
    const generation = this.generation;
    const started = Date.now();
    const pending = this.read().then(
      (stamp) => {
        if (this.pending === pending) this.pending = undefined;
        // A read that began before a change here was seen may hold the old stamp: its waiters
        // (who asked before the change) use it, later questions read again.
        if (generation === this.generation) {
          this.stamp = stamp;
          this.checkedAt = started;
        }
        return stamp;
      },
      (error: unknown) => {
        if (this.pending === pending) this.pending = undefined;
        throw error;
      },
    );
    this.pending = pending;
    return pending;
  }

  /** Forces the next question to read the stamp (after a change made by this instance). */
  invalidate(): void {
    this.generation++;
    this.checkedAt = 0;
    this.pending = undefined;
  }
}

const readers = new WeakMap<Kysely<Database>, SitingStampReader>();
/** The stamp reader of a database, one per process. */
export function sitingStampOf(db: Kysely<Database>): SitingStampReader {
  let reader = readers.get(db);
  if (!reader) {
    reader = new SitingStampReader(db);
    readers.set(db, reader);
  }
  return reader;
}
