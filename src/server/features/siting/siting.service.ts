import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { coverageQuery, mapSettingsInput, residentialAreaInput, venueInput } from '../../../contract/siting.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { AreaIndex, coverage, project } from '../../../domain/siting/coverage.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { bumpSetting, readSetting, writeSetting } from '../../settings.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { categoryIdsOf } from '../studios/studios.repository.ts';
import { presentArea, presentMapStudio, presentMapUnit, presentVenue, type AreaRow } from './siting.presenter.ts';
import * as repo from './siting.repository.ts';

type MapSettings = z.infer<typeof mapSettingsInput>;
const DEFAULT_SETTINGS: MapSettings = { tiles: { kind: 'none' }, coverageRadiusM: 1000 };

/** A counter bumped in the same transaction as any change to venues or areas, so caches know when to rebuild. */
const SITING_VERSION = 'siting.version';
const MAP_SETTINGS = 'map';

/** Venues of the actor's subtree, or of a unit inside it. */
export async function listVenues(deps: Deps, actor: Actor, under?: number) {
  const { path } = await resolveScope(deps.db, actor, 'read', 'venue', under);
  return (await repo.listVenues(deps.db, path)).map((v) => presentVenue(v, actor));
}

/** Residential areas of the actor's subtree, or of a unit inside it. */
export async function listAreas(deps: Deps, actor: Actor, under?: number) {
  const { path } = await resolveScope(deps.db, actor, 'read', 'venue', under);
  return (await repo.listAreas(deps.db, path)).map((a) => presentArea(a, actor));
}

/** Saves a venue or a residential area (new when `id` is absent) in a unit in scope, audited, and invalidates the coverage cache. */
export async function saveSite(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  kind: 'venue' | 'area',
  input: z.infer<typeof venueInput> | z.infer<typeof residentialAreaInput>,
  id?: number,
): Promise<number> {
  const unit = await resolveScope(deps.db, actor, id ? 'update' : 'create', 'venue', input.unitId);
  const { unitId, ...rest } = input;
  const columns = { ...rest, unit_id: unitId, updated_at: ctx.at };
  return deps.db.transaction().execute(async (trx) => {
    let savedId = id;
    if (id) {
      const path = await repo.findSitePath(trx, kind, id);
      if (path === undefined) throw new DomainError('NOT_FOUND');
      authorize(actor, 'update', 'venue', { unitPath: path });
      await repo.updateSite(trx, id, columns);
    } else {
      savedId = await repo.insertSite(trx, columns, ctx.at);
    }
    await bumpSetting(trx, SITING_VERSION, ctx.at);
    await recordAudit(trx, ctx, {
      entity: kind,
      entityId: savedId ?? null,
      action: id ? 'update' : 'create',
      unitId: unit.unitId,
      after: input,
    });
    return savedId ?? 0;
  });
}

/** Coverage indexes by subtree, rebuilt when the siting data changes. */
const indexCache = new Map<string, { version: string; index: AreaIndex; areas: AreaRow[]; lat0: number }>();

async function areaIndex(deps: Deps, path: string) {
  const version = (await readSetting(deps.db, SITING_VERSION)) ?? '0';
  const key = `${deps.engine}:${path}`;
  const hit = indexCache.get(key);
  if (hit && hit.version === version) return hit;
  const areas = await repo.listAreas(deps.db, path);
  const lat0 = areas.length ? areas.reduce((s, a) => s + a.lat, 0) / areas.length : 25;
  const index = new AreaIndex(
    areas.map((a) => ({ id: a.id, population: a.population, ...project(a.lng, a.lat, lat0) })),
  );
  const entry = { version, index, areas, lat0 };
  if (indexCache.size > 64) indexCache.delete(indexCache.keys().next().value ?? '');
  indexCache.set(key, entry);
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

/** Who has a studio of the category within walking distance, who does not, and where the next studios should go. */
export async function coverageOf(deps: Deps, actor: Actor, q: z.infer<typeof coverageQuery>) {
  const { path } = await resolveScope(deps.db, actor, 'read', 'venue', q.under);
  const radius = q.radius ?? (await mapSettings(deps)).coverageRadiusM;
  const { index, areas, lat0 } = await areaIndex(deps, path);
  // Residents walk across unit boundaries: every serving studio within the radius of an area
  // counts, whatever its unit, so a street's figure agrees with the district's for its areas.
  const box = reachOf(areas, radius);
  const studios = box ? await repo.listServingStudiosInBox(deps.db, box, q.categoryId) : [];
  const venues = (await repo.listVenues(deps.db, path)).map((v) => presentVenue(v, actor));
  const points = studios.map((s) => project(s.lng ?? 0, s.lat ?? 0, lat0));
  const result = coverage(
    index,
    points,
    venues.map((v) => ({ id: v.id, ...project(v.lng, v.lat, lat0) })),
    radius,
    q.picks,
  );
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const venueById = new Map(venues.map((v) => [v.id, v]));
  return {
    categoryId: q.categoryId,
    radius,
    totalPopulation: result.totalPopulation,
    coveredPopulation: result.coveredPopulation,
    servingStudios: points.filter((p) => index.within(p, radius).length > 0).length,
    uncovered: result.uncovered.flatMap((a) => {
      const area = areaById.get(a.id);
      return area ? [presentArea(area, actor)] : [];
    }),
    recommendations: result.recommendations.flatMap((r) => {
      const venue = venueById.get(r.venueId);
      return venue ? [{ venue, gain: r.gain, areaIds: r.areaIds }] : [];
    }),
  };
}

/** Everything the map page draws for a subtree. */
export async function mapLayers(deps: Deps, actor: Actor, under?: number) {
  const { path } = await resolveScope(deps.db, actor, 'read', 'venue', under);
  const units = await repo.listMappedUnits(deps.db, path);
  const studios = await repo.listServingStudios(deps.db, path);
  const categories = await categoryIdsOf(
    deps.db,
    studios.map((s) => s.id),
  );
  return {
    units: units.map(presentMapUnit),
    venues: (await repo.listVenues(deps.db, path)).map((v) => presentVenue(v, actor)),
    areas: (await repo.listAreas(deps.db, path)).map((a) => presentArea(a, actor)),
    studios: studios.map((s) => presentMapStudio(s, categories.get(s.id) ?? [])),
  };
}

/** The map settings district admins configure (tile source, default walking radius). */
export async function mapSettings(deps: Deps): Promise<MapSettings> {
  const value = await readSetting(deps.db, MAP_SETTINGS);
  return value !== undefined ? (JSON.parse(value) as MapSettings) : DEFAULT_SETTINGS;
}

/** Sets the tile source and default walking radius, audited with the settings they replace. */
export async function saveMapSettings(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: MapSettings,
): Promise<MapSettings> {
  authorize(actor, 'update', 'mapSettings', { unitPath: actor.unitPath });
  await deps.db.transaction().execute(async (trx) => {
    const before = await readSetting(trx, MAP_SETTINGS);
    await writeSetting(trx, MAP_SETTINGS, JSON.stringify(input), ctx.at);
    await recordAudit(trx, ctx, {
      entity: 'settings',
      entityId: 'map',
      action: 'update',
      unitId: actor.unitId,
      before: before !== undefined ? JSON.parse(before) : null,
      after: input,
    });
  });
  return input;
}

let outline: unknown;
/** The district outline (GCJ-02, Vonng/adcode, CC BY 4.0), read once. */
export function districtOutline(): unknown {
  outline ??= JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../../../assets/xinluo/xinluo_district_boundary_gcj02.geojson', import.meta.url)),
      'utf8',
    ),
  );
  return outline;
}
