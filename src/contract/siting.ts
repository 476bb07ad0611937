import { z } from 'zod';
import { entityId, idText } from './common.ts';
import { venueTypes } from '../domain/siting/coverage.ts';

/** The kinds of place a studio could sit in. */
export const venueType = z.enum(venueTypes);
const lng = z.number().min(73).max(136);
const lat = z.number().min(3).max(54);

/** What a viewer may do with a venue or a residential area (both are edited under the `venue` rules). */
export const venueAbility = z.enum(['update']);
export type VenueAbility = z.infer<typeof venueAbility>;

/** A place a studio could sit in. Coordinates are GCJ-02, like the shipped Xinluo data. */
export const venue = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  type: venueType,
  name: z.string(),
  address: z.string(),
  lng: z.number(),
  lat: z.number(),
  allowedActions: z.array(venueAbility),
});
export type Venue = z.infer<typeof venue>;
/** A venue as admins add or edit it. */
export const venueInput = z.strictObject({
  unitId: entityId,
  type: venueType,
  name: z.string().trim().min(1).max(100),
  address: z.string().trim().max(200).default(''),
  lng,
  lat,
});

/** A residential area with its estimated population. */
export const residentialArea = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  name: z.string(),
  population: z.number().int(),
  lng: z.number(),
  lat: z.number(),
  allowedActions: z.array(venueAbility),
});
export type ResidentialArea = z.infer<typeof residentialArea>;
/** A residential area as admins add or edit it. */
export const residentialAreaInput = z.strictObject({
  unitId: entityId,
  name: z.string().trim().min(1).max(100),
  population: z.number().int().min(0).max(1_000_000),
  lng,
  lat,
});

/** A unit inside the actor's subtree to narrow a list to. */
export const underQuery = z.strictObject({ under: idText.optional() });

/** The category, subtree, radius and number of sites to recommend. */
export const coverageQuery = z.strictObject({
  categoryId: idText,
  under: idText.optional(),
  /** Walking radius in metres; the configured default when absent. */
  radius: z.coerce.number().int().min(100).max(10_000).optional(),
  picks: z.coerce.number().int().min(1).max(50).default(5),
});

/** Who is covered, who is not, and the recommended sites with their gains. */
export const coverageResult = z.object({
  categoryId: z.number().int(),
  radius: z.number().int(),
  totalPopulation: z.number().int(),
  coveredPopulation: z.number().int(),
  /** Serving studios of the category within the radius of at least one area, whatever their unit. */
  servingStudios: z.number().int(),
  uncovered: z.array(residentialArea),
  recommendations: z.array(z.object({ venue, gain: z.number().int(), areaIds: z.array(z.number().int()) })),
});

/** What the map draws: units with a point, venues, serving studios and residential areas. */
export const mapLayers = z.object({
  units: z.array(
    z.object({ id: z.number().int(), name: z.string(), level: z.string(), lng: z.number(), lat: z.number() }),
  ),
  venues: z.array(venue),
  areas: z.array(residentialArea),
  studios: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      status: z.string(),
      categoryIds: z.array(z.number().int()),
      lng: z.number(),
      lat: z.number(),
    }),
  ),
});

/** Map settings: the tile source and the default walking radius. Keys are stored server-side, set by district admins. */
export const tileSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({
    kind: z.literal('osm'),
    url: z
      .string()
      .trim()
      .regex(/^https?:\/\/.+\{z\}.+\{x\}.+\{y\}/)
      .max(300),
    attribution: z.string().trim().max(200).default(''),
  }),
  z.strictObject({ kind: z.literal('tianditu'), key: z.string().trim().min(8).max(64) }),
  z.strictObject({ kind: z.literal('amap'), key: z.string().trim().max(64).default('') }),
]);
/** The stored map settings. */
export const mapSettings = z.object({ tiles: tileSource, coverageRadiusM: z.number().int().min(100).max(10_000) });
/** Map settings as a district admin sets them. */
export const mapSettingsInput = z.strictObject({
  tiles: tileSource,
  coverageRadiusM: z.number().int().min(100).max(10_000),
});
