import { z } from 'zod';
import { paging } from './common.ts';

export const volunteerKind = z.enum(['party_member', 'talent', 'stationed_unit', 'civic_organisation']);

/** A person or organisation in the registry; the phone is masked unless the viewer's role needs it. */
export const volunteer = z.object({
  id: z.number().int(),
  kind: volunteerKind,
  name: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  phone: z.string().nullable(),
  profession: z.string().nullable(),
  partyBranch: z.string().nullable(),
  accountId: z.number().int().nullable(),
  screeningStatus: z.string(),
});

export const listVolunteersQuery = z.strictObject({
  under: z.coerce.number().int().positive().optional(),
  kind: volunteerKind.optional(),
  q: z.string().trim().max(50).optional(),
  ...paging,
});
