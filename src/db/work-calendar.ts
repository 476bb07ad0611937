import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { calendarOf, type WorkCalendar } from '../domain/mailbox/calendar.ts';

// The national working-day calendar is data that ships with the code: read once, shared by
// the mailbox and the demo seed.

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

const assetsDir = fileURLToPath(new URL('../../assets/calendar/', import.meta.url));

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

/** The working-day calendar: the national holidays and make-up working days of every year known, and the given days off. */
export function workCalendar(daysOff: Iterable<string> = []): WorkCalendar {
  const years = [...nationalCalendar().values()];
  return calendarOf({
    holidays: years.flatMap((y) => y.holidays),
    makeUpWorkdays: years.flatMap((y) => y.makeUpWorkdays),
    daysOff,
  });
}
