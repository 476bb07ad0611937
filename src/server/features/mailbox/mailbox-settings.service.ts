import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import type { dayOffInput, mailboxSettings, RatesResult, ratesQuery } from '../../../contract/mailbox.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { isCalendarDate, type WorkCalendar } from '../../../domain/mailbox/calendar.ts';
import { deadlinesOf, nextDueOf, pendingStep, type MailboxSettings } from '../../../domain/mailbox/letters.ts';
import { emptyTally, type Tally } from '../../../domain/mailbox/rates.ts';
import { checkMailboxSettings } from '../../../domain/mailbox/settings.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { chinaDate } from '../../time.ts';
import * as repo from './mailbox.repository.ts';
import * as settingsRepo from './mailbox-settings.repository.ts';
import { presentRatesTable } from './mailbox.presenter.ts';

/** The district's mailbox settings. */
export async function getMailboxSettings(deps: Deps, actor: Actor): Promise<MailboxSettings> {
  authorize(actor, 'read', 'mailboxSettings', { unitPath: actor.unitPath });
  return settingsRepo.readMailboxSettings(deps.db);
}

/** Changes the settings; deadlines apply to letters that arrive from now on. Audited. */
export async function updateMailboxSettings(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  next: z.infer<typeof mailboxSettings>,
): Promise<MailboxSettings> {
  authorize(actor, 'update', 'mailboxSettings', { unitPath: actor.unitPath });
  checkMailboxSettings(next);
  await deps.db.transaction().execute(async (trx) => {
    const before = await settingsRepo.readMailboxSettings(trx);
    await settingsRepo.writeMailboxSettings(trx, next, ctx.at);
    await recordAudit(trx, ctx, {
      entity: 'mailboxSettings',
      entityId: null,
      action: 'update',
      unitId: actor.unitId,
      before,
      after: next,
    });
  });
  return next;
}

/**
 * Recomputes the deadlines still running on open letters after the calendar changed: the
 * acknowledgement while it is owed, the reply until it is given. Answers how many moved.
 */
async function recomputeDeadlines(db: Kysely<Database>, calendar: WorkCalendar): Promise<number> {
  let moved = 0;
  for (const l of await repo.listOpenLetterDeadlines(db)) {
    const step = pendingStep(l.status);
    if (step === null) continue;
    const d = deadlinesOf(
      {
        receivedOn: l.received_on,
        ackDays: l.ack_days,
        replyFrom: l.reply_from,
        replyDays: l.reply_days,
        extensionDays: l.extension_round === l.round ? l.extension_days : 0,
      },
      calendar,
    );
    const ackDue = step === 'acknowledge' ? d.ackDue : l.ack_due;
    const nextDue = nextDueOf(l.status, ackDue, d.replyDue);
    if (ackDue === l.ack_due && d.replyDue === l.reply_due && nextDue === l.next_due) continue;
    await repo.updateLetter(db, l.id, {
      ack_due: ackDue,
      reply_due: d.replyDue,
      next_due: nextDue,
      ...(nextDue !== l.next_due ? { overdue_on: null } : {}),
    });
    moved += 1;
  }
  return moved;
}

/** The days off the district added. */
export async function listDaysOff(deps: Deps, actor: Actor) {
  authorize(actor, 'read', 'mailboxSettings', { unitPath: actor.unitPath });
  const rows = await settingsRepo.listDaysOff(deps.db);
  return rows.map((r) => ({ day: r.day, reason: r.reason, createdAt: r.created_at }));
}

/** Adds a day off (or changes its reason); deadlines of open letters move with it, in the same transaction. */
export async function addDayOff(deps: Deps, ctx: AuditContext, actor: Actor, input: z.infer<typeof dayOffInput>) {
  authorize(actor, 'update', 'mailboxSettings', { unitPath: actor.unitPath });
  if (!isCalendarDate(input.day)) throw new DomainError('VALIDATION_FAILED', { field: 'day' });
  await deps.db.transaction().execute(async (trx) => {
    await settingsRepo.upsertDayOff(trx, {
      day: input.day,
      reason: input.reason,
      createdBy: actor.accountId,
      at: ctx.at,
    });
    const moved = await recomputeDeadlines(trx, await settingsRepo.loadCalendar(trx));
    await recordAudit(trx, ctx, {
      entity: 'calendarDayOff',
      entityId: input.day,
      action: 'create',
      unitId: actor.unitId,
      after: { ...input, lettersMoved: moved },
    });
  });
  return listDaysOff(deps, actor);
}

/** Removes a day off; deadlines of open letters move back. 404 when there was none. */
export async function removeDayOff(deps: Deps, ctx: AuditContext, actor: Actor, day: string) {
  authorize(actor, 'update', 'mailboxSettings', { unitPath: actor.unitPath });
  await deps.db.transaction().execute(async (trx) => {
    if (!(await settingsRepo.deleteDayOff(trx, day))) throw new DomainError('NOT_FOUND');
    const moved = await recomputeDeadlines(trx, await settingsRepo.loadCalendar(trx));
    await recordAudit(trx, ctx, {
      entity: 'calendarDayOff',
      entityId: day,
      action: 'delete',
      unitId: actor.unitId,
      after: { lettersMoved: moved },
    });
  });
  return listDaysOff(deps, actor);
}

/** One year of the working-day calendar: its source, whether it is provisional, and the district's days off in it. */
export async function calendarYear(deps: Deps, actor: Actor, year: number) {
  authorize(actor, 'read', 'mailboxSettings', { unitPath: actor.unitPath });
  const national = settingsRepo.nationalYear(year);
  const daysOff = (await settingsRepo.listDaysOff(deps.db)).filter((d) => d.day.startsWith(`${year}-`));
  return { ...national, daysOff: daysOff.map((d) => ({ day: d.day, reason: d.reason, createdAt: d.created_at })) };
}

const tallyOf = (r: Awaited<ReturnType<typeof repo.countRates>>[number]): Tally => ({
  letters: Number(r.letters),
  due: Number(r.due),
  acknowledgedOnTime: Number(r.acknowledged_on_time),
  rated: Number(r.rated),
  resolved: Number(r.resolved),
  satisfied: Number(r.satisfied),
  basic: Number(r.basic),
  unsatisfied: Number(r.unsatisfied),
  substantiated: Number(r.substantiated),
});

/** 三率 per street or per studio for letters received in a period, within the actor's subtree (or a unit in it). */
export async function rates(deps: Deps, actor: Actor, query: z.infer<typeof ratesQuery>): Promise<RatesResult> {
  if (!isCalendarDate(query.from)) throw new DomainError('VALIDATION_FAILED', { field: 'from' });
  if (!isCalendarDate(query.to) || query.to < query.from) throw new DomainError('VALIDATION_FAILED', { field: 'to' });
  const scope = await resolveScope(deps.db, actor, 'read', 'letter', query.under);
  const unit = await findUnit(deps.db, scope.unitId);
  const [settings, counted] = await Promise.all([
    settingsRepo.readMailboxSettings(deps.db),
    repo.countRates(deps.db, {
      path: scope.path,
      from: query.from,
      to: query.to,
      today: chinaDate(deps.clock.now()),
      by: query.by,
      leaf: unit !== undefined && !['district', 'street', 'town'].includes(unit.level),
    }),
  ]);
  const total = emptyTally();
  const rows = counted.map((r) => {
    const tally = tallyOf(r);
    for (const key of Object.keys(total) as Array<keyof Tally>) total[key] += tally[key];
    return {
      id: Number(r.group_id),
      name: (query.by === 'street' ? r.street_name : r.studio_name) ?? '',
      streetName: r.street_name ?? '',
      tally,
    };
  });
  return presentRatesTable({ from: query.from, to: query.to, by: query.by }, rows, total, settings);
}
