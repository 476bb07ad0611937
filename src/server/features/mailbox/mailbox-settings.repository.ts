import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { WorkCalendar } from '../../../domain/mailbox/calendar.ts';
import type { MailboxSettings } from '../../../domain/mailbox/letters.ts';
import { mailboxSettingsFrom } from '../../../domain/mailbox/settings.ts';
import { readSetting, writeSetting } from '../../settings.repository.ts';
import { workCalendar } from '../../../db/work-calendar.ts';

export { nationalYear, type CalendarYear, type CalendarSource } from '../../../db/work-calendar.ts';

/** The settings row that holds the mailbox's settings as JSON. */
const SETTINGS_KEY = 'mailbox';

/** The district's mailbox settings, with defaults for anything never stored. */
export async function readMailboxSettings(db: Kysely<Database>): Promise<MailboxSettings> {
  const stored = await readSetting(db, SETTINGS_KEY);
  return mailboxSettingsFrom(stored === undefined ? null : (JSON.parse(stored) as unknown));
}

/** Stores the mailbox's settings. */
export async function writeMailboxSettings(db: Kysely<Database>, s: MailboxSettings, at: string): Promise<void> {
  await writeSetting(db, SETTINGS_KEY, JSON.stringify(s), at);
}

/** The days off the district added, in date order. */
export async function listDaysOff(db: Kysely<Database>) {
  return db.selectFrom('calendar_days_off').selectAll().orderBy('day').execute();
}

/** Adds a day off, or changes the reason of one already there. */
export async function upsertDayOff(
  db: Kysely<Database>,
  d: { day: string; reason: string; createdBy: number; at: string },
): Promise<void> {
  await db
    .insertInto('calendar_days_off')
    .values({ day: d.day, reason: d.reason, created_by: d.createdBy, created_at: d.at })
    .onConflict((oc) => oc.column('day').doUpdateSet({ reason: d.reason }))
    .execute();
}

/** Removes a day off; answers whether there was one. */
export async function deleteDayOff(db: Kysely<Database>, day: string): Promise<boolean> {
  const r = await db.deleteFrom('calendar_days_off').where('day', '=', day).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** The working-day calendar as it stands: national holidays and make-up days, and the district's days off. */
export async function loadCalendar(db: Kysely<Database>): Promise<WorkCalendar> {
  const daysOff = await db.selectFrom('calendar_days_off').select('day').execute();
  return workCalendar(daysOff.map((d) => d.day));
}
