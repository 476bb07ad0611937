import { z } from 'zod';
import { servedGroups, serviceModes } from '../domain/delivery/delivery.ts';
import { requestActions, requestStatuses } from '../domain/delivery/request-lifecycle.ts';
import { calendarDate, entityId, idText, instant, paging } from './common.ts';

export const servedGroup = z.enum(servedGroups);
export const serviceMode = z.enum(serviceModes);
export const requestStatus = z.enum(requestStatuses);
/** What the viewer may do with a request: the request lifecycle's transitions open to them now. */
export const requestAbility = z.enum(requestActions);
export type RequestAbility = z.infer<typeof requestAbility>;
/** What the viewer may do with a service record: correct it (its author, within the window) or add a follow-up. */
export const recordAbility = z.enum(['correct', 'addFeedback', 'showReceipt']);
export type RecordAbility = z.infer<typeof recordAbility>;
const lng = z.coerce.number().min(-180).max(180);
const lat = z.coerce.number().min(-90).max(90);

/** Where the resident is: the phone's position (WGS-84, as browsers give it) or a chosen community. */
export const nearestQuery = z.strictObject({
  categoryId: idText.optional(),
  lng: lng.optional(),
  lat: lat.optional(),
  datum: z.enum(['wgs84', 'gcj02']).default('wgs84'),
  unitId: idText.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const nearbyStudio = z.object({
  id: z.number().int(),
  name: z.string(),
  unitName: z.string(),
  categoryIds: z.array(z.number().int()),
  openingHours: z.string(),
  lng: z.number(),
  lat: z.number(),
  distanceM: z.number().int(),
});
export const nearestResult = z.object({
  origin: z.object({ lng: z.number(), lat: z.number() }),
  studios: z.array(nearbyStudio),
});

export const serviceRequestInput = z.strictObject({
  categoryId: entityId,
  text: z.string().trim().min(4).max(500),
  preferredTime: z.string().trim().max(100).default(''),
  unitId: entityId,
  residentName: z.string().trim().min(1).max(50),
  residentPhone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/),
  lng: lng.nullable().optional(),
  lat: lat.nullable().optional(),
  datum: z.enum(['wgs84', 'gcj02']).default('wgs84'),
});
/** Looking a request up without its full code: the phone number given and the code's last four characters. */
export const requestLookupInput = z.strictObject({
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/),
  codeTail: z
    .string()
    .trim()
    .regex(/^[2-9A-Za-z]{4}$/),
});
export const requestLookupResult = z.object({ trackingCode: z.string() });
export const serviceRequestCreated = z.object({
  trackingCode: z.string(),
  status: requestStatus,
  studioName: z.string().nullable(),
  duplicate: z.boolean(),
});

/** What a resident sees with the tracking code: no personal data but their own masked name. */
export const trackedRequest = z.object({
  trackingCode: z.string(),
  status: requestStatus,
  categoryId: z.number().int(),
  text: z.string(),
  residentName: z.string(),
  studio: z.object({ id: z.number().int(), name: z.string(), contactPhone: z.string().nullable() }).nullable(),
  events: z.array(z.object({ action: z.string(), at: z.string() })),
  canRate: z.boolean(),
  rating: z.object({ score: z.number().int(), comment: z.string() }).nullable(),
  createdAt: z.string(),
});

export const ratingInput = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500).default(''),
});

/**
 * The service a tracking or rating code names, as the rating form shows it. A walk-in's
 * receipt (服务回执, a record made without a request) expires; a request's tracking code does not.
 */
export const ratingTarget = z.object({
  studioId: z.number().int(),
  studioName: z.string(),
  servedAt: z.string(),
  kind: z.enum(['request', 'receipt']),
  categoryId: z.number().int(),
  expiresAt: z.string().nullable(),
  expired: z.boolean(),
  rating: z.object({ score: z.number().int(), comment: z.string() }).nullable(),
});

/** A walk-in's 服务回执 as the member shows or prints it: the code, the link its QR holds, and whether it was used. */
export const serviceReceipt = z.object({
  recordId: z.number().int(),
  code: z.string(),
  url: z.string(),
  studioName: z.string(),
  unitName: z.string(),
  servedAt: z.string(),
  categoryId: z.number().int(),
  mode: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
  rating: z.object({ score: z.number().int(), comment: z.string(), at: z.string() }).nullable(),
});
export const receiptPdfQuery = z.strictObject({ size: z.enum(['a6', 'a4']).default('a6') });

/** A request as members and staff see it; the resident's phone is masked unless the request is theirs to serve. */
export const serviceRequest = z.object({
  id: z.number().int(),
  trackingCode: z.string(),
  status: requestStatus,
  categoryId: z.number().int(),
  text: z.string(),
  preferredTime: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  residentName: z.string(),
  residentPhone: z.string(),
  studioId: z.number().int().nullable(),
  studioName: z.string().nullable(),
  createdAt: z.string(),
  allowedActions: z.array(requestAbility),
});
export const listRequestsQuery = z.strictObject({
  status: requestStatus.optional(),
  studioId: idText.optional(),
  under: idText.optional(),
  ...paging,
});
export const declineRequest = z.strictObject({ reason: z.string().trim().min(1).max(500) });

const recordFields = {
  servedAt: instant,
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  recipientName: z.string().trim().max(50).nullable().optional(),
  groups: z.array(servedGroup).min(1).max(9),
  categoryId: entityId,
  mode: serviceMode,
  content: z.string().trim().min(1).max(1000),
  /** 人次: a class of 30 counts 30. */
  personTimes: z.number().int().min(1).max(100_000),
};
export const recordInput = z.strictObject({
  studioId: entityId,
  requestId: entityId.nullable().optional(),
  ...recordFields,
});
export const recordCorrection = z.strictObject(recordFields);
export const feedbackInput = z.strictObject({
  onDate: calendarDate,
  result: z.string().trim().min(1).max(500),
});

export const serviceRecord = z.object({
  id: z.number().int(),
  studioId: z.number().int(),
  studioName: z.string(),
  unitName: z.string(),
  authorName: z.string(),
  requestId: z.number().int().nullable(),
  ratingCode: z.string(),
  servedAt: z.string(),
  durationMinutes: z.number().int(),
  recipientName: z.string().nullable(),
  groups: z.array(servedGroup),
  categoryId: z.number().int(),
  mode: serviceMode,
  content: z.string(),
  personTimes: z.number().int(),
  createdAt: z.string(),
  /** Brought in from a paper record book by a history import. */
  imported: z.boolean(),
  feedback: z.array(z.object({ onDate: z.string(), result: z.string(), at: z.string() })),
  revisions: z.number().int(),
  correctable: z.boolean(),
  allowedActions: z.array(recordAbility),
});
export const listRecordsQuery = z.strictObject({
  under: idText.optional(),
  studioId: idText.optional(),
  categoryId: idText.optional(),
  group: servedGroup.optional(),
  mode: serviceMode.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  mine: z.enum(['1']).optional(),
  ...paging,
});
export const recordStats = z.object({
  records: z.number().int(),
  personTimes: z.number().int(),
  byGroup: z.array(z.object({ group: servedGroup, records: z.number().int(), personTimes: z.number().int() })),
  byCategory: z.array(
    z.object({ categoryId: z.number().int(), records: z.number().int(), personTimes: z.number().int() }),
  ),
});
