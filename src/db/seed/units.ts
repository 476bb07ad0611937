import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { childPath, defaultPostKind, type UnitLevel } from '../../domain/org-units/units.ts';
import { searchKeysOf } from '../../domain/text/search-keys.ts';

/** A unit to load: its parent is named by code and must come earlier in the list (or be absent, for a root). */
export interface UnitSpec {
  code: string;
  name: string;
  shortName: string;
  level: UnitLevel;
  parentCode: string | null;
  lng?: number | null;
  lat?: number | null;
}

/**
 * Inserts a tree of units in batches, parents first, computing each materialized path.
 * Returns the id of every unit by code.
 */
export async function insertUnitTree(
  db: Kysely<Database>,
  specs: UnitSpec[],
  at: string,
): Promise<Map<string, number>> {
  const placed = new Map<string, { id: number; path: string; depth: number }>();
  const ids = new Map<string, number>();
  // Group by depth so that every batch's parents already have ids.
  const depthOf = new Map<string, number>();
  for (const s of specs)
    depthOf.set(s.code, s.parentCode && depthOf.has(s.parentCode) ? (depthOf.get(s.parentCode) ?? 0) + 1 : 0);
  const maxDepth = Math.max(0, ...depthOf.values());
  for (let d = 0; d <= maxDepth; d++) {
    const layer = specs.filter((s) => depthOf.get(s.code) === d);
    for (let i = 0; i < layer.length; i += 500) {
      const batch = layer.slice(i, i + 500).map((s) => {
        const parent = s.parentCode ? placed.get(s.parentCode) : undefined;
        const keys = searchKeysOf(s.shortName);
        return {
          code: s.code,
          name: s.name,
          short_name: s.shortName,
          level: s.level,
          post_kind: defaultPostKind(s.level),
          parent_id: parent?.id ?? null,
          path: childPath(parent?.path ?? null, s.code),
          depth: parent ? parent.depth + 1 : 0,
          lng: s.lng ?? null,
          lat: s.lat ?? null,
          address: null,
          pinyin: keys.pinyin,
          initials: keys.initials,
          created_at: at,
          updated_at: at,
        };
      });
      const rows = await db.insertInto('org_units').values(batch).returning(['id', 'code', 'path', 'depth']).execute();
      for (const r of rows) {
        placed.set(r.code, { id: r.id, path: r.path, depth: r.depth });
        ids.set(r.code, r.id);
      }
    }
  }
  return ids;
}
