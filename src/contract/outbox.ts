import { z } from 'zod';
import { paging } from './common.ts';

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
export type OutboxMessage = z.infer<typeof outboxMessage>;

/** Filters of the sent-messages list. */
export const listOutboxQuery = z.strictObject({
  status: z.enum(['pending', 'sending', 'sent', 'failed']).optional(),
  ...paging,
});
