/**
 * Rollups of the service record book: person-times and records per day and per month, by unit,
 * category, mode and group served. Each record counts once in the total row of every unit on
 * its path (group key ''), and once more under each group it served, so totals never double
 * count a record that served two groups.
 */

/** The two grains a rollup is kept at. */
export type Grain = 'day' | 'month';

/** The group key of the row that counts every record once. */
export const ALL_GROUPS = '';

/** What a record contributes to the rollups. */
export interface RollupFact {
  /** ISO-8601 instant of the service. */
  servedAt: string;
  categoryId: number;
  mode: string;
  groups: readonly string[];
  personTimes: number;
}

/** One rollup cell and the change to apply to it. */
export interface RollupDelta {
  grain: Grain;
  period: string;
  unitId: number;
  categoryId: number;
  mode: string;
  groupKey: string;
  records: number;
  personTimes: number;
}

/**
 * The calendar day (YYYY-MM-DD) of an instant in the business time zone: the server passes the
 * configured zone's (HUIMIN_TIME_ZONE, src/server/time.ts), so a service at 07:00 local time on
 * the 1st counts on the 1st, although it is still the 30th in UTC.
 */
export type DayOf = (instant: string) => string;

/** The China calendar day of an instant (UTC+8, no daylight saving): the default zone's DayOf. */
export function chinaDay(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The cells a record adds to (sign 1) or takes from (sign -1), for each unit on its path. */
export function rollupDeltas(fact: RollupFact, unitIds: readonly number[], sign: 1 | -1, dayOf: DayOf): RollupDelta[] {
  const day = dayOf(fact.servedAt);
  const periods: Array<[Grain, string]> = [
    ['day', day],
    ['month', day.slice(0, 7)],
  ];
  const groupKeys = [ALL_GROUPS, ...new Set(fact.groups)];
  const out: RollupDelta[] = [];
  for (const unitId of unitIds)
    for (const [grain, period] of periods)
      for (const groupKey of groupKeys)
        out.push({
          grain,
          period,
          unitId,
          categoryId: fact.categoryId,
          mode: fact.mode,
          groupKey,
          records: sign,
          personTimes: sign * fact.personTimes,
        });
  return out;
}

/** Folds deltas on the same cell into one, dropping those that cancel out (a correction that changed nothing there). */
export function mergeDeltas(deltas: readonly RollupDelta[]): RollupDelta[] {
  const byKey = new Map<string, RollupDelta>();
  for (const d of deltas) {
    // A template, not an array join: this runs for every cell of every record of a group commit.
    const key = `${d.grain}\u0000${d.period}\u0000${d.unitId}\u0000${d.categoryId}\u0000${d.mode}\u0000${d.groupKey}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.records += d.records;
      seen.personTimes += d.personTimes;
    } else byKey.set(key, { ...d });
  }
  return [...byKey.values()].filter((d) => d.records !== 0 || d.personTimes !== 0);
}

/** The cells a correction moves: the old version taken out, the new one put in. */
export function correctionDeltas(
  before: RollupFact,
  after: RollupFact,
  unitIds: readonly number[],
  dayOf: DayOf,
): RollupDelta[] {
  return mergeDeltas([...rollupDeltas(before, unitIds, -1, dayOf), ...rollupDeltas(after, unitIds, 1, dayOf)]);
}

/** A half-open range of China calendar days, YYYY-MM-DD: [from, to). */
export interface DayRange {
  from: string;
  to: string;
}

/** A period read from the rollups: whole months from the month grain, the days around them from the day grain. */
export interface PeriodCover {
  /** Months (YYYY-MM) read whole, [from, to). */
  months: { from: string; to: string } | null;
  /** Day ranges not covered by whole months. */
  days: DayRange[];
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function nextMonthStart(day: string): string {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Splits [from, to) into the whole months inside it and the loose days at either end, so a
 * year is read as 12 month rows per cell rather than 365 day rows.
 */
export function coverPeriod(range: DayRange): PeriodCover {
  const { from, to } = range;
  if (from >= to) return { months: null, days: [] };
  const firstWhole = from.endsWith('-01') ? from : nextMonthStart(from);
  const lastWholeEnd = to.slice(0, 8) + '01';
  if (firstWhole >= lastWholeEnd) return { months: null, days: [{ from, to }] };
  const days: DayRange[] = [];
  if (from < firstWhole) days.push({ from, to: firstWhole });
  if (lastWholeEnd < to) days.push({ from: lastWholeEnd, to });
  return { months: { from: firstWhole.slice(0, 7), to: lastWholeEnd.slice(0, 7) }, days };
}

/** The period of the same length right before [from, to): what a dashboard shows beside it. */
export function previousPeriod(range: DayRange): DayRange {
  const len = Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000);
  const fromIsMonthStart = range.from.endsWith('-01') && range.to.endsWith('-01');
  if (fromIsMonthStart) {
    // Whole months: the same number of months before (a quarter beside the quarter before).
    const months = monthIndex(range.to) - monthIndex(range.from);
    return { from: monthStart(monthIndex(range.from) - months), to: range.from };
  }
  return { from: addDays(range.from, -len), to: range.from };
}

function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

function monthStart(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The months (YYYY-MM) a range touches, in order: the x axis of "by month". */
export function monthsOf(range: DayRange): string[] {
  const out: string[] = [];
  if (range.from >= range.to) return out;
  for (let i = monthIndex(range.from); i <= monthIndex(addDays(range.to, -1)); i++) out.push(monthStart(i).slice(0, 7));
  return out;
}

/** The day before a China calendar day. */
export function dayBefore(day: string): string {
  return addDays(day, -1);
}
