import { venueAbility, type ResidentialArea, type Venue, type VenueAbility } from '../../../contract/siting.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import type { VenueType } from '../../../domain/siting/coverage.ts';
import type { listAreas, listMappedUnits, listServingStudios, listVenues } from './siting.repository.ts';

/** A venue as the repository reads it. */
export type VenueRow = Awaited<ReturnType<typeof listVenues>>[number];
/** A residential area as the repository reads it. */
export type AreaRow = Awaited<ReturnType<typeof listAreas>>[number];

/** What this actor may do with a venue or residential area in this unit. */
export function venueActions(actor: Actor, unitPath: string): VenueAbility[] {
  return venueAbility.options.filter((a) => can(actor, a, 'venue', { unitPath }));
}

/**
 * What this actor may do, by unit path, remembered: a district's thousands of areas lie in a few
 * hundred units, and each answer would otherwise run the rules again.
 */
export function venueActionsOf(actor: Actor): (unitPath: string) => VenueAbility[] {
  const known = new Map<string, VenueAbility[]>();
  return (unitPath) => {
    let actions = known.get(unitPath);
    if (!actions) {
      actions = venueActions(actor, unitPath);
      known.set(unitPath, actions);
    }
    return actions;
  };
}

/** A venue as the API shows it, with what the viewer may do. */
export function presentVenue(
  v: VenueRow,
  actor: Actor,
  actionsOf: (unitPath: string) => VenueAbility[] = (path) => venueActions(actor, path),
): Venue {
  return {
    id: v.id,
    unitId: v.unit_id,
    unitName: v.unit_name,
    type: v.type as VenueType,
    name: v.name,
    address: v.address,
    lng: v.lng,
    lat: v.lat,
    allowedActions: actionsOf(v.unit_path),
  };
}

/** A residential area as the API shows it, with what the viewer may do. */
export function presentArea(
  a: AreaRow,
  actor: Actor,
  actionsOf: (unitPath: string) => VenueAbility[] = (path) => venueActions(actor, path),
): ResidentialArea {
  return {
    id: a.id,
    unitId: a.unit_id,
    unitName: a.unit_name,
    name: a.name,
    population: a.population,
    lng: a.lng,
    lat: a.lat,
    allowedActions: actionsOf(a.unit_path),
  };
}

/** A unit as a point on the map. */
export function presentMapUnit(u: Awaited<ReturnType<typeof listMappedUnits>>[number]) {
  return { id: u.id, name: u.name, level: u.level, lng: u.lng ?? 0, lat: u.lat ?? 0 };
}

/** A serving studio as a point on the map, with its categories. */
export function presentMapStudio(s: Awaited<ReturnType<typeof listServingStudios>>[number], categoryIds: number[]) {
  return { id: s.id, name: s.name, status: s.status, categoryIds, lng: s.lng ?? 0, lat: s.lat ?? 0 };
}
