import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { DomainError } from '../../../domain/errors.ts';
import { overdueState } from '../../../domain/mailbox/letters.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext } from '../../context.ts';
import { pacer } from '../../pacer.ts';
import { chinaDate } from '../../time.ts';
import * as repo from './mailbox.repository.ts';
import { loadCalendar, readMailboxSettings } from './mailbox-settings.repository.ts';
import { runTransition } from './mailbox-transitions.service.ts';

/**
 * Brings the mailbox up to date at `now`: letters past their deadline are flagged overdue
 * (the street's 工作台 shows them from the day after the deadline), escalated to the district
 * once the set number of working days more has passed, and replied letters left without a
 * verdict past the rating window close as 未评价. Each change is a conditional update in its
 * own transaction with its timeline and audit entries, so re-running is harmless and several
 * instances may run it at once: only one of them wins each change.
 */
export async function runMailboxJob(
  db: Kysely<Database>,
  now: Date,
): Promise<{ flagged: number; escalated: number; closedUnrated: number }> {
  const today = chinaDate(now);
  const at = now.toISOString();
  const ctx: AuditContext = { actor: null, ip: '', requestId: 'job:mailbox', at };
  const [settings, calendar] = await Promise.all([readMailboxSettings(db), loadCalendar(db)]);
  let flagged = 0;
  let escalated = 0;
  let closedUnrated = 0;
  // A day's first run after a pause (a new deployment, a province's first start) may flag
  // thousands of letters, a transaction each: on SQLite those resolve without leaving the
  // microtask queue, so without pauses the event loop stayed busy for seconds.
  const pause = pacer();

  for (const l of await repo.listLettersPastDeadline(db, today)) {
    await pause();
    if (l.next_due === null) continue;
    const due = l.next_due;
    const state = overdueState(due, today, settings.escalateAfterDays, calendar);
    if (l.overdue_on === null && state.overdue) {
      const done = await db.transaction().execute(async (trx) => {
        if (!(await repo.flagOverdue(trx, l.id, due, today))) return false;
        await systemEvent(trx, ctx, l, 'overdue', due);
        return true;
      });
      if (done) flagged += 1;
    }
    if (l.escalated_on === null && state.escalate) {
      const done = await db.transaction().execute(async (trx) => {
        if (!(await repo.flagEscalated(trx, l.id, today))) return false;
        await systemEvent(trx, ctx, l, 'escalate', due);
        return true;
      });
      if (done) escalated += 1;
    }
  }

  for (const l of await repo.listLettersPastRating(db, today)) {
    await pause();
    try {
      await db.transaction().execute(async (trx) => {
        const row = await repo.findLetter(trx, l.id);
        if (!row) return;
        await runTransition(
          trx,
          ctx,
          row,
          { action: 'closeUnrated' },
          { kind: 'system' },
          { today, settings, calendar },
        );
      });
      closedUnrated += 1;
    } catch (e) {
      // Another instance closed it, or the writer rated it a moment ago: nothing left to do.
      if (!(e instanceof DomainError && (e.code === 'LETTER_STATE_CONFLICT' || e.code === 'RATING_WINDOW_CLOSED')))
        throw e;
    }
  }
  return { flagged, escalated, closedUnrated };
}

/** A timeline entry and an audit entry for a flag the job set. */
async function systemEvent(
  trx: Kysely<Database>,
  ctx: AuditContext,
  l: { id: number; status: string; unit_id: number },
  action: 'overdue' | 'escalate',
  due: string,
) {
  await repo.insertLetterEvent(trx, {
    letter_id: l.id,
    action,
    from_status: l.status,
    to_status: l.status,
    actor_id: null,
    actor_name: 'system',
    note: due,
    at: ctx.at,
  });
  await recordAudit(
    trx,
    ctx,
    { entity: 'letter', entityId: l.id, action, unitId: l.unit_id, after: { due } },
    'system',
  );
}
