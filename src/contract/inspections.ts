import { z } from 'zod';
import { ratings } from '../domain/inspections/checklist.ts';
import { inspectionActions, inspectionStatuses } from '../domain/inspections/lifecycle.ts';
import { proposalActions, proposalStatuses } from '../domain/inspections/proposal.ts';
import { calendarDate, entityId, idText, instant, paging } from './common.ts';

export const inspectionStatus = z.enum(inspectionStatuses);
export const rating = z.enum(ratings);
/** What a viewer may do with an inspection now. */
export const inspectionAbility = z.enum(inspectionActions);
export type InspectionAbility = z.infer<typeof inspectionAbility>;
export const proposalStatus = z.enum(proposalStatuses);
/** What a viewer may do with a rectification proposal now. */
export const proposalAbility = z.enum(proposalActions);
export type ProposalAbility = z.infer<typeof proposalAbility>;

const quarter = z.string().regex(/^(19|2[01])\d{2}-Q[1-4]$/, 'YYYY-Qn');
const date = calendarDate;
const title = z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() });

/** One item of the checklist. */
export const checklistItem = z.object({ code: z.string(), title, weight: z.number().int() });

/** A version of the district's checklist, with the total below which rectification is proposed. */
export const checklist = z.object({
  version: z.number().int(),
  threshold: z.number().int(),
  items: z.array(checklistItem),
  createdAt: z.string(),
});
export type Checklist = z.infer<typeof checklist>;

/** A new version of the checklist, as the district writes it. */
export const checklistInput = z.strictObject({
  threshold: z.number().int().min(0).max(100),
  items: z
    .array(
      z.strictObject({
        code: z
          .string()
          .trim()
          .regex(/^[a-z][a-z0-9_]{1,31}$/),
        title: z.strictObject({
          'zh-CN': z.string().trim().min(1).max(50),
          'zh-TW': z.string().trim().min(1).max(50),
          en: z.string().trim().min(1).max(100),
        }),
        weight: z.number().int().min(1).max(100),
      }),
    )
    .min(1)
    .max(20),
});

export const checklistVersionParam = z.strictObject({
  version: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, 'positive decimal version')
    .transform(Number)
    .pipe(z.number().int().max(100_000)),
});

/** The supervisor's rating of one item, with a note. */
export const itemRating = z.strictObject({
  code: z.string().trim().min(1).max(32),
  rating,
  note: z.string().trim().max(500).default(''),
});

/** Where the supervisor stood, when they allowed the phone to tell (WGS-84 as browsers give it). */
export const position = z.strictObject({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  datum: z.enum(['wgs84', 'gcj02']).default('wgs84'),
});

/** At most six photos, each base64 (or a data URL); the server re-encodes them. 5 MB each before encoding. */
export const MAX_PHOTOS = 6;
const photos = z.array(z.string().min(16).max(7_000_000)).max(MAX_PHOTOS);

/** The inspection form: when, the rating of every item, photos and, optionally, the position. */
export const inspectionReport = z.strictObject({
  visitedAt: instant,
  ratings: z.array(itemRating).min(1).max(20),
  photos: photos.default([]),
  position: position.nullable().optional(),
});
/** A correction: the same form; photos, when sent, replace the earlier ones. */
export const inspectionCorrection = inspectionReport.extend({ photos: photos.optional() });

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .trim()
    .regex(/^[\w.:-]{8,64}$/),
});

export const reassignRequest = z.strictObject({
  supervisorId: entityId,
  note: z.string().trim().max(500).optional(),
});
export const cancelRequest = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const planRequest = z.strictObject({ streetId: entityId.optional() });

export const listInspectionsQuery = z.strictObject({
  quarter: quarter.optional(),
  under: idText.optional(),
  status: inspectionStatus.optional(),
  supervisorId: idText.optional(),
  studioId: idText.optional(),
  /** Only inspections not done by their quarter's end. */
  overdue: z.enum(['1', 'true']).optional(),
  ...paging,
});

/** An inspection in a list: where, who, its state and total. */
export const inspectionSummary = z.object({
  id: z.number().int(),
  quarter: z.string(),
  studioId: z.number().int(),
  studioName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  streetId: z.number().int(),
  supervisorId: z.number().int(),
  supervisorName: z.string(),
  status: inspectionStatus,
  dueOn: z.string(),
  /** Not done by the quarter's end (done late, or still not done). */
  overdue: z.boolean(),
  total: z.number().nullable(),
  visitedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  allowedActions: z.array(inspectionAbility),
});
export type InspectionSummary = z.infer<typeof inspectionSummary>;

/** A rectification proposal made by a low inspection total. */
export const proposal = z.object({
  id: z.number().int(),
  inspectionId: z.number().int(),
  quarter: z.string(),
  studioId: z.number().int(),
  studioName: z.string(),
  unitName: z.string(),
  streetId: z.number().int(),
  total: z.number(),
  threshold: z.number().int(),
  status: proposalStatus,
  reason: z.string().nullable(),
  deadline: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  allowedActions: z.array(proposalAbility),
});
export type Proposal = z.infer<typeof proposal>;

/** An inspection with the checklist it used (or will use), its ratings, photos and history. */
export const inspectionDetail = inspectionSummary.extend({
  checklist,
  ratings: z.array(z.object({ code: z.string(), rating, note: z.string() })).nullable(),
  position: z.object({ lng: z.number(), lat: z.number() }).nullable(),
  photos: z.array(z.object({ position: z.number().int(), url: z.string() })),
  correctedAt: z.string().nullable(),
  correctableUntil: z.string().nullable(),
  cancelReason: z.string().nullable(),
  proposal: proposal.nullable(),
  history: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type InspectionDetail = z.infer<typeof inspectionDetail>;

export const photoParam = z.strictObject({
  id: idText,
  position: z.coerce.number().int().min(1).max(MAX_PHOTOS),
});

/** What planning a street's quarter did. */
export const planResult = z.object({
  quarter: z.string(),
  streetId: z.number().int(),
  created: z.number().int(),
  planned: z.number().int(),
  unassigned: z.array(z.object({ studioId: z.number().int(), studioName: z.string() })),
});

export const coverageQuery = z.strictObject({
  quarter: quarter.optional(),
  under: idText.optional(),
});

/** Per street: studios that served in the quarter, how many were inspected, and which were not. */
export const coverage = z.object({
  quarter: z.string(),
  streets: z.array(
    z.object({
      streetId: z.number().int(),
      streetName: z.string(),
      studios: z.number().int(),
      inspected: z.number().int(),
      planned: z.number().int(),
      overdue: z.number().int(),
      uninspected: z.array(z.object({ studioId: z.number().int(), studioName: z.string(), unitName: z.string() })),
    }),
  ),
});

export const listProposalsQuery = z.strictObject({
  under: idText.optional(),
  status: proposalStatus.optional(),
  ...paging,
});
export const confirmProposalRequest = z.strictObject({
  deadline: date,
  findings: z.string().trim().min(1).max(1000).optional(),
});
export const rejectProposalRequest = z.strictObject({ reason: z.string().trim().min(1).max(500) });
