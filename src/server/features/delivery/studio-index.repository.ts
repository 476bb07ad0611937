import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

// A read model: the serving studios, cached in memory and refreshed from their rows. It is a
// repository (it reads, it decides nothing), so the studios feature may tell it to look again
// after a transition without reaching into delivery's services.

/** A serving studio as the nearest-studio search needs it (GCJ-02). */
export interface IndexedStudio {
  id: number;
  name: string;
  unitName: string;
  categoryIds: number[];
  openingHours: string;
  lng: number;
  lat: number;
}

interface Snapshot {
  stamp: string;
  studios: IndexedStudio[];
  tree: KDBush;
}

/** How stale the index may get before it checks the database for changes. */
const CHECK_EVERY_MS = 1000;

/**
 * An in-memory k-d tree of the studios that serve, so a nearest-studio query costs no
 * database round trip. It notices changes (a plaque awarded or revoked, a studio moved)
 * by a cheap count-and-latest-update query at most once a second, and rebuilds then.
 */
export class StudioIndex {
  private readonly db: Kysely<Database>;
  private snapshot: Snapshot | undefined;
  private checkedAt = 0;
  private pending: Promise<Snapshot> | undefined;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  private async stamp(): Promise<string> {
    const r = await this.db
      .selectFrom('studios')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('latest')])
      .where('status', 'in', ['active', 'rectification'])
      .executeTakeFirstOrThrow();
    const c = await this.db
      .selectFrom('studio_categories')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return `${r.n}|${r.latest ?? ''}|${c.n}`;
  }

  private async build(stamp: string): Promise<Snapshot> {
    const rows = await this.db
      .selectFrom('studios')
      .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
      .select([
        'studios.id',
        'studios.name',
        'studios.opening_hours',
        'studios.lng',
        'studios.lat',
        'org_units.name as unit_name',
      ])
      .where('studios.status', 'in', ['active', 'rectification'])
      .where('studios.lng', 'is not', null)
      .where('studios.lat', 'is not', null)
      .orderBy('studios.id')
      .execute();
    const links = await this.db
      .selectFrom('studio_categories')
      .innerJoin('studios', 'studios.id', 'studio_categories.studio_id')
      .select(['studio_categories.studio_id', 'studio_categories.category_id'])
      .where('studios.status', 'in', ['active', 'rectification'])
      .execute();
    const cats = new Map<number, number[]>();
    for (const l of links) cats.set(l.studio_id, [...(cats.get(l.studio_id) ?? []), l.category_id]);
    const studios = rows.map((r) => ({
      id: r.id,
      name: r.name,
      unitName: r.unit_name,
      categoryIds: cats.get(r.id) ?? [],
      openingHours: r.opening_hours,
      lng: r.lng ?? 0,
      lat: r.lat ?? 0,
    }));
    const tree = new KDBush(Math.max(1, studios.length));
    for (const s of studios) tree.add(s.lng, s.lat);
    if (studios.length === 0) tree.add(0, 0);
    tree.finish();
    return { stamp, studios, tree };
  }

  /** The current snapshot, rebuilt when the studios changed. */
  async current(): Promise<Snapshot> {
    const now = Date.now();
    if (this.snapshot && now - this.checkedAt < CHECK_EVERY_MS) return this.snapshot;
    this.pending ??= (async () => {
      try {
        const stamp = await this.stamp();
        this.checkedAt = Date.now();
        if (this.snapshot?.stamp !== stamp) this.snapshot = await this.build(stamp);
        return this.snapshot;
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  /** Forces the next query to look for changes (after a change made by this instance). */
  invalidate(): void {
    this.checkedAt = 0;
  }

  /** The nearest serving studios, optionally of one category, with great-circle distances in metres. */
  async nearest(
    lng: number,
    lat: number,
    limit: number,
    categoryId?: number,
    maxKm = Infinity,
  ): Promise<Array<IndexedStudio & { distanceM: number }>> {
    const snap = await this.current();
    if (snap.studios.length === 0) return [];
    const ids = around(
      snap.tree,
      lng,
      lat,
      limit,
      maxKm,
      (i) => categoryId === undefined || (snap.studios[i]?.categoryIds.includes(categoryId) ?? false),
    );
    return ids.flatMap((i) => {
      const s = snap.studios[i];
      return s ? [{ ...s, distanceM: Math.round(distance(lng, lat, s.lng, s.lat) * 1000) }] : [];
    });
  }
}

const indexes = new WeakMap<Kysely<Database>, StudioIndex>();
/** The index of a database, one per process. */
export function studioIndexOf(db: Kysely<Database>): StudioIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new StudioIndex(db);
    indexes.set(db, index);
  }
  return index;
}
