// Tables of what goes out to people: SMS subscriptions, the outbox and reminders. Part of
// the Database type in src/db/schema.ts; times are ISO-8601 text, booleans 0/1.
import type { Generated } from 'kysely';

export interface SmsSubscriptionTable {
  id: Generated<number>;
  unit_id: number;
  phone: string;
  consent_version: string;
  subscribed_at: string;
  unsubscribed_at: string | null;
}

/** A code sent by SMS to confirm a subscription or unsubscription; only its keyed hash is kept. */
export interface SmsCodeTable {
  id: Generated<number>;
  unit_id: number;
  phone: string;
  purpose: string;
  code_hash: string;
  consent_version: string | null;
  attempts: Generated<number>;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  channel: string;
  template_id: string;
  params_json: string;
  recipient: string;
  signature: string;
  body: string;
  unit_id: number;
  entity: string | null;
  entity_id: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  provider_message_id: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface ReminderTable {
  id: Generated<number>;
  unit_id: number;
  studio_id: number;
  kind: string;
  due: string;
  created_at: string;
  resolved_at: string | null;
}
