import { childPath, defaultPostKind, type UnitLevel } from '../../src/domain/org-units/units.ts';
import { searchKeysOf } from '../../src/domain/text/search-keys.ts';
import { bumpOrgVersion } from '../../src/server/features/org-units/org-tree.repository.ts';
import { BUILT_AT, nextSeq, pick, type Db } from './common.ts';

/** What a test may fix of a built org unit; everything else gets a valid default. */
export interface UnitOptions {
  /** Community by default. */
  level?: UnitLevel;
  /** The parent; when absent one of the right level is built (a street under the root district, a root district when the database has none). */
  parentId?: number;
  name?: string;
  code?: string;
  address?: string | null;
  lng?: number | null;
  lat?: number | null;
}

/** A built org unit: what tests usually need of it. */
export interface BuiltUnit {
  id: number;
  code: string;
  name: string;
  path: string;
  /** 0 for a root. */
  depth: number;
  level: UnitLevel;
}

const namesByLevel: Record<UnitLevel, readonly [string, ...string[]]> = {
  district: ['青云区', '望江区'],
  street: ['青云街道', '望江街道', '松涛街道', '枫林街道'],
  town: ['松涛镇', '桂园镇'],
  community: ['青云社区', '望江社区', '松涛社区', '枫林社区', '桂园社区', '翠竹社区'],
  village: ['桂园村', '翠竹村'],
  enterprise: ['青云机械有限公司', '望江食品厂'],
};
const parentLevel: Record<UnitLevel, UnitLevel | null> = {
  district: null,
  street: 'district',
  town: 'district',
  community: 'street',
  village: 'town',
  enterprise: 'street',
};

/**
 * Writes an org unit with its materialized path and search keys. A missing parent is built
 * (a community gets a fresh street); a street or town goes under the database's root district,
 * which is built when there is none.
 */
export async function buildUnit(db: Db, o: UnitOptions = {}): Promise<BuiltUnit> {
  const level = o.level ?? 'community';
  const n = nextSeq();
  const parent = await parentFor(db, level, o.parentId);
  const code = o.code ?? `T${String(n).padStart(11, '0')}`;
  const name = o.name ?? pick(namesByLevel[level], n);
  const keys = searchKeysOf(name);
  const path = childPath(parent?.path ?? null, code);
  const depth = parent ? parent.depth + 1 : 0;
  const { id } = await db
    .insertInto('org_units')
    .values({
      code,
      name,
      short_name: name,
      level,
      post_kind: defaultPostKind(level),
      parent_id: parent?.id ?? null,
      path,
      depth,
      lng: o.lng === undefined ? 117.02 : o.lng,
      lat: o.lat === undefined ? 25.09 : o.lat,
      address: o.address ?? null,
      pinyin: keys.pinyin,
      initials: keys.initials,
      created_at: BUILT_AT,
      updated_at: BUILT_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // As every writer of units does: the app's in-memory tree looks again.
  await bumpOrgVersion(db, BUILT_AT);
  return { id, code, name, path, depth, level };
}

async function parentFor(db: Db, level: UnitLevel, parentId: number | undefined) {
  if (parentId !== undefined)
    return db
      .selectFrom('org_units')
      .select(['id', 'path', 'depth'])
      .where('id', '=', parentId)
      .executeTakeFirstOrThrow();
  const above = parentLevel[level];
  if (above === null) return undefined;
  return above === 'district' ? rootDistrict(db) : buildUnit(db, { level: above });
}

/** The database's root district (新罗区 with the demo data), built when there is none. */
export async function rootDistrict(db: Db): Promise<{ id: number; path: string; depth: number }> {
  const root = await db
    .selectFrom('org_units')
    .select(['id', 'path', 'depth'])
    .where('parent_id', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  return root ?? buildUnit(db, { level: 'district' });
}
