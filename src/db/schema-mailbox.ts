import type { Generated } from 'kysely';

/** The supervision mailbox's tables (migration 2026-12-02-0006-mailbox). */
export interface MailboxTables {
  letters: LetterTable;
  letter_events: LetterEventTable;
  letter_photos: LetterPhotoTable;
  calendar_days_off: CalendarDayOffTable;
}

/**
 * A letter to the supervision mailbox. Dates (`*_on`, `*_due`) are China calendar days,
 * YYYY-MM-DD; instants (`*_at`) ISO-8601 UTC. The deadline basis (received_on, ack_days,
 * reply_from, reply_days, extension_days) is kept so the deadlines can be recomputed when the
 * district adds a day off.
 */
export interface LetterTable {
  id: Generated<number>;
  tracking_code: string;
  type: string;
  status: string;
  studio_id: number | null;
  /** The community (or village, enterprise) the letter is about: the studio's, or the writer's choice. */
  unit_id: number;
  /** The street whose party committee handles it. */
  street_id: number;
  text: string;
  writer_name: string | null;
  writer_phone: string | null;
  /** SHA-256 of the writer's phone, or of their address when they gave none: duplicate detection. */
  sender_hash: string;
  handler_id: number | null;
  round: number;
  received_on: string;
  ack_days: number;
  reply_from: string;
  reply_days: number;
  extension_days: number;
  extension_reason: string | null;
  extension_round: number | null;
  ack_due: string;
  reply_due: string;
  /** The deadline of the step the street owes now (acknowledge or reply), null when it owes none. */
  next_due: string | null;
  rating_due: string | null;
  acknowledged_on: string | null;
  first_verdict: string | null;
  /** The writer's verdict after the last handling they rated. */
  verdict: string | null;
  finding: string | null;
  finding_reason: string | null;
  ruled_by: number | null;
  closure: string | null;
  forwarded_to: string | null;
  forwarded_on: string | null;
  overdue_on: string | null;
  escalated_on: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

/** One step in a letter's timeline; `note` holds a reply, a reason or a verdict's comment. */
export interface LetterEventTable {
  id: Generated<number>;
  letter_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  note: string | null;
  at: string;
}

/** A photo sent with a letter, re-encoded as JPEG without metadata. */
export interface LetterPhotoTable {
  id: Generated<number>;
  letter_id: number;
  position: number;
  mime: string;
  width: number;
  height: number;
  size: number;
  sha256: string;
  content: Uint8Array;
  created_at: string;
}

/** A day off the district added to the national calendar (a typhoon, a local closure). */
export interface CalendarDayOffTable {
  day: string;
  reason: string;
  created_by: number | null;
  created_at: string;
}
