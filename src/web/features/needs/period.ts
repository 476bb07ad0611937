import dayjs, { type Dayjs } from 'dayjs';

/** A period of whole days, both ends included. */
export type Period = [Dayjs, Dayjs];

/** The calendar quarter containing `day` (dayjs needs a plugin for quarters; this is simpler). */
export function quarterOf(day: Dayjs): Period {
  const start = day.startOf('month').month(Math.floor(day.month() / 3) * 3);
  return [start, start.add(3, 'month').subtract(1, 'day')];
}

/** Named periods for the picker: this and last quarter, this month, this and last year. */
export function presets(
  today: Dayjs = dayjs(),
): Record<'thisQuarter' | 'lastQuarter' | 'thisMonth' | 'thisYear' | 'lastYear', Period> {
  const [q0] = quarterOf(today);
  return {
    thisQuarter: quarterOf(today),
    lastQuarter: quarterOf(q0.subtract(1, 'day')),
    thisMonth: [today.startOf('month'), today.endOf('month').startOf('day')],
    thisYear: [today.startOf('year'), today.endOf('year').startOf('day')],
    lastYear: [today.subtract(1, 'year').startOf('year'), today.subtract(1, 'year').endOf('year').startOf('day')],
  };
}

export const iso = (d: Dayjs) => d.format('YYYY-MM-DD');
