/**
 * Working days in China: Monday to Friday, except public holidays (放假), plus the weekend
 * days the State Council declares make-up working days (调休上班), minus the days off the
 * district adds (a typhoon, a local closure). The calendar is data the caller loads; nothing
 * here reads a file or a database.
 */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  makeUpWorkdays: ReadonlySet<string>;
  daysOff: ReadonlySet<string>;
}

/** The lists a calendar is built from; dates are YYYY-MM-DD. */
export interface CalendarData {
  holidays: Iterable<string>;
  makeUpWorkdays: Iterable<string>;
  daysOff?: Iterable<string>;
}

/** Builds a calendar from lists of dates. */
export function calendarOf(data: CalendarData): WorkCalendar {
  return {
    holidays: new Set(data.holidays),
    makeUpWorkdays: new Set(data.makeUpWorkdays),
    daysOff: new Set(data.daysOff ?? []),
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

/** True for a well-formed calendar date (YYYY-MM-DD that exists). */
export function isCalendarDate(day: string): boolean {
  if (!DAY.test(day)) return false;
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day;
}

function dayNumber(day: string): number {
  if (!isCalendarDate(day)) throw new RangeError(`not a date: ${day}`);
  return Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;
}

function dayOf(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A calendar day plus (or minus) a number of calendar days. */
export function addCalendarDays(day: string, days: number): string {
  return dayOf(dayNumber(day) + days);
}

/** Whether a day is a working day: district days off first, then make-up working days, holidays, weekends. */
export function isWorkingDay(day: string, cal: WorkCalendar): boolean {
  if (cal.daysOff.has(day)) return false;
  if (cal.makeUpWorkdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  const weekday = new Date(dayNumber(day) * MS_PER_DAY).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

// No real calendar has a year without a working day; a loop that finds none is a broken calendar.
const MAX_NON_WORKING_RUN = 366;

/**
 * The n-th working day after `day` (n ≥ 0; n = 0 answers `day` itself). A deadline of
 * "within 2 working days" of a letter received on a Friday is the following Tuesday, and
 * counting from a Saturday starts on Monday.
 */
export function addWorkingDays(day: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let current = dayNumber(day);
  let left = n;
  let idle = 0;
  while (left > 0) {
    current += 1;
    if (isWorkingDay(dayOf(current), cal)) {
      left -= 1;
      idle = 0;
    } else if (++idle > MAX_NON_WORKING_RUN) {
      throw new RangeError('the calendar has no working day for a year');
    }
  }
  return dayOf(current);
}

/**
 * The working days d with from < d ≤ to, so that workingDaysBetween(d, addWorkingDays(d, n)) = n;
 * negative when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b < a) return -workingDaysBetween(to, from, cal);
  let count = 0;
  for (let d = a + 1; d <= b; d++) if (isWorkingDay(dayOf(d), cal)) count += 1;
  return count;
}
