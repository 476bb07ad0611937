import type {
  LetterAbility,
  LetterDetail,
  LetterSummary,
  RatesResult,
  TrackedLetter,
} from '../../../contract/mailbox.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { isWithin } from '../../../domain/org-units/units.ts';
import type { Relation } from '../../../domain/lifecycle.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';
import {
  maskName,
  type Closure,
  type Finding,
  type LetterType,
  type Verdict,
  type MailboxSettings,
} from '../../../domain/mailbox/letters.ts';
import {
  letterLifecycle,
  letterStaffActions,
  type LetterAction,
  type LetterStatus,
} from '../../../domain/mailbox/lifecycle.ts';
import { threeRates, type Tally } from '../../../domain/mailbox/rates.ts';
import type { LetterRow, listLetterEvents, listLetterPhotos } from './mailbox.repository.ts';

type Events = Awaited<ReturnType<typeof listLetterEvents>>;
type Photos = Awaited<ReturnType<typeof listLetterPhotos>>;

/** How a letter relates to a staff actor: in their subtree, and whether they are its handler. */
export function relationOf(actor: Actor, row: LetterRow): Relation {
  return {
    role: actor.role,
    inScope: isWithin(row.unit_path, actor.unitPath),
    isOwner: row.handler_id !== null && row.handler_id === actor.accountId,
  };
}

const isStaffAction = (a: LetterAction): a is LetterAbility => (letterStaffActions as readonly string[]).includes(a);

/**
 * What the actor may do with the letter now: the lifecycle's staff transitions from its
 * state for the actor's role, less the extension once used and the ruling for its own handler.
 */
export function allowedActionsOf(actor: Actor, row: LetterRow): LetterAbility[] {
  return letterLifecycle
    .available(row.status as LetterStatus, relationOf(actor, row))
    .filter(isStaffAction)
    .filter((a) => !(a === 'extend' && row.extension_reason !== null))
    .filter((a) => !(a === 'rule' && row.handler_id === actor.accountId));
}

const excerptOf = (text: string) => ([...text].length > 60 ? `${[...text].slice(0, 60).join('')}…` : text);

/** A letter in a queue: the writer's name masked, the deadline flags as of `today`. */
export function presentSummary(row: LetterRow, today: string, allowedActions: LetterAbility[]): LetterSummary {
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    type: row.type as LetterType,
    status: row.status as LetterStatus,
    studio: row.studio_id !== null ? { id: row.studio_id, name: row.studio_name ?? '' } : null,
    unit: { id: row.unit_id, name: row.unit_name },
    street: { id: row.street_id, name: row.street_name },
    excerpt: excerptOf(row.text),
    writerName: maskName(row.writer_name),
    hasPhone: row.writer_phone !== null,
    handler: row.handler_id !== null ? { id: row.handler_id, name: row.handler_name ?? '' } : null,
    receivedOn: row.received_on,
    ackDue: row.ack_due,
    replyDue: row.reply_due,
    nextDue: row.next_due,
    overdue: row.next_due !== null && today > row.next_due,
    escalated: row.escalated_on !== null,
    extended: row.extension_reason !== null,
    verdict: row.verdict as Verdict | null,
    finding: row.finding as Finding | null,
    closure: row.closure as Closure | null,
    allowedActions,
  };
}

const extensionOf = (row: LetterRow) =>
  row.extension_reason !== null ? { days: row.extension_days, reason: row.extension_reason } : null;
const forwardedOf = (row: LetterRow) =>
  row.forwarded_to !== null && row.forwarded_on !== null ? { to: row.forwarded_to, on: row.forwarded_on } : null;
const rulingOf = (row: LetterRow) =>
  row.finding !== null ? { finding: row.finding as Finding, reason: row.finding_reason ?? '' } : null;

/** One letter as staff see it: text, photos and timeline; the writer's name and phone masked. */
export function presentDetail(
  row: LetterRow,
  parts: { events: Events; photos: Photos },
  today: string,
  allowedActions: LetterAbility[],
): LetterDetail {
  return {
    ...presentSummary(row, today, allowedActions),
    text: row.text,
    writerPhone: maskPhone(row.writer_phone),
    round: row.round,
    photos: parts.photos,
    extension: extensionOf(row),
    ratingDue: row.rating_due,
    firstVerdict: row.first_verdict as Verdict | null,
    ruling: rulingOf(row),
    forwarded: forwardedOf(row),
    escalatedOn: row.escalated_on,
    timeline: parts.events.map((e) => ({
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_name,
      note: e.note,
      at: e.at,
    })),
  };
}

// What the writer sees of the timeline: the steps, with the notes meant for them (replies,
// the extension's reason, the ruling's reason, where it was forwarded, their own comments).
const publicNotes = new Set(['extend', 'reply', 'replyAgain', 'rate', 'rateAgain', 'rule', 'forward']);
const internalSteps = new Set(['overdue', 'escalate']);

/** A letter as its writer follows it by tracking code: no staff names, no internal notes. */
export function presentTracked(row: LetterRow, events: Events, photoCount: number, today: string): TrackedLetter {
  const status = row.status as LetterStatus;
  const replies = events
    .filter((e) => e.action === 'reply' || e.action === 'replyAgain')
    .map((e) => ({ round: e.action === 'reply' ? 1 : 2, text: e.note ?? '', at: e.at }));
  return {
    trackingCode: row.tracking_code,
    type: row.type as LetterType,
    status,
    studioName: row.studio_name,
    unitName: row.unit_name,
    receivedOn: row.received_on,
    text: row.text,
    photoCount,
    nextDue: row.next_due,
    extension: extensionOf(row),
    replies,
    firstVerdict: row.first_verdict as Verdict | null,
    verdict: row.verdict as Verdict | null,
    canRate:
      (status === 'replied' || status === 'second_replied') && row.rating_due !== null && today <= row.rating_due,
    ratingDue: row.rating_due,
    ruling: rulingOf(row),
    forwarded: forwardedOf(row),
    closure: row.closure as Closure | null,
    timeline: events
      .filter((e) => !internalSteps.has(e.action))
      .map((e) => ({ action: e.action, at: e.at, note: publicNotes.has(e.action) ? e.note : null })),
  };
}

const round4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

/** A tally with its three rates, rounded to four places. */
export function presentRates(t: Tally, settings: MailboxSettings) {
  const r = threeRates(t, settings);
  return {
    ...t,
    responseRate: round4(r.responseRate),
    resolutionRate: round4(r.resolutionRate),
    satisfactionRate: round4(r.satisfactionRate),
    composite: round4(r.composite),
    tooFewToRank: r.tooFewToRank,
  };
}

/** The 三率 table: rankable rows first by composite, then the rows with too few ratings. */
export function presentRatesTable(
  head: { from: string; to: string; by: 'street' | 'studio' },
  rows: Array<{ id: number; name: string; streetName: string; tally: Tally }>,
  total: Tally,
  settings: MailboxSettings,
): RatesResult {
  const shaped = rows.map((r) => ({
    id: r.id,
    name: r.name,
    streetName: r.streetName,
    ...presentRates(r.tally, settings),
  }));
  shaped.sort(
    (a, b) =>
      Number(a.tooFewToRank) - Number(b.tooFewToRank) ||
      (b.composite ?? -1) - (a.composite ?? -1) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
  return {
    ...head,
    weights: settings.weights,
    basicSatisfiedWeight: settings.basicSatisfiedWeight,
    minRatedToRank: settings.minRatedToRank,
    rows: shaped,
    total: presentRates(total, settings),
  };
}
