import { z } from 'zod';
import { entityId } from './common.ts';
import { studioStatus } from './studios.ts';
import { commitment } from './commitments.ts';

/** A studio as residents see it: no personal data beyond the public service contact. */
export const publicStudio = z.object({
  id: z.number().int(),
  name: z.string(),
  status: studioStatus,
  /** True while the studio holds its plaque and serves; a revoked or closed studio says so. */
  serving: z.boolean(),
  statusNote: z.string().nullable(),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  categoryIds: z.array(z.number().int()),
  description: z.string(),
  serviceItems: z.array(z.object({ title: z.string(), description: z.string() })),
  members: z.array(z.object({ name: z.string(), role: z.enum(['leader', 'member']) })),
  openingHours: z.string(),
  venueAddress: z.string(),
  contactPhone: z.string().nullable(),
  plaqueNumber: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  commitments: z.array(commitment.pick({ id: true, kind: true, text: true, target: true, publishedAt: true })),
  /** The page's address for a QR code or a link; null until the district sets the public address. */
  publicUrl: z.string().nullable(),
  /** Commendations (通报表扬) the district confirmed, newest first, with the notice that named each once issued. */
  commendations: z.array(
    z.object({
      quarter: z.string(),
      noticeNumber: z.string().nullable(),
      issuedOn: z.string().nullable(),
      issuer: z.string().nullable(),
    }),
  ),
});
export type PublicStudio = z.infer<typeof publicStudio>;

/** A community's bulletin board (公告栏): every serving studio with its commitments. */
export const bulletinBoard = z.object({
  unit: z.object({ id: z.number().int(), name: z.string(), parentName: z.string().nullable() }),
  studios: z.array(publicStudio),
  generatedAt: z.string(),
});

export const publicUnit = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string(),
  level: z.string(),
  parentName: z.string().nullable(),
});
export const publicUnitsQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** A serving studio found by name, as a resident picks it (to write a letter about it). */
export const publicStudioHit = z.object({
  id: z.number().int(),
  name: z.string(),
  unit: z.object({ id: z.number().int(), name: z.string() }),
});
export const publicStudiosQuery = z.strictObject({
  q: z.string().trim().min(1).max(50),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

const phone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/);
export const subscribeRequest = z.strictObject({
  unitId: entityId,
  phone,
  consent: z.literal(true),
});
export const unsubscribeRequest = z.strictObject({ unitId: entityId, phone });
/** The code sent by SMS to the phone, typed back to confirm the change. */
export const confirmSubscriptionRequest = z.strictObject({
  unitId: entityId,
  phone,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
/**
 * A code was sent (or, to an unsubscribe of a number that is not subscribed, would have been:
 * the answer is the same, so numbers cannot be probed). Nothing changes until it is confirmed.
 */
export const smsCodeSent = z.object({
  unitName: z.string(),
  phone: z.string(),
  purpose: z.enum(['subscribe', 'unsubscribe']),
  expiresAt: z.string(),
});
export const subscriptionResult = z.object({ unitName: z.string(), phone: z.string(), subscribed: z.boolean() });

/** The consent text shown before subscribing; its version is stored with each subscription. */
export const SMS_CONSENT_VERSION = '2026-11';

/**
 * The address residents reach Huimin at (printed QR codes, SMS links): an absolute http(s) URL,
 * optionally with a path prefix, without query, fragment or credentials. Null clears the saved
 * one, so the environment's `HUIMIN_PUBLIC_URL` (if any) applies again.
 */
export const publicAddressInput = z.strictObject({
  url: z
    .string()
    .trim()
    .max(200)
    .refine((v) => {
      if (!URL.canParse(v)) return false;
      const u = new URL(v);
      return /^https?:$/.test(u.protocol) && !u.search && !u.hash && !u.username && !u.password && !!u.hostname;
    }, 'http(s)://host[/path], without query or fragment')
    .transform((v) => v.replace(/\/+$/, ''))
    .nullable(),
});

/** The public address now in force and where it comes from. */
export const publicAddress = z.object({
  url: z.string().nullable(),
  source: z.enum(['setting', 'environment']).nullable(),
});
export type PublicAddress = z.infer<typeof publicAddress>;
