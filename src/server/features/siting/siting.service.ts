import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { AreaIndex, coverage, project, type VenueType } from '../../../domain/siting/coverage.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import type { coverageQuery, mapSettingsInput, residentialAreaInput, venueInput } from '../../../contract/siting.ts';
import { authorize } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { categoryIdsOf } from '../studios/studios.repository.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import * as repo from './siting.repository.ts';

type MapSettings = z.infer<typeof mapSettingsInput>;
const DEFAULT_SETTINGS: MapSettings = { tiles: { kind: 'none' }, coverageRadiusM: 1000 };

/** The subtree an actor asks about: its own, or a unit inside it. */
async function scope(deps: Deps, actor: Actor, subject: 'venue', under?: number): Promise<string> {
  authorize(actor, 'read', subject, { unitPath: actor.unitPath });
  if (!under) return actor.unitPath;
  const unit = await findUnit(deps.db, under);
  if (!unit) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', subject, { unitPath: unit.path });
  return unit.path;
}

const presentVenue = (v: Awaited<ReturnType<typeof repo.listVenues>>[number]) => ({
  id: v.id,
  unitId: v.unit_id,
  unitName: v.unit_name,
  type: v.type as VenueType,
  name: v.name,
  address: v.address,
  lng: v.lng,
  lat: v.lat,
});
const presentArea = (a: Awaited<ReturnType<typeof repo.listAreas>>[number]) => ({
  id: a.id,
  unitId: a.unit_id,
  unitName: a.unit_name,
  name: a.name,
  population: a.population,
  lng: a.lng,
  lat: a.lat,
});

export async function listVenues(deps: Deps, actor: Actor, under?: number) {
  return (await repo.listVenues(deps.db, await scope(deps, actor, 'venue', under))).map(presentVenue);
}

export async function listAreas(deps: Deps, actor: Actor, under?: number) {
  return (await repo.listAreas(deps.db, await scope(deps, actor, 'venue', under))).map(presentArea);
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
  const unit = await findUnit(deps.db, input.unitId);
  if (!unit) throw new DomainError('NOT_FOUND');
  authorize(actor, id ? 'update' : 'create', 'venue', { unitPath: unit.path });
  const table = kind === 'venue' ? 'venues' : 'residential_areas';
  const { unitId, ...rest } = input;
  const columns = { ...rest, unit_id: unitId, updated_at: ctx.at };
  return deps.db.transaction().execute(async (trx) => {
    let savedId = id;
    if (id) {
      const before = await trx
        .selectFrom(table)
        .innerJoin('org_units', 'org_units.id', `${table}.unit_id`)
        .select(['org_units.path'])
        .where(`${table}.id`, '=', id)
        .executeTakeFirst();
      if (!before) throw new DomainError('NOT_FOUND');
      authorize(actor, 'update', 'venue', { unitPath: before.path });
      if ('type' in columns) await trx.updateTable('venues').set(columns).where('id', '=', id).execute();
      else await trx.updateTable('residential_areas').set(columns).where('id', '=', id).execute();
    } else if ('type' in columns) {
      savedId = (
        await trx
          .insertInto('venues')
          .values({ ...columns, created_at: ctx.at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      savedId = (
        await trx
          .insertInto('residential_areas')
          .values({ ...columns, created_at: ctx.at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    await repo.bumpSitingVersion(trx, ctx.at);
    await recordAudit(trx, ctx, {
      entity: kind,
      entityId: savedId ?? null,
      action: id ? 'update' : 'create',
      unitId: unit.id,
      after: input,
    });
    return savedId ?? 0;
  });
}

/** Coverage indexes by subtree, rebuilt when the siting data changes. */
const indexCache = new Map<
  string,
  { version: string; index: AreaIndex; areas: ReturnType<typeof presentArea>[]; lat0: number }
>();

async function areaIndex(deps: Deps, path: string) {
  const version = await repo.sitingVersion(deps.db);
  const key = `${deps.engine}:${path}`;
  const hit = indexCache.get(key);
  if (hit && hit.version === version) return hit;
  const areas = (await repo.listAreas(deps.db, path)).map(presentArea);
  const lat0 = areas.length ? areas.reduce((s, a) => s + a.lat, 0) / areas.length : 25;
  const index = new AreaIndex(
    areas.map((a) => ({ id: a.id, population: a.population, ...project(a.lng, a.lat, lat0) })),
  );
  const entry = { version, index, areas, lat0 };
  if (indexCache.size > 64) indexCache.delete(indexCache.keys().next().value ?? '');
  indexCache.set(key, entry);
  return entry;
}

/** Who has a studio of the category within walking distance, who does not, and where the next studios should go. */
export async function coverageOf(deps: Deps, actor: Actor, q: z.infer<typeof coverageQuery>) {
  const path = await scope(deps, actor, 'venue', q.under);
  const radius = q.radius ?? (await mapSettings(deps)).coverageRadiusM;
  const { index, areas, lat0 } = await areaIndex(deps, path);
  const studios = await repo.listServingStudios(deps.db, path, q.categoryId);
  const venues = (await repo.listVenues(deps.db, path)).map(presentVenue);
  const result = coverage(
    index,
    studios.map((s) => project(s.lng ?? 0, s.lat ?? 0, lat0)),
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
    servingStudios: studios.length,
    uncovered: result.uncovered.map((a) => areaById.get(a.id)).filter((a) => a !== undefined),
    recommendations: result.recommendations.flatMap((r) => {
      const venue = venueById.get(r.venueId);
      return venue ? [{ venue, gain: r.gain, areaIds: r.areaIds }] : [];
    }),
  };
}

/** Everything the map page draws for a subtree. */
export async function mapLayers(deps: Deps, actor: Actor, under?: number) {
  const path = await scope(deps, actor, 'venue', under);
  const { from, to } = subtreeRange(path);
  const units = await deps.db
    .selectFrom('org_units')
    .select(['id', 'name', 'level', 'lng', 'lat'])
    .where('path', '>=', from)
    .where('path', '<', to)
    .where('lng', 'is not', null)
    .where('level', 'in', ['district', 'street', 'town', 'community', 'village'])
    .execute();
  const studios = await repo.listServingStudios(deps.db, path);
  const categories = await categoryIdsOf(
    deps.db,
    studios.map((s) => s.id),
  );
  return {
    units: units.map((u) => ({ id: u.id, name: u.name, level: u.level, lng: u.lng ?? 0, lat: u.lat ?? 0 })),
    venues: (await repo.listVenues(deps.db, path)).map(presentVenue),
    areas: (await repo.listAreas(deps.db, path)).map(presentArea),
    studios: studios.map((s) => ({
      id: s.id,
      name: s.name,
      status: s.status,
      categoryIds: categories.get(s.id) ?? [],
      lng: s.lng ?? 0,
      lat: s.lat ?? 0,
    })),
  };
}

/** The map settings district admins configure (tile source, default walking radius). */
export async function mapSettings(deps: Deps): Promise<MapSettings> {
  const row = await deps.db.selectFrom('settings').select('value').where('key', '=', 'map').executeTakeFirst();
  return row ? (JSON.parse(row.value) as MapSettings) : DEFAULT_SETTINGS;
}

export async function saveMapSettings(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: MapSettings,
): Promise<MapSettings> {
  authorize(actor, 'update', 'mapSettings', { unitPath: actor.unitPath });
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('settings').select('value').where('key', '=', 'map').executeTakeFirst();
    if (before)
      await trx
        .updateTable('settings')
        .set({ value: JSON.stringify(input), updated_at: ctx.at })
        .where('key', '=', 'map')
        .execute();
    else
      await trx
        .insertInto('settings')
        .values({ key: 'map', value: JSON.stringify(input), updated_at: ctx.at })
        .execute();
    await recordAudit(trx, ctx, {
      entity: 'settings',
      entityId: 'map',
      action: 'update',
      unitId: actor.unitId,
      before: before ? JSON.parse(before.value) : null,
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
