import { z } from 'zod';
import { calendarMonth, idText } from './common.ts';

/** Kinds of promise a studio makes: opening hours, response time, activities a month, anything else. */
export const commitmentKind = z.enum(['hours', 'response', 'activities', 'other']);

/**
 * What the actor may do with a commitment now: `update` (rewrite the drafts), `publish` (a draft,
 * while the studio serves), `check` (whether a published one was kept).
 */
export const commitmentAbility = z.enum(['update', 'publish', 'check']);
export type CommitmentAbility = z.infer<typeof commitmentAbility>;

/** A promise of a studio, with how often it was kept. */
export const commitment = z.object({
  id: z.number().int(),
  kind: commitmentKind,
  text: z.string(),
  target: z.number().int().nullable(),
  status: z.enum(['draft', 'published', 'withdrawn']),
  publishedAt: z.string().nullable(),
  /** Periods checked and how many were kept (fulfilment tracking). */
  fulfilment: z.object({ checked: z.number().int(), kept: z.number().int() }),
  allowedActions: z.array(commitmentAbility),
});
export type Commitment = z.infer<typeof commitment>;

/** The drafts to save, replacing the earlier drafts. */
export const saveCommitmentsRequest = z.strictObject({
  items: z
    .array(
      z.strictObject({
        kind: commitmentKind,
        text: z.string().trim().min(1).max(300),
        target: z.number().int().min(0).max(10_000).nullable().optional(),
      }),
    )
    .min(1)
    .max(20),
});

/** How many commitments were published and how many SMS were queued. */
export const publishResult = z.object({ published: z.number().int(), smsQueued: z.number().int() });
export type PublishResult = z.infer<typeof publishResult>;

/** What publishing would send, shown before anyone confirms: the SMS as billed and how many receive it. */
export const publicationPreview = z.object({
  signature: z.string(),
  body: z.string(),
  /** The text a phone receives: 【signature】 and the body. */
  text: z.string(),
  characters: z.number().int(),
  /** Billed SMS per recipient: 1 up to 70 characters, else one per 67. */
  segments: z.number().int(),
  recipients: z.number().int(),
  drafts: z.number().int(),
});
export type PublicationPreview = z.infer<typeof publicationPreview>;

/** Whether a published commitment was kept in a month. */
export const fulfilmentRequest = z.strictObject({
  period: calendarMonth,
  kept: z.boolean(),
  note: z.string().trim().max(500).default(''),
});

/** A studio and one of its commitments. */
export const commitmentParams = z.strictObject({
  id: idText,
  commitmentId: idText,
});
