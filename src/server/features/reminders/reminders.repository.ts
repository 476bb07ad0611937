import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';

/** Open reminders addressed to the streets of a subtree, soonest due first. */
export async function listOpenReminders(db: Kysely<Database>, path: string) {
  const { from, to } = subtreeRange(path);
  return db
    .selectFrom('reminders')
    .innerJoin('org_units as street', 'street.id', 'reminders.unit_id')
    .innerJoin('studios', 'studios.id', 'reminders.studio_id')
    .innerJoin('org_units as u', 'u.id', 'studios.unit_id')
    .select([
      'reminders.id',
      'reminders.kind',
      'reminders.due',
      'reminders.created_at',
      'studios.id as studio_id',
      'studios.name as studio_name',
      'u.name as unit_name',
    ])
    .where('reminders.resolved_at', 'is', null)
    .where('street.path', '>=', from)
    .where('street.path', '<', to)
    .orderBy('reminders.due')
    .execute();
}

/** An open reminder as the list shows it. */
export type ReminderListRow = Awaited<ReturnType<typeof listOpenReminders>>[number];

/** Studios under agreement whose term ends on or before `horizon`, with their street. */
export async function listTermsEndingBy(db: Kysely<Database>, horizon: string) {
  return (
    db
      .selectFrom('studios')
      .innerJoin('org_units as u', 'u.id', 'studios.unit_id')
      .select(['studios.id as studio_id', 'studios.term_end as due', 'u.parent_id as street_id'])
      .where('studios.status', 'in', ['contracted', 'active', 'rectification'])
      // No lower bound: a term that ran out without renewal stays flagged until the street acts.
      .where('studios.term_end', '<=', horizon)
      .execute()
  );
}

/** Open rectifications whose deadline is before `today`, with their studio's street. */
export async function listOverdueRectifications(db: Kysely<Database>, today: string) {
  return db
    .selectFrom('studio_rectifications as r')
    .innerJoin('studios', 'studios.id', 'r.studio_id')
    .innerJoin('org_units as u', 'u.id', 'studios.unit_id')
    .select(['studios.id as studio_id', 'r.deadline as due', 'u.parent_id as street_id'])
    .where('r.closed_at', 'is', null)
    .where('r.deadline', '<', today)
    .execute();
}

/** Every reminder not yet resolved, as the job compares them. */
export async function listUnresolved(db: Kysely<Database>) {
  return db
    .selectFrom('reminders')
    .select(['id', 'studio_id', 'kind', 'due'])
    .where('resolved_at', 'is', null)
    .execute();
}

/** Whether a reminder for this studio, kind and due date was ever opened (resolved or not). */
export async function reminderExists(db: Kysely<Database>, r: { studio_id: number; kind: string; due: string }) {
  const row = await db
    .selectFrom('reminders')
    .select('id')
    .where('studio_id', '=', r.studio_id)
    .where('kind', '=', r.kind)
    .where('due', '=', r.due)
    .executeTakeFirst();
  return row !== undefined;
}

/** Opens a reminder to a street. */
export async function insertReminder(
  db: Kysely<Database>,
  r: { street_id: number; studio_id: number; kind: string; due: string },
  at: string,
): Promise<void> {
  await db
    .insertInto('reminders')
    .values({
      unit_id: r.street_id,
      studio_id: r.studio_id,
      kind: r.kind,
      due: r.due,
      created_at: at,
      resolved_at: null,
    })
    .execute();
}

/** Resolves a reminder whose cause has gone. */
export async function resolveReminder(db: Kysely<Database>, id: number, at: string): Promise<void> {
  await db.updateTable('reminders').set({ resolved_at: at }).where('id', '=', id).execute();
}
