import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { addDays, chinaDate } from '../../time.ts';
import { claimJobPeriod } from '../../jobs/job-runs.repository.ts';
import * as repo from './reminders.repository.ts';

/** Contracts ending within this many days are flagged to the street. */
export const CONTRACT_WARNING_DAYS = 30;

/**
 * Brings the reminders up to date for `today` (YYYY-MM-DD): contracts ending within 30
 * days and rectifications past their deadline, each addressed to the studio's street.
 * Re-running is harmless (one reminder per studio, kind and due date), and reminders
 * whose cause has gone (renewed, rectified, closed) are resolved.
 */
export async function refreshReminders(
  db: Kysely<Database>,
  today: string,
  at: string,
): Promise<{ opened: number; resolved: number }> {
  return db.transaction().execute((trx) => refreshWithin(trx, today, at));
}

/**
 * The scheduler's run: once per hour (UTC) whatever the number of instances. The hour is
 * claimed in the same transaction as the work, so if that run fails the next tick, on any
 * instance, runs it again. Answers the period and whether this instance ran it.
 */
export async function runRemindersOncePerHour(
  db: Kysely<Database>,
  now: Date,
): Promise<{ period: string; ran: boolean; opened: number; resolved: number }> {
  const period = now.toISOString().slice(0, 13);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    if (!(await claimJobPeriod(trx, 'reminders', period, at))) return { period, ran: false, opened: 0, resolved: 0 };
    return { period, ran: true, ...(await refreshWithin(trx, chinaDate(now), at)) };
  });
}

async function refreshWithin(
  db: Kysely<Database>,
  today: string,
  at: string,
): Promise<{ opened: number; resolved: number }> {
  const ending = await repo.listTermsEndingBy(db, addDays(today, CONTRACT_WARNING_DAYS));
  const overdue = await repo.listOverdueRectifications(db, today);

  const wanted = [
    ...ending.map((e) => ({ ...e, kind: 'contract_ending' })),
    ...overdue.map((o) => ({ ...o, kind: 'rectification_overdue' })),
  ].filter((w): w is typeof w & { due: string; street_id: number } => w.due !== null && w.street_id !== null);

  const open = await repo.listUnresolved(db);
  const key = (r: { studio_id: number; kind: string; due: string }) => `${r.studio_id}|${r.kind}|${r.due}`;
  const wantedKeys = new Set(wanted.map(key));
  const openKeys = new Set(open.map(key));
  let opened = 0;
  for (const w of wanted) {
    if (openKeys.has(key(w))) continue;
    if (await repo.reminderExists(db, w)) continue;
    await repo.insertReminder(db, w, at);
    opened += 1;
  }
  const stale = open.filter((o) => !wantedKeys.has(key(o)));
  for (const s of stale) await repo.resolveReminder(db, s.id, at);
  return { opened, resolved: stale.length };
}
