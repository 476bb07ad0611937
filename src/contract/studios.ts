import { z } from 'zod';
import { studioActions, studioStatuses } from '../domain/studios/lifecycle.ts';
import { calendarDate, entityId, idText, paging } from './common.ts';
import { role } from './auth.ts';

export const studioStatus = z.enum(studioStatuses);
export const studioAction = z.enum(studioActions);

/** What a viewer may do with a studio now: a lifecycle action, or `edit` for a draft. */
export const studioAbility = z.enum([...studioActions, 'edit']);
export type StudioAbility = z.infer<typeof studioAbility>;
const date = calendarDate;
const text = (max: number) => z.string().trim().max(max);
const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/);

// Categories moved to their own contract; re-exported for the studio screens that name them.
export { category, categoryInput, type Category } from './categories.ts';

/** An application for a studio (申办 / 推荐), also used to edit a draft. No field can hold a fee. */
export const studioApplication = z.strictObject({
  name: text(100).min(1),
  unitId: entityId,
  categoryIds: z.array(entityId).min(1).max(5),
  serviceItems: z
    .array(z.strictObject({ title: text(100).min(1), description: text(500).default('') }))
    .min(1)
    .max(20),
  description: text(1000).default(''),
  venueAddress: text(200).min(1),
  openingHours: text(200).min(1),
  contactPhone: phone.nullable().optional(),
  lng: z.number().min(73).max(136).nullable().optional(),
  lat: z.number().min(3).max(54).nullable().optional(),
  staffingMode: z.enum(['single', 'team']),
  leaderVolunteerId: entityId,
  memberVolunteerIds: z.array(entityId).max(30).default([]),
  qualifications: z
    .array(
      z.strictObject({
        holder: text(100).min(1),
        title: text(100).min(1),
        issuer: text(100).default(''),
        attachmentId: entityId.nullable().optional(),
      }),
    )
    .max(20)
    .default([]),
});
export type StudioApplication = z.infer<typeof studioApplication>;

/** One checklist item; `pass` is null (or left out) until the reviewer judges it, and a review needs all judged. */
const checkItem = z
  .strictObject({ pass: z.boolean().nullable().default(null), comment: text(500).default('') })
  .default({ pass: null, comment: '' });
export const reviewRequest = z.strictObject({
  politicalQuality: checkItem,
  professionalSpecialty: checkItem,
  serviceItems: checkItem,
  decision: z.enum(['pass', 'fail']),
  reason: text(500).optional(),
});
export const contractRequest = z.strictObject({
  termStart: date,
  termEnd: date,
  signatories: z
    .array(z.strictObject({ party: text(50).min(1), name: text(100).min(1) }))
    .min(2)
    .max(6),
});
export const plaqueRequest = z.strictObject({ plaqueNumber: text(32).min(3).optional(), awardedOn: date });
export const rectifyRequest = z.strictObject({
  kind: z.enum(['drift_bureaucratic', 'drift_profit', 'other']),
  findings: text(1000).min(1),
  deadline: date,
});
export const completeRectificationRequest = z.strictObject({ outcome: text(1000).min(1) });
export const revokeRequest = z.strictObject({ reason: text(500).min(1), decidedOn: date });
export const closeRequest = z.strictObject({ reason: text(500).min(1) });
export const renewRequest = z.strictObject({ termEnd: date });

export const listStudiosQuery = z.strictObject({
  under: idText.optional(),
  status: studioStatus.optional(),
  categoryId: idText.optional(),
  q: z.string().trim().max(50).optional(),
  /** Only studios the signed-in member applied for or leads. */
  mine: z.enum(['1', 'true']).optional(),
  ...paging,
});

/** A studio in a list. */
export const studioSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  status: studioStatus,
  unitId: z.number().int(),
  unitName: z.string(),
  leaderName: z.string().nullable(),
  categoryIds: z.array(z.number().int()),
  plaqueNumber: z.string().nullable(),
  termEnd: z.string().nullable(),
  statusChangedAt: z.string(),
});
export type StudioSummary = z.infer<typeof studioSummary>;

const review = z.object({
  stage: z.enum(['community', 'street']),
  politicalQuality: z.object({ pass: z.boolean(), comment: z.string() }),
  professionalSpecialty: z.object({ pass: z.boolean(), comment: z.string() }),
  serviceItems: z.object({ pass: z.boolean(), comment: z.string() }),
  decision: z.enum(['pass', 'fail']),
  reason: z.string().nullable(),
  reviewerName: z.string(),
  at: z.string(),
});

/** A studio with its application, reviews, contract, plaque, history, and what the viewer may do next. */
export const studioDetail = studioSummary.extend({
  description: z.string(),
  venueAddress: z.string(),
  openingHours: z.string(),
  contactPhone: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  staffingMode: z.enum(['single', 'team']),
  origin: z.enum(['self', 'recommended']),
  recommendedByUnitName: z.string().nullable(),
  applicantName: z.string(),
  termStart: z.string().nullable(),
  statusReason: z.string().nullable(),
  serviceItems: z.array(z.object({ title: z.string(), description: z.string() })),
  members: z.array(
    z.object({
      volunteerId: z.number().int(),
      name: z.string(),
      role: z.enum(['leader', 'member']),
      phone: z.string().nullable(),
    }),
  ),
  qualifications: z.array(
    z.object({ holder: z.string(), title: z.string(), issuer: z.string(), attachmentId: z.number().int().nullable() }),
  ),
  reviews: z.array(review),
  contracts: z.array(
    z.object({
      number: z.string(),
      termStart: z.string(),
      termEnd: z.string(),
      renewal: z.boolean(),
      signatories: z.array(z.object({ party: z.string(), name: z.string() })),
      signedAt: z.string(),
    }),
  ),
  plaques: z.array(
    z.object({
      number: z.string(),
      awardedOn: z.string(),
      retiredOn: z.string().nullable(),
      retiredReason: z.string().nullable(),
    }),
  ),
  rectifications: z.array(
    z.object({
      kind: z.string(),
      findings: z.string(),
      deadline: z.string(),
      openedAt: z.string(),
      closedAt: z.string().nullable(),
      outcome: z.string().nullable(),
    }),
  ),
  history: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actorName: z.string().nullable(),
      /** The role of the account that took the step (null for the system). */
      actorRole: role.nullable(),
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
  allowedActions: z.array(studioAbility),
});
export type StudioDetail = z.infer<typeof studioDetail>;

export const studioIdParam = z.strictObject({ id: idText });

/** Where to pick an application's party members: the actor's own unit, or a unit inside it. */
export const studioCandidatesQuery = z.strictObject({ under: idText.optional() });

/** A party member an application may name as leader or member: what the picker shows, nothing more. */
export const studioCandidate = z.object({
  id: z.number().int(),
  name: z.string(),
  profession: z.string().nullable(),
  /** The member's own account, so a member applying finds themself. */
  accountId: z.number().int().nullable(),
});
export type StudioCandidate = z.infer<typeof studioCandidate>;
