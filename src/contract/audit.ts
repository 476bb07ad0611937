import { z } from 'zod';
import { calendarDate, idText, instant, paging } from './common.ts';

/** One audit entry. Before/after are the changed object's fields, personal data already masked. */
export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** A day, or an instant (the console sends the start of the chosen day in UTC). */
const isoDate = z.union([calendarDate, instant]);

export const listAuditQuery = z.strictObject({
  entity: z.string().trim().max(32).optional(),
  action: z.string().trim().max(64).optional(),
  actorId: idText.optional(),
  entityId: z.string().trim().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...paging,
});
