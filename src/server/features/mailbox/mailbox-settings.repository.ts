import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { calendarOf, type WorkCalendar } from '../../../domain/mailbox/calendar.ts';
import type { MailboxSettings } from '../../../domain/mailbox/letters.ts';
import { mailboxSettingsFrom } from '../../../domain/mailbox/settings.ts';
import { readSetting, writeSetting } from '../../settings.repository.ts';

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

/** Where a year's public holidays come from: the `chinese-days` package, a data file of ours, or nowhere (weekends only). */
export type CalendarSource = 'chinese-days' | 'assets' | 'none';

/** One year of the national calendar. */
export interface CalendarYear {
  year: number;
  source: CalendarSource;
  /** True while the arrangement awaits the State Council notice. */
  provisional: boolean;
  holidays: string[];
  makeUpWorkdays: string[];
}

interface DayLists {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const assetsDir = fileURLToPath(new URL('../../../../assets/calendar/', import.meta.url));

let national: Map<number, CalendarYear> | undefined;

/**
 * The national calendar by year: from the `chinese-days` package for the years it has, and
 * from assets/calendar/<year>.json (maintained here, marked provisional until checked against
 * the State Council notice) for the years it lacks. Read once per process.
 */
export function nationalCalendar(): Map<number, CalendarYear> {
  if (national) return national;
  const byYear = new Map<number, CalendarYear>();
  const yearOf = (day: string) => Number(day.slice(0, 4));
  const add = (lists: DayLists, source: CalendarSource, provisional: boolean, only?: (year: number) => boolean) => {
    for (const [kind, days] of [
      ['holidays', Object.keys(lists.holidays)],
      ['makeUpWorkdays', Object.keys(lists.workdays)],
    ] as const) {
      for (const day of days) {
        const year = yearOf(day);
        if (only && !only(year)) continue;
        let entry = byYear.get(year);
        if (!entry) {
          entry = { year, source, provisional, holidays: [], makeUpWorkdays: [] };
          byYear.set(year, entry);
        }
        entry[kind].push(day);
      }
    }
  };
  const packaged = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as DayLists;
  add(packaged, 'chinese-days', false);
  const packagedYears = new Set(byYear.keys());
  for (const file of readdirSync(assetsDir).filter((f) => /^\d{4}\.json$/.test(f))) {
    const data = JSON.parse(readFileSync(`${assetsDir}${file}`, 'utf8')) as DayLists & { status?: string };
    // The package wins once it has a year: it follows the published notice.
    add(data, 'assets', data.status !== 'verified', (year) => !packagedYears.has(year));
  }
  for (const entry of byYear.values()) {
    entry.holidays.sort();
    entry.makeUpWorkdays.sort();
  }
  national = byYear;
  return byYear;
}

/** One year of the national calendar, or an empty one (weekends only) for a year nobody covers. */
export function nationalYear(year: number): CalendarYear {
  return nationalCalendar().get(year) ?? { year, source: 'none', provisional: false, holidays: [], makeUpWorkdays: [] };
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
  const years = [...nationalCalendar().values()];
  const daysOff = await db.selectFrom('calendar_days_off').select('day').execute();
  return calendarOf({
    holidays: years.flatMap((y) => y.holidays),
    makeUpWorkdays: years.flatMap((y) => y.makeUpWorkdays),
    daysOff: daysOff.map((d) => d.day),
  });
}
