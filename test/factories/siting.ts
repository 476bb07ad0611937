import type { VenueType } from '../../src/domain/siting/coverage.ts';
import { BUILT_AT, type Db } from './common.ts';
import { buildUnit } from './org-units.ts';

/** What a test may fix of a built venue or residential area; near 西兴社区 by default. */
interface PlaceOptions {
  /** Its unit; a fresh community when absent. */
  unitId?: number;
  name?: string;
  lng?: number;
  lat?: number;
}

/** Writes a venue (a market, an office block…) where a studio could serve. */
export async function buildVenue(
  db: Db,
  o: PlaceOptions & { type?: VenueType; address?: string } = {},
): Promise<{ id: number; unitId: number }> {
  const unitId = o.unitId ?? (await buildUnit(db)).id;
  const { id } = await db
    .insertInto('venues')
    .values({
      unit_id: unitId,
      type: o.type ?? 'market',
      name: o.name ?? '西兴农贸市场',
      address: o.address ?? '西兴路 18 号',
      lng: o.lng ?? 117.02,
      lat: o.lat ?? 25.09,
      created_at: BUILT_AT,
      updated_at: BUILT_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, unitId };
}

/** Writes a residential area (小区) with its population. */
export async function buildResidentialArea(
  db: Db,
  o: PlaceOptions & { population?: number } = {},
): Promise<{ id: number; unitId: number }> {
  const unitId = o.unitId ?? (await buildUnit(db)).id;
  const { id } = await db
    .insertInto('residential_areas')
    .values({
      unit_id: unitId,
      name: o.name ?? '龙津花园',
      population: o.population ?? 1200,
      lng: o.lng ?? 117.02,
      lat: o.lat ?? 25.09,
      created_at: BUILT_AT,
      updated_at: BUILT_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, unitId };
}
