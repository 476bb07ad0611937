import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import { bumpVersion, markChanged, cachePerDatabase } from '../../versioned-cache.ts';
import { orgTreeOf, type OrgTree } from '../org-units/org-tree.repository.ts';
import * as repo from './statistics.repository.ts';

// A read model: every studio with its status history and categories in memory (about 23,000 on
// the bench province), so the dashboard's network figures — each studio's status at two
// instants, the categories of those serving — cost no query: reading them took ~300 ms of
// SQLite at province scale. Every writer of studios, their transitions or their categories bumps
// `studios.version` in its transaction (`bumpStudiosVersion`); each instance looks at that row at
// most once a second and reloads when it moved. Units (paths, levels) come from the org tree.

/** The version row every writer of studios, studio transitions and studio categories bumps. */
export const STUDIOS_VERSION = 'studios.version';

interface HeldStudio {
  id: number;
  unitId: number;
  createdAt: string;
  status: string;
  venueType: string | null;
  /** Transitions in time order (at, then id). */
  transitions: Array<{ at: string; toStatus: string }>;
  categoryIds: number[];
}

interface Snapshot {
  studios: HeldStudio[];
}

async function loadSnapshot(db: Kysely<Database>): Promise<Snapshot> {
  const rows = await db
    .selectFrom('studios')
    .select(['id', 'unit_id', 'created_at', 'status', 'venue_type'])
    .orderBy('id')
    .execute();
  const byId = new Map<number, HeldStudio>();
  const studios = rows.map((r) => {
    const s: HeldStudio = {
      id: r.id,
      unitId: r.unit_id,
      createdAt: r.created_at,
      status: r.status,
      venueType: r.venue_type,
      transitions: [],
      categoryIds: [],
    };
    byId.set(r.id, s);
    return s;
  });
  const marks = await db
    .selectFrom('studio_transitions')
    .select(['studio_id', 'to_status', 'at'])
    .orderBy('studio_id')
    .orderBy('at')
    .orderBy('id')
    .execute();
  for (const m of marks) byId.get(m.studio_id)?.transitions.push({ at: m.at, toStatus: m.to_status });
  const links = await db
    .selectFrom('studio_categories')
    .select(['studio_id', 'category_id'])
    .orderBy('studio_id')
    .orderBy('category_id')
    .execute();
  for (const l of links) byId.get(l.studio_id)?.categoryIds.push(l.category_id);
  return { studios };
}

const cacheOf = cachePerDatabase(STUDIOS_VERSION, loadSnapshot);

/** Marks the studios changed in the caller's transaction: other instances reload within a second. */
export async function bumpStudiosVersion(db: Kysely<Database>, at: string = new Date().toISOString()): Promise<void> {
  await bumpVersion(db, STUDIOS_VERSION, at);
}

/** After a commit that changed studios: this process reloads them on its next read. */
export function studiosChanged(): void {
  markChanged(STUDIOS_VERSION);
}

/** The studios placed in the org tree: in their units' path order, so a subtree is one run. */
interface Placed {
  tree: OrgTree;
  studios: HeldStudio[];
  paths: string[];
  levels: string[];
}

const placements = new WeakMap<Snapshot, Placed>();

/** The snapshot's studios in path order under the tree given (computed once per snapshot and tree). */
function placedIn(snap: Snapshot, tree: OrgTree): Placed {
  const known = placements.get(snap);
  if (known?.tree === tree) return known;
  const rows: Array<{ s: HeldStudio; path: string; level: string }> = [];
  for (const s of snap.studios) {
    const unit = tree.byId.get(s.unitId);
    if (unit) rows.push({ s, path: unit.path, level: unit.level });
  }
  rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.s.id - b.s.id));
  const placed = {
    tree,
    studios: rows.map((r) => r.s),
    paths: rows.map((r) => r.path),
    levels: rows.map((r) => r.level),
  };
  placements.set(snap, placed);
  return placed;
}

/** The first index whose path is >= key (paths are sorted). */
function lowerBound(paths: readonly string[], key: string): number {
  let lo = 0;
  let hi = paths.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((paths[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The placed studios and the run [from, to) of a subtree's. */
async function subtreeRun(db: Kysely<Database>, path: string) {
  const cache = cacheOf(db);
  const [snap, tree] = await Promise.all([cache.peek() ?? cache.current(), orgTreeOf(db)]);
  const placed = placedIn(snap, tree);
  const r = subtreeRange(path);
  return { placed, from: lowerBound(placed.paths, r.from), to: lowerBound(placed.paths, r.to) };
}

/**
 * A studio's status at an instant (see `statusesAt`): the target of its last transition before
 * it; with no history at all, its present status; with a history starting after it, none.
 */
function statusAt(s: HeldStudio, instant: string): string | null {
  const t = s.transitions;
  if (t.length === 0) return s.status;
  // In time order: those before the instant are a prefix.
  for (let i = t.length - 1; i >= 0; i--) if ((t[i] as { at: string }).at < instant) return t[i]?.toStatus ?? null;
  return null;
}

/**
 * As `listStudioStatesAt` (statistics.repository.ts), from memory: for each instant, each studio
 * of the subtree created before it, with its status then.
 */
export async function studioStatesAt(
  db: Kysely<Database>,
  path: string,
  instants: readonly string[],
): Promise<repo.StudioState[][]> {
  if (db.isTransaction) return repo.listStudioStatesAt(db, path, instants);
  const out: repo.StudioState[][] = instants.map(() => []);
  if (instants.length === 0) return out;
  const { placed, from, to } = await subtreeRun(db, path);
  for (let i = from; i < to; i++) {
    const s = placed.studios[i] as HeldStudio;
    const level = placed.levels[i] as string;
    instants.forEach((instant, k) => {
      if (s.createdAt < instant)
        out[k]?.push({ id: s.id, venueType: s.venueType, level, status: statusAt(s, instant) });
    });
  }
  return out;
}

/** As `listStudioCategories` (statistics.repository.ts), from memory: the subtree's (studio, category) pairs. */
export async function studioCategoriesIn(db: Kysely<Database>, path: string) {
  if (db.isTransaction) return repo.listStudioCategories(db, path);
  const { placed, from, to } = await subtreeRun(db, path);
  const out: Array<{ studio_id: number; category_id: number }> = [];
  for (let i = from; i < to; i++) {
    const s = placed.studios[i] as HeldStudio;
    for (const c of s.categoryIds) out.push({ studio_id: s.id, category_id: c });
  }
  return out;
}

/** The network's figures at an instant: studios by status; those serving, by category, venue type and level. */
export interface StudioFigures {
  byStatus: Map<string, number>;
  serving: number;
  servingByCategory: Map<string, number>;
  servingByVenueType: Map<string, number>;
  servingByLevel: Map<string, number>;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * The dashboard's network figures of a subtree at each instant, counted in one pass over the
 * held studios (what counting `studioStatesAt` and `studioCategoriesIn` gives, without building them).
 */
export async function studioFiguresAt(
  db: Kysely<Database>,
  path: string,
  instants: readonly string[],
  isServing: (status: string) => boolean,
): Promise<StudioFigures[]> {
  const out = instants.map(() => ({
    byStatus: new Map<string, number>(),
    serving: 0,
    servingByCategory: new Map<string, number>(),
    servingByVenueType: new Map<string, number>(),
    servingByLevel: new Map<string, number>(),
  }));
  if (db.isTransaction) {
    const [states, cats] = await Promise.all([
      repo.listStudioStatesAt(db, path, instants),
      repo.listStudioCategories(db, path),
    ]);
    const catsOf = new Map<number, number[]>();
    for (const c of cats) catsOf.set(c.studio_id, [...(catsOf.get(c.studio_id) ?? []), c.category_id]);
    states.forEach((list, k) => {
      const f = out[k];
      if (f) for (const st of list) count(f, st.status, st.venueType, st.level, catsOf.get(st.id) ?? [], isServing);
    });
    return out;
  }
  const { placed, from, to } = await subtreeRun(db, path);
  for (let i = from; i < to; i++) {
    const s = placed.studios[i] as HeldStudio;
    const level = placed.levels[i] as string;
    instants.forEach((instant, k) => {
      const f = out[k];
      if (f && s.createdAt < instant) count(f, statusAt(s, instant), s.venueType, level, s.categoryIds, isServing);
    });
  }
  return out;
}

function count(
  f: StudioFigures,
  status: string | null,
  venueType: string | null,
  level: string,
  categoryIds: readonly number[],
  isServing: (status: string) => boolean,
) {
  if (status === null) return;
  bump(f.byStatus, status);
  if (!isServing(status)) return;
  f.serving += 1;
  bump(f.servingByVenueType, venueType ?? 'unknown');
  bump(f.servingByLevel, level);
  for (const c of categoryIds) bump(f.servingByCategory, String(c));
}
