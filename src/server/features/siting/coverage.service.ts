import type { z } from 'zod';
import type { coverageQuery, coverageResult, mapSettingsInput } from '../../../contract/siting.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { AreaIndex, coverage, project } from '../../../domain/siting/coverage.ts';
import { BoundedCache } from '../../bounded-cache.ts';
import type { Deps } from '../../context.ts';
import { resolveScope } from '../../scope.ts';
import { studioIndexOf } from '../delivery/studio-index.repository.ts';
import { presentArea, presentVenue, venueActionsOf, type AreaRow } from './siting.presenter.ts';
import * as repo from './siting.repository.ts';
import { sitingStampOf } from './siting-stamp.repository.ts';

type MapSettings = z.infer<typeof mapSettingsInput>;
export const DEFAULT_MAP_SETTINGS: MapSettings = { tiles: { kind: 'none' }, coverageRadiusM: 1000 };

/** The map settings district admins configure, as of the siting stamp (at most a second old elsewhere). */
export async function currentMapSettings(deps: Deps): Promise<MapSettings> {
  const { map } = await sitingStampOf(deps.db).current();
  return map !== undefined ? (JSON.parse(map) as MapSettings) : DEFAULT_MAP_SETTINGS;
}

/** Tells this process's siting caches that venues, areas or the map settings just changed here. */
export function sitingChanged(deps: Deps): void {
  sitingStampOf(deps.db).invalidate();
}

/**
 * One database's coverage caches. Each is dropped whole when what it depends on moves: the area
 * indexes with the siting version (venues, areas, units), the answers with that and the studio
 * index's stamp. Their bounds are in areas (an index holds its subtree's) and in characters of
 * JSON.
 */
class CoverageCaches {
  /** Area indexes by subtree: a province's is 99,000 areas, so at most about three of those. */
  readonly indexes = new BoundedCache<{ index: AreaIndex; areas: AreaRow[]; lat0: number }>({
    maxEntries: 64,
    maxWeight: 300_000,
  });
  /**
   * Finished answers as UTF-8 JSON by subtree, category, radius, picks and viewer: 16 MB at most.
   * Kept as bytes: encoding a district's answer (a quarter of a megabyte, mostly Chinese) from a
   * string again for every request was over half of a repeated question's CPU.
   */
  readonly answers = new BoundedCache<Buffer>({ maxEntries: 256, maxWeight: 16_000_000 });
  /** Answers being computed, so concurrent askers of a new question share one computation. */
  readonly computing = new Map<string, Promise<Buffer>>();
  private sitingVersion = '';
  private version = '';

  /** Drops what an older version computed. */
  align(sitingVersion: string, version: string): void {
    if (sitingVersion !== this.sitingVersion) this.indexes.clear();
    if (version !== this.version) {
      this.answers.clear();
      this.computing.clear();
    }
    this.sitingVersion = sitingVersion;
    this.version = version;
  }

  isCurrent(version: string): boolean {
    return this.version === version;
  }
}

const cachesByDb = new WeakMap<Deps['db'], CoverageCaches>();
function cachesOf(deps: Deps): CoverageCaches {
  let caches = cachesByDb.get(deps.db);
  if (!caches) {
    caches = new CoverageCaches();
    cachesByDb.set(deps.db, caches);
  }
  return caches;
}

async function areaIndex(deps: Deps, path: string) {
  const { indexes } = cachesOf(deps);
  const hit = indexes.get(path);
  if (hit) return hit;
  const areas = await repo.listAreas(deps.db, path);
  const lat0 = areas.length ? areas.reduce((s, a) => s + a.lat, 0) / areas.length : 25;
  const index = new AreaIndex(
    areas.map((a) => ({ id: a.id, population: a.population, ...project(a.lng, a.lat, lat0) })),
  );
  const entry = { index, areas, lat0 };
  indexes.set(path, entry, Math.max(1, areas.length));
  return entry;
}

/** The box holding every point within `radius` metres of an area (undefined without areas). */
function reachOf(areas: ReadonlyArray<{ lng: number; lat: number }>, radius: number) {
  if (areas.length === 0) return undefined;
  let [west, east, south, north] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const a of areas) {
    west = Math.min(west, a.lng);
    east = Math.max(east, a.lng);
    south = Math.min(south, a.lat);
    north = Math.max(north, a.lat);
  }
  const dLat = radius / 111_320;
  // A degree of longitude is shortest at the latitude farthest from the equator.
  const widest = Math.min(Math.max(Math.abs(south), Math.abs(north)) + dLat, 89);
  const dLng = radius / (111_320 * Math.cos((widest * Math.PI) / 180));
  return { west: west - dLng, east: east + dLng, south: south - dLat, north: north + dLat };
}

type CoverageAnswer = z.infer<typeof coverageResult>;
type Serving = ReadonlyArray<{ lng: number; lat: number; categoryIds: readonly number[] }>;

/** Computes one answer: the area index, the serving studios of the category near it, the venues. */
async function compute(
  deps: Deps,
  actor: Actor,
  path: string,
  q: { categoryId: number; radius: number; picks: number },
  serving: Serving,
): Promise<CoverageAnswer> {
  const { index, areas, lat0 } = await areaIndex(deps, path);
  // Residents walk across unit boundaries: every serving studio within the radius of an area
  // counts, whatever its unit, so a street's figure agrees with the district's for its areas.
  const box = reachOf(areas, q.radius);
  const points = box
    ? serving
        .filter(
          (s) =>
            s.lng >= box.west &&
            s.lng <= box.east &&
            s.lat >= box.south &&
            s.lat <= box.north &&
            s.categoryIds.includes(q.categoryId),
        )
        .map((s) => project(s.lng, s.lat, lat0))
    : [];
  const actionsOf = venueActionsOf(actor);
  const venues = (await repo.listVenues(deps.db, path)).map((v) => presentVenue(v, actor, actionsOf));
  const result = coverage(
    index,
    points,
    venues.map((v) => ({ id: v.id, ...project(v.lng, v.lat, lat0) })),
    q.radius,
    q.picks,
  );
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const venueById = new Map(venues.map((v) => [v.id, v]));
  return {
    categoryId: q.categoryId,
    radius: q.radius,
    totalPopulation: result.totalPopulation,
    coveredPopulation: result.coveredPopulation,
    servingStudios: points.filter((p) => index.within(p, q.radius).length > 0).length,
    uncovered: result.uncovered.flatMap((a) => {
      const area = areaById.get(a.id);
      return area ? [presentArea(area, actor, actionsOf)] : [];
    }),
    recommendations: result.recommendations.flatMap((r) => {
      const venue = venueById.get(r.venueId);
      return venue ? [{ venue, gain: r.gain, areaIds: r.areaIds }] : [];
    }),
  };
}

/**
 * Who has a studio of the category within walking distance, who does not, and where the next
 * studios should go, as JSON. Answers are kept per (subtree, category, radius, picks, data
 * version) and per viewer's role and unit (what they may edit shows in every area), so a repeated
 * analysis costs a lookup and a write of the kept bytes. The data version is the siting version (venues and areas), the units
 * and the studio index's stamp (studios' status, categories and points), each looked at at most
 * once a second, so every instance sees a change within a second and this one at once.
 */
export async function coverageJson(deps: Deps, actor: Actor, query: z.infer<typeof coverageQuery>): Promise<Buffer> {
  const { path } = await resolveScope(deps.db, actor, 'read', 'venue', query.under);
  const [stamp, studios] = await Promise.all([sitingStampOf(deps.db).current(), studioIndexOf(deps.db).current()]);
  const version = `${stamp.version}|${studios.stamp}`;
  const caches = cachesOf(deps);
  caches.align(stamp.version, version);
  const radius = query.radius ?? (await currentMapSettings(deps)).coverageRadiusM;
  const q = { categoryId: query.categoryId, radius, picks: query.picks };
  const key = `${path}|${q.categoryId}|${radius}|${q.picks}|${actor.role}|${actor.unitPath}`;
  const hit = caches.answers.get(key);
  if (hit !== undefined) return hit;
  let pending = caches.computing.get(key);
  if (!pending) {
    const computed = compute(deps, actor, path, q, studios.studios).then((answer) =>
      Buffer.from(JSON.stringify(answer)),
    );
    pending = computed;
    caches.computing.set(key, computed);
    const settle = () => {
      if (caches.computing.get(key) === computed) caches.computing.delete(key);
    };
    computed.then((json) => {
      // Kept only if the version did not move while it was computed.
      if (caches.isCurrent(version)) caches.answers.set(key, json, json.length);
      settle();
    }, settle);
  }
  return pending;
}

/** What a database's coverage caches hold (for tests and diagnostics). */
export function coverageCacheSize(deps: Deps) {
  const caches = cachesOf(deps);
  return { indexes: caches.indexes.size, answers: caches.answers.size };
}
