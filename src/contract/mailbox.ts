import { z } from 'zod';
import { closures, findings, letterTypes, verdicts } from '../domain/mailbox/letters.ts';
import { letterActions, letterStaffActions, letterStatuses } from '../domain/mailbox/lifecycle.ts';
import { calendarDate, entityId, idText, paging } from './common.ts';

export const letterType = z.enum(letterTypes);
export const letterStatus = z.enum(letterStatuses);
export const letterAction = z.enum(letterActions);
export const verdict = z.enum(verdicts);
export const finding = z.enum(findings);
export const closure = z.enum(closures);

/** What a staff viewer may do with a letter now: the lifecycle's staff transitions. */
export const letterAbility = z.enum(letterStaffActions);
export type LetterAbility = z.infer<typeof letterAbility>;

const date = calendarDate;
const text = (max: number) => z.string().trim().max(max);
const mobile = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/);

/** The most a photo may weigh before re-encoding; base64 in JSON is a third larger. */
export const MAX_PHOTO_BYTES = 5 * 1_048_576;
/** Photos per letter. */
export const MAX_PHOTOS = 3;
// Base64 of a photo a little over the limit, so the service can answer PHOTO_TOO_LARGE in words.
const MAX_PHOTO_CHARS = Math.ceil((MAX_PHOTO_BYTES * 1.2) / 3) * 4 + 64;

/**
 * A letter as the writer sends it, without an account: about a studio (`studioId`) or about
 * the service in general in a community they choose (`unitId`); name and phone optional.
 * Photos are base64 (a `data:image/…;base64,` prefix is allowed).
 */
export const letterInput = z.strictObject({
  type: letterType,
  studioId: entityId.optional(),
  unitId: entityId.optional(),
  text: text(2000).min(5),
  writerName: text(50).optional(),
  writerPhone: mobile.optional(),
  photos: z.array(z.string().max(MAX_PHOTO_CHARS)).max(MAX_PHOTOS).default([]),
});
export type NewLetter = z.infer<typeof letterInput>;

/** The largest body the write route accepts: three photos at their limit and the text. */
export const LETTER_BODY_LIMIT = MAX_PHOTOS * MAX_PHOTO_CHARS + 65_536;

const forwarded = z.object({ to: z.string(), on: z.string() });

/** The answer to a written letter: its tracking code (the same one again for a duplicate). */
export const letterCreated = z.object({
  trackingCode: z.string(),
  status: letterStatus,
  forwarded: forwarded.nullable(),
  duplicate: z.boolean(),
});

/** A tracking code in a path. */
export const trackingCodeParam = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[2-9A-Za-z]{6,16}$/),
});

/** A letter as its writer follows it by tracking code: no staff names, no internal notes. */
export const trackedLetter = z.object({
  trackingCode: z.string(),
  type: letterType,
  status: letterStatus,
  studioName: z.string().nullable(),
  unitName: z.string(),
  receivedOn: z.string(),
  text: z.string(),
  photoCount: z.number().int(),
  /** When the street's next answer is due (acknowledgement or reply), while one is owed. */
  nextDue: z.string().nullable(),
  extension: z.object({ days: z.number().int(), reason: z.string() }).nullable(),
  replies: z.array(z.object({ round: z.number().int(), text: z.string(), at: z.string() })),
  firstVerdict: verdict.nullable(),
  verdict: verdict.nullable(),
  canRate: z.boolean(),
  ratingDue: z.string().nullable(),
  ruling: z.object({ finding, reason: z.string() }).nullable(),
  forwarded: forwarded.nullable(),
  closure: closure.nullable(),
  timeline: z.array(z.object({ action: z.string(), at: z.string(), note: z.string().nullable() })),
});
export type TrackedLetter = z.infer<typeof trackedLetter>;

/** The writer's verdict on the handling. */
export const letterRatingInput = z.strictObject({ verdict, comment: text(500).default('') });

export const listLettersQuery = z.strictObject({
  under: idText.optional(),
  status: letterStatus.optional(),
  type: letterType.optional(),
  studioId: idText.optional(),
  /** Only open letters, only those past a deadline, only those escalated, only mine (as handler). */
  open: z.enum(['1', 'true']).optional(),
  overdue: z.enum(['1', 'true']).optional(),
  escalated: z.enum(['1', 'true']).optional(),
  mine: z.enum(['1', 'true']).optional(),
  ...paging,
});

const ref = z.object({ id: z.number().int(), name: z.string() });

/** A letter in the street's queue: deadlines, flags, masked writer, and what the viewer may do. */
export const letterSummary = z.object({
  id: z.number().int(),
  trackingCode: z.string(),
  type: letterType,
  status: letterStatus,
  studio: ref.nullable(),
  unit: ref,
  street: ref,
  excerpt: z.string(),
  writerName: z.string().nullable(),
  hasPhone: z.boolean(),
  handler: ref.nullable(),
  receivedOn: z.string(),
  ackDue: z.string(),
  replyDue: z.string(),
  nextDue: z.string().nullable(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  extended: z.boolean(),
  verdict: verdict.nullable(),
  finding: finding.nullable(),
  closure: closure.nullable(),
  allowedActions: z.array(letterAbility),
});
export type LetterSummary = z.infer<typeof letterSummary>;

/** One letter with its text, photos, timeline and the writer's data masked. */
export const letterDetail = letterSummary.extend({
  text: z.string(),
  writerPhone: z.string().nullable(),
  round: z.number().int(),
  photos: z.array(
    z.object({ id: z.number().int(), width: z.number().int(), height: z.number().int(), size: z.number().int() }),
  ),
  extension: z.object({ days: z.number().int(), reason: z.string() }).nullable(),
  ratingDue: z.string().nullable(),
  firstVerdict: verdict.nullable(),
  ruling: z.object({ finding, reason: z.string() }).nullable(),
  forwarded: forwarded.nullable(),
  escalatedOn: z.string().nullable(),
  timeline: z.array(
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
export type LetterDetail = z.infer<typeof letterDetail>;

/** The writer's name and phone unmasked; reading them is audited. */
export const letterContact = z.object({ writerName: z.string().nullable(), writerPhone: z.string().nullable() });

export const letterPhotoParam = z.strictObject({
  id: idText,
  photoId: idText,
});

export const assignRequest = z.strictObject({ handlerId: entityId });
export const acknowledgeRequest = z.strictObject({ note: text(500).default('') });
export const extendRequest = z.strictObject({ days: z.number().int().min(1).max(30), reason: text(500).min(1) });
export const replyRequest = z.strictObject({ text: text(2000).min(1) });
export const ruleRequest = z.strictObject({ finding, reason: text(1000).min(1) });

/** Staff of the letter's street who may be named its handler. */
export const letterHandler = z.object({ id: z.number().int(), username: z.string(), displayName: z.string() });

const days = (max: number) => z.number().int().min(1).max(max);
const deadline = z.strictObject({ acknowledge: days(60), reply: days(60) });

/** The district's mailbox settings: deadlines per type (working days), escalation, rating window, 三率 weights. */
export const mailboxSettings = z.strictObject({
  deadlines: z.strictObject({ complaint: deadline, suggestion: deadline, praise: deadline }),
  extensionMaxDays: days(30),
  escalateAfterDays: days(30),
  ratingWindowDays: days(60),
  weights: z.strictObject({
    response: z.number().min(0).max(100),
    resolution: z.number().min(0).max(100),
    satisfaction: z.number().min(0).max(100),
  }),
  basicSatisfiedWeight: z.number().min(0).max(1),
  minRatedToRank: z.number().int().min(1).max(1000),
  disciplineBody: text(100).min(1),
});

/** A day off the district added. */
export const dayOff = z.object({ day: z.string(), reason: z.string(), createdAt: z.string() });
export const dayOffInput = z.strictObject({ day: date, reason: text(200).min(1) });
export const dayParam = z.strictObject({ day: date });

export const ratesQuery = z.strictObject({
  from: date,
  to: date,
  by: z.enum(['street', 'studio']).default('street'),
  under: idText.optional(),
});

const rateFigures = {
  letters: z.number().int(),
  due: z.number().int(),
  acknowledgedOnTime: z.number().int(),
  rated: z.number().int(),
  resolved: z.number().int(),
  satisfied: z.number().int(),
  basic: z.number().int(),
  unsatisfied: z.number().int(),
  substantiated: z.number().int(),
  responseRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  composite: z.number().nullable(),
  tooFewToRank: z.boolean(),
};

/** 三率 per street or per studio for a period, with the settings they were computed with. */
export const ratesResult = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(['street', 'studio']),
  weights: z.object({ response: z.number(), resolution: z.number(), satisfaction: z.number() }),
  basicSatisfiedWeight: z.number(),
  minRatedToRank: z.number().int(),
  rows: z.array(z.object({ id: z.number().int(), name: z.string(), streetName: z.string(), ...rateFigures })),
  total: z.object(rateFigures),
});
export type RatesResult = z.infer<typeof ratesResult>;
