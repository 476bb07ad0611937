/**
 * Quarters as inspections count them: calendar quarters in China's time, named `2026-Q4`.
 * Instants are ISO-8601 UTC; a quarter's bounds are midnight in China (UTC+8, no summer time).
 */

/** A quarter's name: the year and its quarter, e.g. `2026-Q4`. */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Whether a string names a quarter. */
export function isQuarter(s: string): s is Quarter {
  return QUARTER.test(s);
}

function partsOf(q: Quarter): { year: number; n: number } {
  const m = QUARTER.exec(q);
  if (!m) throw new Error(`not a quarter: ${q}`);
  return { year: Number(m[1]), n: Number(m[2]) };
}

const nameOf = (year: number, n: number) => `${year}-Q${n}` as Quarter;

/** The quarter a calendar day (YYYY-MM-DD) falls in. */
export function quarterOfDay(day: string): Quarter {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return nameOf(year, Math.floor((month - 1) / 3) + 1);
}

/** The first calendar day of a quarter. */
export function firstDayOf(q: Quarter): string {
  const { year, n } = partsOf(q);
  return `${year}-${String((n - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** The last calendar day of a quarter: the day inspections are due. */
export function lastDayOf(q: Quarter): string {
  const { year, n } = partsOf(q);
  return ['', `${year}-03-31`, `${year}-06-30`, `${year}-09-30`, `${year}-12-31`][n] ?? '';
}

/** The quarter after this one. */
export function nextQuarter(q: Quarter): Quarter {
  const { year, n } = partsOf(q);
  return n === 4 ? nameOf(year + 1, 1) : nameOf(year, n + 1);
}

/** The quarter before this one. */
export function previousQuarter(q: Quarter): Quarter {
  const { year, n } = partsOf(q);
  return n === 1 ? nameOf(year - 1, 4) : nameOf(year, n - 1);
}

/** Midnight in China at the start of a calendar day, as an ISO instant. */
export function chinaMidnight(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
}

/** The quarter as a half-open range of instants [start, end). */
export function quarterInstants(q: Quarter): { start: string; end: string } {
  return { start: chinaMidnight(firstDayOf(q)), end: chinaMidnight(firstDayOf(nextQuarter(q))) };
}
