/** The org tree: 区 → 街道/乡镇 → 社区/村/企业, each unit hosting a service 中心, 站 or 点. */
export const unitLevels = ['district', 'street', 'town', 'community', 'village', 'enterprise'] as const;
export type UnitLevel = (typeof unitLevels)[number];

/** The party-member education and service post a unit runs: centre (中心), station (站) or point (点). */
export const postKinds = ['center', 'station', 'point'] as const;
export type PostKind = (typeof postKinds)[number];

/** The post each level runs by default, as the bulletin describes: 区 centre, 乡镇 station, 村/企 point. */
export function defaultPostKind(level: UnitLevel): PostKind {
  if (level === 'district') return 'center';
  if (level === 'street' || level === 'town') return 'station';
  return 'point';
}

/** The street levels (街道/乡镇): under a district, over the grassroots; letters are routed to them. */
export const streetLevels: readonly UnitLevel[] = ['street', 'town'];

/** Whether a unit of this level is a street or town. */
export function isStreetLevel(level: string): boolean {
  return streetLevels.some((l) => l === level);
}

/** Which levels may be placed directly under a unit of the given level. */
export function allowedChildLevels(level: UnitLevel): readonly UnitLevel[] {
  switch (level) {
    case 'district':
      return streetLevels;
    case 'street':
    case 'town':
      return ['community', 'village', 'enterprise'];
    default:
      return [];
  }
}

/** The grassroots levels (社区/村/企业): where studios sit and bulletin boards hang. */
export const grassrootsLevels: readonly UnitLevel[] = ['community', 'village', 'enterprise'];

/** Whether a unit of this level is grassroots. */
export function isGrassroots(level: string): boolean {
  return grassrootsLevels.some((l) => l === level);
}

/** Materialized path of a unit: its ancestors' codes and its own, each followed by '/'. */
export function childPath(parentPath: string | null, code: string): string {
  return `${parentPath ?? '/'}${code}/`;
}

/**
 * The half-open key range [from, to) holding a unit's path and every path below it.
 * '0' is the character right after '/', so one indexed range scan finds the subtree
 * on both engines (byte-order collation), where LIKE 'x%' would not use the index everywhere.
 */
export function subtreeRange(path: string): { from: string; to: string } {
  return { from: path, to: `${path.slice(0, -1)}0` };
}

/** How deep a unit lies: 1 for a root ('/code/'), 2 for its children, and so on. */
export function pathDepth(path: string): number {
  return path.split('/').length - 2;
}

/** True when `path` is `scopePath` itself or lies below it. */
export function isWithin(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}

/**
 * True when the subtree at `path` holds every unit, given all units' paths in byte order:
 * it holds the first and the last.
 */
export function holdsEveryUnit(orderedPaths: readonly string[], path: string): boolean {
  const first = orderedPaths[0];
  const last = orderedPaths.at(-1);
  return first !== undefined && last !== undefined && isWithin(first, path) && isWithin(last, path);
}

/** Codes may not contain the path separator; they are short and printable. */
export function isValidUnitCode(code: string): boolean {
  return /^[0-9A-Za-z-]{1,32}$/.test(code);
}

/**
 * The paths of a unit's ancestors that lie inside `scopePath` (the scope's own unit first,
 * the parent last): what a search result's trail and a unit's breadcrumbs name.
 */
export function ancestorPathsWithin(path: string, scopePath: string): string[] {
  const codes = path.split('/').slice(1, -2);
  const paths: string[] = [];
  let prefix = '/';
  for (const code of codes) {
    prefix = `${prefix}${code}/`;
    if (isWithin(prefix, scopePath)) paths.push(prefix);
  }
  return paths;
}

/**
 * The ids of the units on a path (the unit and each ancestor, top first), looked up by path among
 * the units known; a path segment with no known unit is left out.
 */
export function idsOnPath(path: string, idOf: ReadonlyMap<string, number>): number[] {
  const out: number[] = [];
  for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
    const id = idOf.get(path.slice(0, i + 1));
    if (id !== undefined) out.push(id);
  }
  return out;
}
