import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  calendarOf,
  isCalendarDate,
  isWorkingDay,
  workingDaysBetween,
  type WorkCalendar,
} from './calendar.ts';

/** Every day from `from` to `to`, inclusive. */
const range = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) days.push(d);
  return days;
};

// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), written out by hand.
const holidays2026 = [
  ...range('2026-01-01', '2026-01-03'),
  ...range('2026-02-15', '2026-02-23'),
  ...range('2026-04-04', '2026-04-06'),
  ...range('2026-05-01', '2026-05-05'),
  ...range('2026-06-19', '2026-06-21'),
  ...range('2026-09-25', '2026-09-27'),
  ...range('2026-10-01', '2026-10-07'),
];
const workdays2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];
// The provisional 2027 arrangement of assets/calendar/2027.json.
const holidays2027 = [
  ...range('2027-01-01', '2027-01-03'),
  ...range('2027-02-05', '2027-02-13'),
  ...range('2027-04-03', '2027-04-05'),
  ...range('2027-05-01', '2027-05-05'),
  '2027-06-09',
  '2027-09-15',
  ...range('2027-10-01', '2027-10-07'),
];
const workdays2027 = ['2027-02-14', '2027-02-20', '2027-05-08', '2027-09-26', '2027-10-09'];

const cal = calendarOf({
  holidays: [...holidays2026, ...holidays2027],
  makeUpWorkdays: [...workdays2026, ...workdays2027],
});
const withDaysOff = (daysOff: string[]): WorkCalendar => ({ ...cal, daysOff: new Set(daysOff) });

describe('isWorkingDay', () => {
  it('counts the make-up working days of 2026 as working days, weekends though they are', () => {
    for (const day of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
      expect(isWorkingDay(day, cal), day).toBe(true);
  });

  it('counts every day of the 2026 National Day holiday as a day off, weekdays included', () => {
    for (const day of range('2026-10-01', '2026-10-07')) expect(isWorkingDay(day, cal), day).toBe(false);
  });

  it('knows ordinary weekdays and weekends', () => {
    expect(isWorkingDay('2026-11-25', cal)).toBe(true); // Wednesday
    expect(isWorkingDay('2026-11-28', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-29', cal)).toBe(false); // Sunday
  });

  it('follows the 2027 arrangement: the Spring Festival off, Sunday 14 February at work', () => {
    expect(range('2027-02-05', '2027-02-13').filter((d) => isWorkingDay(d, cal))).toEqual([]);
    expect(isWorkingDay('2027-02-14', cal)).toBe(true);
    expect(isWorkingDay('2027-09-26', cal)).toBe(true);
    expect(isWorkingDay('2027-06-09', cal)).toBe(false);
  });

  it('lets a district day off win, even over a make-up working day', () => {
    expect(isWorkingDay('2026-11-26', withDaysOff(['2026-11-26']))).toBe(false);
    expect(isWorkingDay('2026-02-14', withDaysOff(['2026-02-14']))).toBe(false);
  });
});

describe('addWorkingDays', () => {
  const cases: Array<[string, number, string, string]> = [
    ['2026-11-25', 2, '2026-11-27', 'Wednesday + 2 is Friday'],
    ['2026-11-26', 2, '2026-11-30', 'Thursday + 2 skips the weekend'],
    ['2026-11-28', 2, '2026-12-01', 'from a Saturday the count starts on Monday'],
    ['2026-11-25', 0, '2026-11-25', 'zero days is the day itself'],
    ['2026-02-13', 1, '2026-02-14', 'Friday + 1 is the make-up Saturday before the Spring Festival'],
    ['2026-02-13', 2, '2026-02-24', 'then nine days off, back on Tuesday'],
    ['2026-02-24', 4, '2026-02-28', 'the make-up Saturday after the Spring Festival counts'],
    ['2026-09-18', 1, '2026-09-20', 'Friday + 1 is the make-up Sunday before National Day'],
    ['2026-09-30', 1, '2026-10-08', 'no working day from 1 to 7 October'],
    ['2026-09-30', 3, '2026-10-10', 'the make-up Saturday 10 October counts'],
    ['2026-09-30', 4, '2026-10-12', 'and Sunday 11 October does not'],
    ['2026-09-24', 15, '2026-10-22', 'a complaint the day before 中秋: fifteen working days'],
    ['2026-12-30', 2, '2027-01-04', 'across the year: 元旦 2027 is Friday to Sunday'],
    ['2027-02-04', 2, '2027-02-15', 'Spring Festival 2027: the make-up Sunday, then Monday'],
    ['2027-04-30', 1, '2027-05-06', 'Labour Day 2027: 1 to 5 May off'],
    ['2027-04-30', 3, '2027-05-08', 'the make-up Saturday 8 May counts'],
    ['2027-09-24', 1, '2027-09-26', 'the make-up Sunday before National Day 2027'],
    ['2027-09-29', 5, '2027-10-12', 'National Day 2027 and its make-up Saturday'],
  ];
  for (const [from, n, expected, why] of cases) {
    it(`${from} + ${n} working days = ${expected} (${why})`, () => {
      expect(addWorkingDays(from, n, cal)).toBe(expected);
    });
  }

  it('moves a deadline when the district adds a day off', () => {
    expect(addWorkingDays('2026-11-25', 2, withDaysOff(['2026-11-26']))).toBe('2026-11-30');
    expect(addWorkingDays('2026-02-13', 1, withDaysOff(['2026-02-14']))).toBe('2026-02-24');
  });

  it('counts only weekends in a year no calendar covers', () => {
    expect(addWorkingDays('2030-01-04', 1, cal)).toBe('2030-01-07');
  });

  it('refuses a negative or fractional count and a malformed date', () => {
    expect(() => addWorkingDays('2026-11-25', -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-25', 1.5, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 1, cal)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first day up to and including the last', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-12', cal)).toBe(4);
    expect(workingDaysBetween('2026-02-13', '2026-02-24', cal)).toBe(2);
    expect(workingDaysBetween('2026-11-25', '2026-11-25', cal)).toBe(0);
  });

  it('is negative backwards', () => {
    expect(workingDaysBetween('2026-10-12', '2026-09-30', cal)).toBe(-4);
  });

  it('undoes addWorkingDays on every start day of 2026 and 2027', () => {
    for (const day of range('2026-01-01', '2027-12-31')) {
      for (const n of [1, 2, 10, 15]) {
        expect(workingDaysBetween(day, addWorkingDays(day, n, cal), cal), `${day} + ${n}`).toBe(n);
      }
    }
  });
});

describe('dates', () => {
  it('knows a real date from a malformed one', () => {
    expect(isCalendarDate('2027-02-28')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-2-28')).toBe(false);
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
