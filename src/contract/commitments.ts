import { z } from 'zod';
import { paging } from './common.ts';

/** Kinds of promise a studio makes: opening hours, response time, activities a month, anything else. */
export const commitmentKind = z.enum(['hours', 'response', 'activities', 'other']);

export const commitment = z.object({
  id: z.number().int(),
  kind: commitmentKind,
  text: z.string(),
  target: z.number().int().nullable(),
  status: z.enum(['draft', 'published', 'withdrawn']),
  publishedAt: z.string().nullable(),
  /** Periods checked and how many were kept (fulfilment tracking). */
  fulfilment: z.object({ checked: z.number().int(), kept: z.number().int() }),
});
export type Commitment = z.infer<typeof commitment>;

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

export const publishResult = z.object({ published: z.number().int(), smsQueued: z.number().int() });

export const fulfilmentRequest = z.strictObject({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  kept: z.boolean(),
  note: z.string().trim().max(500).default(''),
});

export const commitmentParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  commitmentId: z.coerce.number().int().positive().max(2_147_483_647),
});

/** A message in the outbox, as admins see it ("sent messages"); the phone number is masked. */
export const outboxMessage = z.object({
  id: z.number().int(),
  channel: z.string(),
  templateId: z.string(),
  recipient: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const listOutboxQuery = z.strictObject({
  status: z.enum(['pending', 'sending', 'sent', 'failed']).optional(),
  ...paging,
});

export const reminder = z.object({
  id: z.number().int(),
  kind: z.enum(['contract_ending', 'rectification_overdue']),
  due: z.string(),
  studioId: z.number().int(),
  studioName: z.string(),
  unitName: z.string(),
  createdAt: z.string(),
});
