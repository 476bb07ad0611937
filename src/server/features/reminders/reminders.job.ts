import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { addDays } from '../../time.ts';
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
  const ending = await repo.listTermsEndingBy(db, addDays(today, CONTRACT_WARNING_DAYS));
  const overdue = await repo.listOverdueRectifications(db, today);

  const wanted = [
    ...ending.map((e) => ({ ...e, kind: 'contract_ending' })),
    ...overdue.map((o) => ({ ...o, kind: 'rectification_overdue' })),
  ].filter((w): w is typeof w & { due: string; street_id: number } => w.due !== null && w.street_id !== null);

  return db.transaction().execute(async (trx) => {
    const open = await repo.listUnresolved(trx);
    const key = (r: { studio_id: number; kind: string; due: string }) => `${r.studio_id}|${r.kind}|${r.due}`;
    const wantedKeys = new Set(wanted.map(key));
    const openKeys = new Set(open.map(key));
    let opened = 0;
    for (const w of wanted) {
      if (openKeys.has(key(w))) continue;
      if (await repo.reminderExists(trx, w)) continue;
      await repo.insertReminder(trx, w, at);
      opened += 1;
    }
    const stale = open.filter((o) => !wantedKeys.has(key(o)));
    for (const s of stale) await repo.resolveReminder(trx, s.id, at);
    return { opened, resolved: stale.length };
  });
}
