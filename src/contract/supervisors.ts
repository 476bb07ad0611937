import { z } from 'zod';
import { supervisorActions, supervisorStatuses } from '../domain/inspections/supervisors.ts';
import { calendarDate, entityId, idText, paging } from './common.ts';

export const supervisorStatus = z.enum(supervisorStatuses);

/** What a viewer may do with a roster entry: its lifecycle, editing, the unmasked phone (logged), the 聘书. */
export const supervisorAbility = z.enum([...supervisorActions, 'edit', 'revealPhone', 'printLetter']);
export type SupervisorAbility = z.infer<typeof supervisorAbility>;

const date = calendarDate;
const mobile = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/);
const cardNumber = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}-]{3,32}$/u);

/** A supervisor's details as the street edits them. */
export const supervisorDetails = z.strictObject({
  name: z.string().trim().min(1).max(50),
  phone: mobile,
  /** The community the supervisor lives in (a unit of their street); null when not known. */
  communityId: entityId.nullable(),
  cardNumber: cardNumber.optional(),
});

/** Appointing a supervisor: the supervisor account they sign in with, their details and term. */
export const appointSupervisor = supervisorDetails.extend({
  accountId: entityId,
  appointedOn: date,
  /** The last day of the term; two years from the appointment when absent. */
  termEnd: date.optional(),
});
export type AppointSupervisor = z.infer<typeof appointSupervisor>;

export const renewSupervisor = z.strictObject({ termEnd: date.optional() });
export const dismissSupervisor = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const listSupervisorsQuery = z.strictObject({
  under: idText.optional(),
  status: supervisorStatus.optional(),
  q: z.string().trim().max(50).optional(),
  ...paging,
});

/** A supervisor's record: inspections done, on time, overdue; inactive after two quarters without one. */
export const supervisorActivity = z.object({
  done: z.number().int(),
  onTime: z.number().int(),
  overdue: z.number().int(),
  inactive: z.boolean(),
});

/** A roster entry; the phone is masked (its unmasked read is a separate, logged route). */
export const supervisor = z.object({
  id: z.number().int(),
  streetId: z.number().int(),
  streetName: z.string(),
  accountId: z.number().int(),
  username: z.string(),
  name: z.string(),
  phone: z.string(),
  communityId: z.number().int().nullable(),
  communityName: z.string().nullable(),
  cardNumber: z.string(),
  appointedOn: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  status: supervisorStatus,
  statusReason: z.string().nullable(),
  activity: supervisorActivity,
  allowedActions: z.array(supervisorAbility),
});
export type Supervisor = z.infer<typeof supervisor>;

export const supervisorContact = z.object({ id: z.number().int(), name: z.string(), phone: z.string() });
