import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { mapSettingsInput, residentialAreaInput, venueInput } from '../../../contract/siting.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { bumpSetting, readSetting, writeSetting } from '../../settings.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { categoryIdsOf } from '../studios/studios.repository.ts';
import { presentArea, presentMapStudio, presentMapUnit, presentVenue, venueActionsOf } from './siting.presenter.ts';
import * as repo from './siting.repository.ts';
import { currentMapSettings, sitingChanged } from './coverage.service.ts';
import { MAP_SETTINGS, SITING_VERSION } from './siting-stamp.repository.ts';

type MapSettings = z.infer<typeof mapSettingsInput>;

/** Venues of the actor's subtree, or of a unit inside it. */
export async function listVenues(deps: Deps, actor: Actor, under?: number) {
  const { path } = await resolveScope(deps.db, actor, 'read', 'venue', under);
  const actionsOf = venueActionsOf(actor);
  return (await repo.listVenues(deps.db, path)).map((v) => presentVenue(v, actor, actionsOf));
}

/** Residential areas of the actor's subtree, or of a unit inside it. */
export async function listAreas(deps: Deps, actor: Actor, under?: number) {
  const { path } = await resolveScope(deps.db, actor, 'read', 'venue', under);
  const actionsOf = venueActionsOf(actor);
  return (await repo.listAreas(deps.db, path)).map((a) => presentArea(a, actor, actionsOf));
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
  const saved = await deps.db.transaction().execute(async (trx) => {
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
  sitingChanged(deps);
  return saved;
}

/** Everything the map page draws for a subtree. */
export async function mapLayers(deps: Deps, actor: Actor, under?: number) {
  const { path } = await resolveScope(deps.db, actor, 'read', 'venue', under);
  const units = await repo.listMappedUnits(deps.db, path);
  const actionsOf = venueActionsOf(actor);
  const studios = await repo.listServingStudios(deps.db, path);
  const categories = await categoryIdsOf(
    deps.db,
    studios.map((s) => s.id),
  );
  return {
    units: units.map(presentMapUnit),
    venues: (await repo.listVenues(deps.db, path)).map((v) => presentVenue(v, actor, actionsOf)),
    areas: (await repo.listAreas(deps.db, path)).map((a) => presentArea(a, actor, actionsOf)),
    studios: studios.map((s) => presentMapStudio(s, categories.get(s.id) ?? [])),
  };
}

/** The map settings district admins configure (tile source, default walking radius). */
export async function mapSettings(deps: Deps): Promise<MapSettings> {
  return currentMapSettings(deps);
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
  sitingChanged(deps);
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
