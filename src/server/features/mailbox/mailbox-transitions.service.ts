import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { LetterTable } from '../../../db/schema-mailbox.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { WorkCalendar } from '../../../domain/mailbox/calendar.ts';
import { deadlinesOf, nextDueOf, ratingDueOf, type MailboxSettings } from '../../../domain/mailbox/letters.ts';
import {
  applyLetter,
  type LetterActor,
  type LetterFacts,
  type LetterInput,
  type LetterStatus,
} from '../../../domain/mailbox/lifecycle.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext } from '../../context.ts';
import { SMS_SIGNATURE, smsTemplates } from '../../notifier/notifier.ts';
import { enqueueSms } from '../outbox/outbox.repository.ts';
import * as repo from './mailbox.repository.ts';

/** What every transition needs besides the letter: the day, the settings and the calendar. */
export interface Environment {
  today: string;
  settings: MailboxSettings;
  calendar: WorkCalendar;
}

/** The facts the lifecycle's guards look at. */
export function factsOf(row: repo.LetterRow): LetterFacts {
  return {
    status: row.status as LetterStatus,
    type: row.type as LetterFacts['type'],
    extended: row.extension_reason !== null,
    ratingDue: row.rating_due,
  };
}

/** The note a transition leaves in the timeline: the reply, the reason, the comment. */
function noteOf(input: LetterInput, row: repo.LetterRow, handlerName: string | null): string | null {
  switch (input.action) {
    case 'assign':
      return handlerName;
    case 'acknowledge':
      return input.note || null;
    case 'extend':
      return input.reason;
    case 'reply':
    case 'replyAgain':
      return input.text;
    case 'rate':
    case 'rateAgain':
      return input.comment || null;
    case 'rule':
      return input.reason;
    case 'forward':
      return input.to;
    case 'closeUnrated':
      return row.rating_due;
  }
}

/** What the audit log keeps of an input: no guard flags, nothing personal. */
function auditedInput(input: LetterInput): Record<string, unknown> {
  const { action: _action, ...rest } = input as LetterInput & Record<string, unknown>;
  delete rest.handlerEligible;
  delete rest.byHandler;
  delete rest.maxDays;
  return rest;
}

/**
 * Runs one transition of a letter inside the caller's transaction: the lifecycle decides;
 * the new status, its effects and the recomputed deadlines are written conditionally on the
 * status read (so two people acting at once cannot both succeed), with the timeline entry,
 * the audit entry and, for a reply, the SMS to the writer.
 */
export async function runTransition(
  trx: Kysely<Database>,
  ctx: AuditContext,
  row: repo.LetterRow,
  input: LetterInput,
  actor: LetterActor,
  env: Environment,
  names: { handlerName?: string | null } = {},
): Promise<LetterStatus> {
  const result = applyLetter(factsOf(row), input, actor, env.today);
  const set: Updateable<LetterTable> = { status: result.to, updated_at: ctx.at };
  const basis = {
    receivedOn: row.received_on,
    ackDays: row.ack_days,
    replyFrom: row.reply_from,
    replyDays: row.reply_days,
    extensionDays: row.extension_round === row.round ? row.extension_days : 0,
  };
  const ackDue = row.ack_due;
  let replyDue = row.reply_due;
  for (const effect of result.effects) {
    switch (effect.kind) {
      case 'assignHandler':
        set.handler_id = effect.handlerId;
        break;
      case 'acknowledge':
        set.acknowledged_on = env.today;
        break;
      case 'extend':
        set.extension_days = effect.days;
        set.extension_reason = effect.reason;
        set.extension_round = row.round;
        replyDue = deadlinesOf({ ...basis, extensionDays: effect.days }, env.calendar).replyDue;
        break;
      case 'reply':
        set.rating_due = ratingDueOf(env.today, env.settings);
        break;
      case 'verdict':
        if (effect.round === 1) set.first_verdict = effect.verdict;
        set.verdict = effect.verdict;
        break;
      case 'reopen':
        set.round = 2;
        set.reply_from = env.today;
        set.rating_due = null;
        replyDue = deadlinesOf({ ...basis, replyFrom: env.today, extensionDays: 0 }, env.calendar).replyDue;
        break;
      case 'ruling':
        set.finding = effect.finding;
        set.finding_reason = effect.reason;
        set.ruled_by = ctx.actor?.accountId ?? null;
        break;
      case 'forward':
        set.forwarded_to = effect.to;
        set.forwarded_on = effect.on;
        break;
      case 'close':
        set.closure = effect.closure;
        set.closed_at = ctx.at;
        break;
    }
  }
  set.ack_due = ackDue;
  set.reply_due = replyDue;
  set.next_due = nextDueOf(result.to, ackDue, replyDue);
  // A new deadline (or none) is a fresh start for the overdue flag; escalation stays on record.
  if (set.next_due !== row.next_due) set.overdue_on = null;
  const expected = { status: row.status, notExtended: input.action === 'extend' };
  if (!(await repo.updateLetterIf(trx, row.id, expected, set)))
    throw new DomainError('LETTER_STATE_CONFLICT', { status: row.status });

  await repo.insertLetterEvent(trx, {
    letter_id: row.id,
    action: input.action,
    from_status: result.from,
    to_status: result.to,
    actor_id: ctx.actor?.accountId ?? null,
    actor_name: actor.kind === 'staff' ? (ctx.actor?.username ?? null) : actor.kind === 'system' ? 'system' : null,
    note: noteOf(input, row, names.handlerName ?? null),
    at: ctx.at,
  });
  await recordAudit(
    trx,
    ctx,
    {
      entity: 'letter',
      entityId: row.id,
      action: input.action,
      unitId: row.unit_id,
      before: { status: result.from },
      after: { status: result.to, ...auditedInput(input) },
    },
    actor.kind === 'writer' ? 'writer' : actor.kind === 'system' ? 'system' : undefined,
  );
  if ((input.action === 'reply' || input.action === 'replyAgain') && row.writer_phone) {
    const params = { code: row.tracking_code };
    await enqueueSms(trx, {
      to: row.writer_phone,
      templateId: smsTemplates.letterReplied.id,
      params,
      signature: SMS_SIGNATURE,
      body: smsTemplates.letterReplied.render(params),
      unitId: row.street_id,
      entity: 'letter',
      entityId: row.tracking_code,
      at: ctx.at,
    });
  }
  return result.to;
}
