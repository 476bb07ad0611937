import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '../domain/mailbox/calendar.ts';
import { nationalYear, workCalendar } from './work-calendar.ts';

describe('the national working-day calendar', () => {
  const cal = workCalendar();

  it('takes 2026 from the chinese-days package, as the State Council notice has it', () => {
    expect(nationalYear(2026)).toMatchObject({ source: 'chinese-days', provisional: false });
    for (const day of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
      expect(isWorkingDay(day, cal), day).toBe(true);
    for (const day of [
      '2026-01-01',
      '2026-02-16',
      '2026-04-06',
      '2026-05-05',
      '2026-06-19',
      '2026-09-25',
      '2026-10-07',
    ])
      expect(isWorkingDay(day, cal), day).toBe(false);
  });

  it('takes 2027 from assets/calendar/2027.json, marked provisional', () => {
    expect(nationalYear(2027)).toMatchObject({ source: 'assets', provisional: true });
    expect(isWorkingDay('2027-02-14', cal)).toBe(true);
    expect(isWorkingDay('2027-02-08', cal)).toBe(false);
    expect(addWorkingDays('2026-12-30', 2, cal)).toBe('2027-01-04');
  });

  it('adds the days off it is given', () => {
    expect(isWorkingDay('2026-11-26', workCalendar(['2026-11-26']))).toBe(false);
  });
});
