import { z } from 'zod';
import { postKinds, unitLevels } from '../domain/org/units.ts';
import { paging } from './common.ts';

export const unitLevel = z.enum(unitLevels);
export const postKind = z.enum(postKinds);

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
});
export type OrgUnit = z.infer<typeof orgUnit>;

export const listOrgUnitsQuery = z.strictObject({
  /** The unit whose subtree to list; defaults to the actor's own unit. */
  under: z.coerce.number().int().positive().optional(),
  /** Chinese name, full pinyin or initials. */
  q: z.string().trim().max(50).optional(),
  level: unitLevel.optional(),
  ...paging,
});

export const createOrgUnitRequest = z.strictObject({
  parentId: z.number().int().positive(),
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

export const updateOrgUnitRequest = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  shortName: z.string().trim().min(1).max(100).optional(),
  postKind: postKind.optional(),
  lng: z.number().min(73).max(136).nullable().optional(),
  lat: z.number().min(3).max(54).nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
});
