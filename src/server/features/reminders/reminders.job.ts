import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { addDays } from '../../time.ts';

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
  const horizon = addDays(today, CONTRACT_WARNING_DAYS);
  const ending = await db
    .selectFrom('studios')
    .innerJoin('org_units as u', 'u.id', 'studios.unit_id')
    .select(['studios.id as studio_id', 'studios.term_end as due', 'u.parent_id as street_id'])
    .where('studios.status', 'in', ['contracted', 'active', 'rectification'])
    // No lower bound: a term that ran out without renewal stays flagged until the street acts.
    .where('studios.term_end', '<=', horizon)
    .execute();
  const overdue = await db
    .selectFrom('studio_rectifications as r')
    .innerJoin('studios', 'studios.id', 'r.studio_id')
    .innerJoin('org_units as u', 'u.id', 'studios.unit_id')
    .select(['studios.id as studio_id', 'r.deadline as due', 'u.parent_id as street_id'])
    .where('r.closed_at', 'is', null)
    .where('r.deadline', '<', today)
    .execute();

  const wanted = [
    ...ending.map((e) => ({ ...e, kind: 'contract_ending' })),
    ...overdue.map((o) => ({ ...o, kind: 'rectification_overdue' })),
  ].filter((w): w is typeof w & { due: string; street_id: number } => w.due !== null && w.street_id !== null);

  return db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('reminders')
      .select(['id', 'studio_id', 'kind', 'due'])
      .where('resolved_at', 'is', null)
      .execute();
    const key = (r: { studio_id: number; kind: string; due: string }) => `${r.studio_id}|${r.kind}|${r.due}`;
    const wantedKeys = new Set(wanted.map(key));
    const openKeys = new Set(open.map(key));
    let opened = 0;
    for (const w of wanted) {
      if (openKeys.has(key(w))) continue;
      const exists = await trx
        .selectFrom('reminders')
        .select('id')
        .where('studio_id', '=', w.studio_id)
        .where('kind', '=', w.kind)
        .where('due', '=', w.due)
        .executeTakeFirst();
      if (exists) continue;
      await trx
        .insertInto('reminders')
        .values({
          unit_id: w.street_id,
          studio_id: w.studio_id,
          kind: w.kind,
          due: w.due,
          created_at: at,
          resolved_at: null,
        })
        .execute();
      opened += 1;
    }
    const stale = open.filter((o) => !wantedKeys.has(key(o)));
    for (const s of stale) await trx.updateTable('reminders').set({ resolved_at: at }).where('id', '=', s.id).execute();
    return { opened, resolved: stale.length };
  });
}
