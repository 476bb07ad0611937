import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { withinCorrectionWindow, type ServedGroup, type ServiceMode } from '../../../domain/delivery/delivery.ts';
import type { RecordAbility, recordStats, serviceRecord } from '../../../contract/delivery.ts';
import { maskName } from './delivery.presenter.ts';
import type { RecordRow } from './records.repository.ts';

/** What a record is shown with besides its row: its follow-ups, how often it was corrected, its studio's members. */
export interface RecordParts {
  feedback: Array<{ on_date: string; result: string; created_at: string }>;
  revisions: number;
  studioMembers: readonly number[];
}

/** When the record book is read: the correction window (hours) and the time now. */
export interface RecordClock {
  hours: number;
  now: Date;
}

/** A name masked for the record book, or null when none was written. */
export function maskRecipient(name: string | null | undefined): string | null {
  return name ? maskName(name) : null;
}

/**
 * One side (before or after) of a correction, as the record book shows it: the recipient's
 * name masked as on the record itself, so the history does not undo the record's masking.
 */
export function presentRevisionSide(side: unknown): unknown {
  if (side === null || typeof side !== 'object' || Array.isArray(side)) return side;
  const fields = side as Record<string, unknown>;
  if (!('recipientName' in fields)) return side;
  const name = fields.recipientName;
  return { ...fields, recipientName: typeof name === 'string' ? maskRecipient(name) : null };
}

/**
 * What the viewer may do with a record: its author corrects it while the window is open;
 * the studio's members and the organisations above add follow-ups and show a walk-in's receipt.
 */
export function recordAbilities(actor: Actor, r: RecordRow, parts: RecordParts, clock: RecordClock): RecordAbility[] {
  const abilities: RecordAbility[] = [];
  if (
    can(actor, 'correct', 'serviceRecord', { unitPath: r.unit_path, ownerAccountIds: [r.author_id] }) &&
    withinCorrectionWindow(r.created_at, clock.now, clock.hours)
  )
    abilities.push('correct');
  if (can(actor, 'update', 'serviceRecord', { unitPath: r.unit_path, ownerAccountIds: parts.studioMembers })) {
    abilities.push('addFeedback');
    // A walk-in (no request) is rated through its receipt; a request's resident rates by tracking code.
    if (r.request_id === null) abilities.push('showReceipt');
  }
  return abilities;
}

/** A record as the record book shows it: the recipient masked, with its follow-ups and what the viewer may do. */
export function presentRecord(
  r: RecordRow,
  parts: RecordParts,
  actor: Actor,
  clock: RecordClock,
): z.infer<typeof serviceRecord> {
  return {
    id: r.id,
    studioId: r.studio_id,
    studioName: r.studio_name,
    unitName: r.unit_name,
    authorName: r.author_name,
    requestId: r.request_id,
    ratingCode: r.rating_code,
    servedAt: r.served_at,
    durationMinutes: r.duration_minutes,
    recipientName: maskRecipient(r.recipient_name),
    groups: JSON.parse(r.groups_json) as ServedGroup[],
    categoryId: r.category_id,
    mode: r.mode as ServiceMode,
    content: r.content,
    personTimes: r.person_times,
    createdAt: r.created_at,
    // Brought in from a paper record book (history import): the record book marks it.
    imported: r.import_id !== null,
    feedback: parts.feedback.map((f) => ({ onDate: f.on_date, result: f.result, at: f.created_at })),
    revisions: parts.revisions,
    correctable: r.author_id === actor.accountId && withinCorrectionWindow(r.created_at, clock.now, clock.hours),
    allowedActions: recordAbilities(actor, r, parts, clock),
  };
}

/** Records and person-times by group served and by category, most person-times first. */
export function presentRecordStats(
  rows: Array<{ groups_json: string; category_id: number; person_times: number }>,
): z.infer<typeof recordStats> {
  const byGroup = new Map<ServedGroup, { records: number; personTimes: number }>();
  const byCategory = new Map<number, { records: number; personTimes: number }>();
  let personTimes = 0;
  for (const r of rows) {
    personTimes += r.person_times;
    for (const g of JSON.parse(r.groups_json) as ServedGroup[]) {
      const v = byGroup.get(g) ?? { records: 0, personTimes: 0 };
      byGroup.set(g, { records: v.records + 1, personTimes: v.personTimes + r.person_times });
    }
    const c = byCategory.get(r.category_id) ?? { records: 0, personTimes: 0 };
    byCategory.set(r.category_id, { records: c.records + 1, personTimes: c.personTimes + r.person_times });
  }
  return {
    records: rows.length,
    personTimes,
    byGroup: [...byGroup.entries()]
      .map(([group, v]) => ({ group, ...v }))
      .sort((a, b) => b.personTimes - a.personTimes),
    byCategory: [...byCategory.entries()]
      .map(([categoryId, v]) => ({ categoryId, ...v }))
      .sort((a, b) => b.personTimes - a.personTimes),
  };
}
