import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';
import { SqliteAdapter, sql, type Kysely } from 'kysely';
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

/** A k-d tree over some of the studios: `members[i]` is the position in `studios` of its point i. */
interface Tree {
  tree: KDBush;
  members: Uint32Array;
}

interface Snapshot {
  stamp: string;
  studios: IndexedStudio[];
  /** Every serving studio, and the serving studios of each category. */
  all: Tree | undefined;
  byCategory: Map<number, Tree>;
}

/** How stale the index may get before it checks the database for changes. */
const CHECK_EVERY_MS = 1000;

/**
 * An in-memory k-d tree of the studios that serve, so a nearest-studio query costs no
 * database round trip and no copy of the candidates: the answer is read from the trees alone.
 * There is a tree per category, so a search for one category walks only its studios (with one
 * tree and a filter, finding 10 of a category held by an eighth of the studios meant visiting
 * about 80). It notices changes (a plaque awarded or revoked, a studio moved) by a
 * count-and-latest-update query at most once a second, before the answer that found the index
 * over a second old (answers meanwhile come from the index as it is). On
 * SQLite that query scans the studios (about 20 ms for 23,000), so it runs only when the
 * database changed at all since the last one (PRAGMA data_version for other connections and
 * processes, total_changes() for this one): a second without writes costs two counters.
 */
export class StudioIndex {
  private readonly db: Kysely<Database>;
  private readonly sqlite: boolean;
  private snapshot: Snapshot | undefined;
  private checkedAt = 0;
  /** Set by invalidate(): the next query waits for a fresh look. */
  private dirty = false;
  /** The SQLite change counters when the stamp was last read. */
  private mark: string | undefined;
  private pending: Promise<Snapshot> | undefined;

  constructor(db: Kysely<Database>) {
    this.db = db;
    this.sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  }

  /** SQLite's counters of committed changes: another connection's, and this one's. */
  private async changeMark(): Promise<string | undefined> {
    if (!this.sqlite) return undefined;
    const { rows } = await sql<{ version: number; changes: number }>`
      select (select data_version from pragma_data_version) as version, total_changes() as changes`.execute(this.db);
    return `${rows[0]?.version}|${rows[0]?.changes}`;
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
      .orderBy('studio_categories.studio_id')
      .orderBy('studio_categories.category_id')
      .execute();
    const cats = new Map<number, number[]>();
    for (const l of links) {
      const list = cats.get(l.studio_id);
      if (list) list.push(l.category_id);
      else cats.set(l.studio_id, [l.category_id]);
    }
    const studios: IndexedStudio[] = rows.map((r) => ({
      id: r.id,
      name: r.name,
      unitName: r.unit_name,
      categoryIds: cats.get(r.id) ?? [],
      openingHours: r.opening_hours,
      lng: r.lng ?? 0,
      lat: r.lat ?? 0,
    }));
    const ofCategory = new Map<number, number[]>();
    studios.forEach((s, i) => {
      for (const c of s.categoryIds) {
        const list = ofCategory.get(c);
        if (list) list.push(i);
        else ofCategory.set(c, [i]);
      }
    });
    const byCategory = new Map<number, Tree>();
    for (const [c, members] of ofCategory) byCategory.set(c, treeOf(studios, members));
    const all =
      studios.length > 0
        ? treeOf(
            studios,
            studios.map((_, i) => i),
          )
        : undefined;
    return { stamp, studios, all, byCategory };
  }

  /** Looks at the database: rebuilds when the studios changed. One look at a time. */
  private refresh(): Promise<Snapshot> {
    this.pending ??= (async () => {
      try {
        this.dirty = false;
        const mark = await this.changeMark();
        if (this.snapshot && mark !== undefined && mark === this.mark) {
          this.checkedAt = Date.now();
          return this.snapshot;
        }
        const stamp = await this.stamp();
        this.checkedAt = Date.now();
        this.mark = mark;
        if (this.snapshot?.stamp !== stamp) this.snapshot = await this.build(stamp);
        return this.snapshot;
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  /**
   * The current snapshot: from memory while the last look is under a second old; otherwise
   * after a look (the first build, after invalidate(), and at most once a second).
   */
  async current(): Promise<Snapshot> {
    const snapshot = this.snapshot;
    if (this.dirty) {
      // A look already under way may have started before the change: wait for it, then look again.
      if (this.pending) await this.pending;
      return this.refresh();
    }
    if (!snapshot) return this.refresh();
    if (Date.now() - this.checkedAt >= CHECK_EVERY_MS) {
      // Over a second old: look before answering, so a change made on another instance is never
      // served later than a second after it, however long the index sat unasked. The look is
      // two counters on SQLite when nothing changed, and one per second under any load.
      try {
        return await (this.pending ?? this.refresh());
      } catch {
        // The database is away: keep answering from the index, look again in a second.
        this.checkedAt = Date.now();
      }
    }
    return snapshot;
  }

  /** Forces the next query to look for changes (after a change made by this instance). */
  invalidate(): void {
    this.dirty = true;
  }

  /** The nearest serving studios, optionally of one category, with great-circle distances in metres. */
  async nearest(
    lng: number,
    lat: number,
    limit: number,
    categoryId?: number,
    maxKm = Infinity,
  ): Promise<Array<IndexedStudio & { distanceM: number }>> {
    const found = await this.near(lng, lat, limit, categoryId, maxKm);
    return found.map(({ studio: s, distanceM }) => ({
      id: s.id,
      name: s.name,
      unitName: s.unitName,
      categoryIds: s.categoryIds,
      openingHours: s.openingHours,
      lng: s.lng,
      lat: s.lat,
      distanceM,
    }));
  }

  /**
   * The same search, giving the index's own studio objects (not to be changed: they stay the
   * same objects until the index is rebuilt, so an answer may keep what it made of them).
   */
  async near(
    lng: number,
    lat: number,
    limit: number,
    categoryId?: number,
    maxKm = Infinity,
  ): Promise<Array<{ studio: IndexedStudio; distanceM: number }>> {
    const snap = await this.current();
    const tree = categoryId === undefined ? snap.all : snap.byCategory.get(categoryId);
    if (!tree) return [];
    const points = around(tree.tree, lng, lat, limit, maxKm);
    const found: Array<{ studio: IndexedStudio; distanceM: number }> = [];
    for (const point of points) {
      const studio = snap.studios[tree.members[point] ?? -1];
      if (studio) found.push({ studio, distanceM: Math.round(distance(lng, lat, studio.lng, studio.lat) * 1000) });
    }
    return found;
  }
}

/** A k-d tree of some studios (`members`: positions in `studios`, at least one). */
function treeOf(studios: IndexedStudio[], members: number[]): Tree {
  const tree = new KDBush(members.length);
  for (const i of members) {
    const s = studios[i];
    tree.add(s?.lng ?? 0, s?.lat ?? 0);
  }
  tree.finish();
  return { tree, members: Uint32Array.from(members) };
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
