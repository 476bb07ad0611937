import { z } from 'zod';
import { postKinds, unitLevels } from '../domain/org-units/units.ts';
import { entityId, idText, paging } from './common.ts';
import { volunteerKind } from './registry.ts';
import { venueType } from './siting.ts';
import { studioStatus } from './studios.ts';

/** The levels of the org tree. */
export const unitLevel = z.enum(unitLevels);
/** The kind of post a unit runs. */
export const postKind = z.enum(postKinds);

/** What the actor may do with a unit now: edit it, or add a unit under it. */
export const orgUnitAbility = z.enum(['update', 'create']);
export type OrgUnitAbility = z.infer<typeof orgUnitAbility>;

/** An org unit as lists and the tree show it. */
export const orgUnit = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  level: unitLevel,
  postKind,
  parentId: z.number().int().nullable(),
  depth: z.number().int(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  address: z.string().nullable(),
  hasChildren: z.boolean(),
  /** The units above it inside the reader's scope, the reader's own unit first: a search result's trail. */
  ancestors: z.array(z.object({ id: z.number().int(), shortName: z.string() })),
  allowedActions: z.array(orgUnitAbility),
});
export type OrgUnit = z.infer<typeof orgUnit>;

/** A few items of one kind in a unit's subtree and how many there are in all. */
function sample<T extends z.ZodType>(item: T) {
  return z.object({ total: z.number().int(), items: z.array(item) });
}

/**
 * A unit's page: the unit and, in its subtree, its studios, people (registry records), needs
 * and venues, each counted with its first few; null for a kind the reader may not read.
 */
export const orgUnitSummary = z.object({
  unit: orgUnit,
  studios: sample(
    z.object({ id: z.number().int(), name: z.string(), status: studioStatus, unitName: z.string() }),
  ).nullable(),
  people: sample(
    z.object({ id: z.number().int(), name: z.string(), kind: volunteerKind, unitName: z.string() }),
  ).nullable(),
  needs: sample(
    z.object({ id: z.number().int(), text: z.string(), recordedOn: z.string(), unitName: z.string() }),
  ).nullable(),
  venues: sample(
    z.object({ id: z.number().int(), name: z.string(), type: venueType, unitName: z.string() }),
  ).nullable(),
});
export type OrgUnitSummary = z.infer<typeof orgUnitSummary>;

/** Filters of the unit list: a subtree, a search text, a level. */
export const listOrgUnitsQuery = z.strictObject({
  /** The unit whose subtree to list; defaults to the actor's own unit. */
  under: idText.optional(),
  /** Chinese name, full pinyin or initials. */
  q: z.string().trim().max(50).optional(),
  level: unitLevel.optional(),
  ...paging,
});

/** A new unit under one in scope. */
export const createOrgUnitRequest = z.strictObject({
  parentId: entityId,
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{1,32}$/),
  name: z.string().trim().min(1).max(100),
  shortName: z.string().trim().min(1).max(100).optional(),
  level: unitLevel,
  postKind: postKind.optional(),
  lng: z.number().min(73).max(136).nullable().optional(),
  lat: z.number().min(3).max(54).nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
});

/** The fields of a unit an admin may edit (its code and place in the tree stay). */
export const updateOrgUnitRequest = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  shortName: z.string().trim().min(1).max(100).optional(),
  postKind: postKind.optional(),
  lng: z.number().min(73).max(136).nullable().optional(),
  lat: z.number().min(3).max(54).nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
});
