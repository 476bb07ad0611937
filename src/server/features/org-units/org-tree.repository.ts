import type { Kysely } from 'kysely';
import type { Database, OrgUnitRow } from '../../../db/schema.ts';
import { ancestorPathsWithin, subtreeRange } from '../../../domain/org-units/units.ts';
import { bumpVersion, markChanged, cachePerDatabase } from '../../versioned-cache.ts';

// A read model: the whole org tree in memory (18,191 units on the bench province, a few MB),
// so subtree pages, `has_children`, counts and scope checks cost no query. Every writer of
// org_units bumps `org.version` in its transaction (`bumpOrgVersion`); each instance looks at
// that row at most once a second and reloads the tree when it moved.

/** The version row every writer of org units bumps. */
export const ORG_VERSION = 'org.version';

/** A unit row with whether it has children, as the tree holds it. */
export type TreeUnit = OrgUnitRow & { has_children: boolean };

/** An ancestor as a trail names it, built once per tree rather than per row per request. */
export interface TrailStep {
  path: string;
  named: { id: number; shortName: string };
}

/** The tree: units in path order (so a subtree is one contiguous run), by id, by path and by parent. */
export interface OrgTree {
  ordered: readonly TreeUnit[];
  paths: readonly string[];
  byId: ReadonlyMap<number, TreeUnit>;
  byPath: ReadonlyMap<string, TreeUnit>;
  children: ReadonlyMap<number, readonly TreeUnit[]>;
  /** Each unit's ancestors, the root first and the parent last, by the unit's path. */
  trails: ReadonlyMap<string, readonly TrailStep[]>;
}

/** Byte order, as the path column collates on both engines (codes are ASCII). */
const byPathOrder = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

async function loadTree(db: Kysely<Database>): Promise<OrgTree> {
  const rows = await db.selectFrom('org_units').selectAll().execute();
  const units: TreeUnit[] = rows.map((r) => ({ ...r, has_children: false }));
  units.sort(byPathOrder);
  const byId = new Map<number, TreeUnit>();
  const byPath = new Map<string, TreeUnit>();
  const children = new Map<number, TreeUnit[]>();
  for (const u of units) {
    byId.set(u.id, u);
    byPath.set(u.path, u);
  }
  // In path order, so each parent's children come out in tree order too.
  for (const u of units) {
    if (u.parent_id === null) continue;
    const parent = byId.get(u.parent_id);
    if (parent) parent.has_children = true;
    const list = children.get(u.parent_id);
    if (list) list.push(u);
    else children.set(u.parent_id, [u]);
  }
  // Parents come before children in path order, so each trail extends its parent's.
  const trails = new Map<string, TrailStep[]>();
  for (const u of units) {
    const parent = u.parent_id === null ? undefined : byId.get(u.parent_id);
    const above = parent ? (trails.get(parent.path) ?? []) : [];
    trails.set(
      u.path,
      parent ? [...above, { path: parent.path, named: { id: parent.id, shortName: parent.short_name } }] : [],
    );
  }
  return { ordered: units, paths: units.map((u) => u.path), byId, byPath, children, trails };
}

/**
 * A unit's ancestors from the tree; for a path the tree does not hold (a row read in a
 * transaction), the units at its ancestor paths that the tree has.
 */
export function trailOf(tree: OrgTree, path: string): readonly TrailStep[] {
  const known = tree.trails.get(path);
  if (known) return known;
  return ancestorPathsWithin(path, '/').flatMap((p) => {
    const u = tree.byPath.get(p);
    return u ? [{ path: p, named: { id: u.id, shortName: u.short_name } }] : [];
  });
}

/** The tree cache of a database, one per process (a transaction has none: it reads the rows). */
const cacheOf = cachePerDatabase(ORG_VERSION, loadTree);

/** The org tree of a database, at most a second behind another instance's changes. */
export async function orgTreeOf(db: Kysely<Database>): Promise<OrgTree> {
  const cache = cacheOf(db);
  return cache.peek() ?? cache.current();
}

/**
 * One unit by id from the tree. A miss looks at the version row again before answering
 * undefined, so a unit another instance has just added is found.
 */
export async function treeUnit(db: Kysely<Database>, id: number): Promise<TreeUnit | undefined> {
  const found = (await orgTreeOf(db)).byId.get(id);
  if (found) return found;
  return (await cacheOf(db).refresh()).byId.get(id);
}

/** Marks the tree changed in the caller's transaction: other instances reload within a second. */
export async function bumpOrgVersion(db: Kysely<Database>, at: string): Promise<void> {
  await bumpVersion(db, ORG_VERSION, at);
}

/** After a commit that changed units: this process reloads the tree on its next read. */
export function orgTreeChanged(): void {
  markChanged(ORG_VERSION);
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

/** A subtree's units in tree order, optionally of one level: a slice of the path-ordered array. */
export function subtreeOf(tree: OrgTree, path: string, level?: string): readonly TreeUnit[] {
  const { from, to } = subtreeRange(path);
  const run = tree.ordered.slice(lowerBound(tree.paths, from), lowerBound(tree.paths, to));
  return level ? run.filter((u) => u.level === level) : run;
}

/** A page of a subtree and how many units it holds, without copying the whole run. */
export function subtreePage(
  tree: OrgTree,
  f: { path: string; level?: string | undefined; limit: number; offset: number },
): { rows: TreeUnit[]; total: number } {
  if (f.level) {
    const all = subtreeOf(tree, f.path, f.level);
    return { rows: all.slice(f.offset, f.offset + f.limit), total: all.length };
  }
  const { from, to } = subtreeRange(f.path);
  const lo = lowerBound(tree.paths, from);
  const hi = lowerBound(tree.paths, to);
  const start = Math.min(hi, lo + f.offset);
  return { rows: tree.ordered.slice(start, Math.min(hi, start + f.limit)), total: hi - lo };
}
