import type { OutboxMessage } from '../../../contract/outbox.ts';
import type { OutboxRow } from '../../../db/schema.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';

/** A queued or sent message as admins see it: the recipient's number masked. */
export function presentOutboxMessage(m: OutboxRow): OutboxMessage {
  return {
    id: m.id,
    channel: m.channel,
    templateId: m.template_id,
    recipient: maskPhone(m.recipient) ?? '',
    // The body names no resident; it is the public announcement itself. A confirmation
    // code is the phone owner's alone: staff see that one was sent, not the code.
    body: m.template_id === 'HUIMIN_SMS_CODE' ? m.body.replace(/\d{6}/g, '******') : m.body,
    status: m.status as OutboxMessage['status'],
    attempts: m.attempts,
    lastError: m.last_error,
    createdAt: m.created_at,
    sentAt: m.sent_at,
  };
}
