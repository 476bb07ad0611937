import gcoordModule from 'gcoord';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { DomainError } from '../../../domain/errors.ts';
import { pickStudio, MAX_ROUTING_DISTANCE_M } from '../../../domain/delivery/delivery.ts';
import type { Database } from '../../../db/schema.ts';
import type { nearestQuery } from '../../../contract/delivery.ts';
import type { Deps } from '../../context.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import { countOpenRequests } from './requests.repository.ts';
import { studioIndexOf, type IndexedStudio } from './studio-index.repository.ts';

// Where a resident is and which serving studios are near: the public nearest-studio search,
// and the routing that sends each request to a studio.

// gcoord is CommonJS and its typings describe an ES default export that Node does not create
// (NodeNext sees a namespace); at run time the default import is the object with transform().
const gcoord = gcoordModule as unknown as {
  transform(p: [number, number], from: 'WGS84', to: 'GCJ02'): [number, number];
};

/** Converts a browser position (WGS-84) to the datum Huimin stores (GCJ-02, like the Xinluo data). */
export function toStoredDatum(lng: number, lat: number, datum: 'wgs84' | 'gcj02'): [number, number] {
  if (datum === 'gcj02') return [lng, lat];
  const [x, y] = gcoord.transform([lng, lat], 'WGS84', 'GCJ02');
  return [x, y];
}

/** Where a resident is: their position, or their community's point (or its street's). */
export async function originOf(
  db: Kysely<Database>,
  unitId: number | undefined,
  point: { lng?: number | null | undefined; lat?: number | null | undefined; datum: 'wgs84' | 'gcj02' },
): Promise<[number, number]> {
  if (point.lng != null && point.lat != null) return toStoredDatum(point.lng, point.lat, point.datum);
  const unit = unitId ? await findUnit(db, unitId) : undefined;
  if (!unit) throw new DomainError('VALIDATION_FAILED', { field: 'unitId' });
  if (unit.lng !== null && unit.lat !== null) return [unit.lng, unit.lat];
  const parent = unit.parent_id ? await findUnit(db, unit.parent_id) : undefined;
  if (parent?.lng != null && parent.lat != null) return [parent.lng, parent.lat];
  throw new DomainError('VALIDATION_FAILED', { field: 'unitId' });
}

/**
 * The nearest serving studios to a resident's position or community, nearest first: the
 * origin searched from and the index's studios with their distances (written by
 * nearest.presenter.ts).
 */
export async function findNearestStudios(
  deps: Deps,
  q: z.infer<typeof nearestQuery>,
): Promise<{ origin: { lng: number; lat: number }; found: Array<{ studio: IndexedStudio; distanceM: number }> }> {
  const [lng, lat] = await originOf(deps.db, q.unitId, q);
  const found = await studioIndexOf(deps.db).near(lng, lat, q.limit, q.categoryId);
  return { origin: { lng, lat }, found };
}

/**
 * The best serving studio for a request, skipping those that declined it: the nearest of its
 * category, with each open request a studio holds counting as extra distance.
 */
export async function routeRequest(
  db: Kysely<Database>,
  categoryId: number,
  origin: [number, number],
  declined: ReadonlySet<number>,
): Promise<IndexedStudio | undefined> {
  const near = await studioIndexOf(db).nearest(origin[0], origin[1], 20, categoryId, MAX_ROUTING_DISTANCE_M / 1000);
  const load = await countOpenRequests(
    db,
    near.map((s) => s.id),
  );
  const pick = pickStudio(
    near.map((s) => ({ studioId: s.id, distanceM: s.distanceM, openRequests: load.get(s.id) ?? 0 })),
    declined,
  );
  return pick ? near.find((s) => s.id === pick.studioId) : undefined;
}
