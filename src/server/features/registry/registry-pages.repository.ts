import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { BoundedCache } from '../../bounded-cache.ts';
import { bumpVersion, markChanged, cachePerDatabase } from '../../versioned-cache.ts';
import { lastChanged } from '../../version-marks.ts';
import { orgTreeOf, type OrgTree } from '../org-units/org-tree.repository.ts';

// Registry lists as written JSON, kept until the registry or the org tree changes: a search
// costs some 300 µs of SQLite (the terms, the page's records, their categories) and more to
// present and write, while staff repeat the same few searches. Every writer of records bumps
// the version row in its transaction (other instances drop their pages within a second) and
// marks it here after the commit (this process at once); the repository's write functions mark
// it too, for writers outside the services (tests, seeds).

export const REGISTRY_VERSION = 'registry.version';

interface Pages {
  /** The tree the pages' unit names were read under: a renamed or moved unit starts afresh. */
  tree: OrgTree | undefined;
  pages: BoundedCache<Buffer>;
  /** When the pages were last emptied (performance.now()). */
  since: number;
}

const pagesOf = cachePerDatabase(REGISTRY_VERSION, async (): Promise<Pages> => ({
  tree: undefined,
  since: performance.now(),
  pages: new BoundedCache<Buffer>({ maxEntries: 2000, maxWeight: 16 * 1024 * 1024 }),
}));

/** Marks the registry changed in the caller's transaction: other instances drop their pages within a second. */
export async function bumpRegistryVersion(db: Kysely<Database>, at: string): Promise<void> {
  await bumpVersion(db, REGISTRY_VERSION, at);
}

/** After a commit (or a write outside a transaction) that changed records: this process looks again. */
export function registryChanged(): void {
  markChanged(REGISTRY_VERSION);
}

/**
 * A kept page for `key` (which must name everything the page depends on besides the records and
 * the tree: the viewer's role and unit, the subtree, the filters, the paging), or how to keep
 * the one about to be written. Scope is checked by the caller every time, before this.
 */
export async function keptRegistryPage(
  db: Kysely<Database>,
  key: string,
): Promise<{ bytes: Buffer } | { bytes: undefined; keep: (written: string) => void }> {
  const started = performance.now();
  const cache = pagesOf(db);
  const [entry, tree] = await Promise.all([cache.peek() ?? cache.current(), orgTreeOf(db)]);
  // A change marked here without a version bump (a write outside the services) empties them too.
  if (entry.tree !== tree || lastChanged(REGISTRY_VERSION) >= entry.since) {
    entry.tree = tree;
    entry.pages.clear();
    entry.since = performance.now();
  }
  const bytes = entry.pages.get(key);
  if (bytes) return { bytes };
  const { pages } = entry;
  return {
    bytes: undefined,
    keep: (written) => {
      // Not kept when the records or the tree changed while it was read: it may show the old.
      if (lastChanged(REGISTRY_VERSION) >= started || entry.tree !== tree) return;
      const kept = Buffer.from(written);
      pages.set(key, kept, kept.length);
    },
  };
}
