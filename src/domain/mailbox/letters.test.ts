import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { calendarOf, addCalendarDays } from './calendar.ts';
import {
  deadlinesAtReceipt,
  deadlinesOf,
  defaultMailboxSettings,
  isDuplicateLetter,
  maskName,
  nextDueOf,
  overdueState,
  ratingDueOf,
} from './letters.ts';
import { checkMailboxSettings, mailboxSettingsFrom } from './settings.ts';

const range = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) days.push(d);
  return days;
};
// 2026's National Day and 中秋 with their make-up working days (the State Council notice).
const cal = calendarOf({
  holidays: [...range('2026-09-25', '2026-09-27'), ...range('2026-10-01', '2026-10-07')],
  makeUpWorkdays: ['2026-09-20', '2026-10-10'],
});
const s = defaultMailboxSettings;

describe('deadlines by type, in working days', () => {
  it('give a complaint 2 days to acknowledge and 15 to resolve', () => {
    expect(deadlinesAtReceipt('2026-11-25', 'complaint', s, cal)).toEqual({
      ackDays: 2,
      replyDays: 15,
      ackDue: '2026-11-27',
      replyDue: '2026-12-16',
    });
  });

  it('give a suggestion or praise 10 days to reply', () => {
    expect(deadlinesAtReceipt('2026-11-25', 'suggestion', s, cal).replyDue).toBe('2026-12-09');
    expect(deadlinesAtReceipt('2026-11-25', 'praise', s, cal).replyDue).toBe('2026-12-09');
  });

  it('skip the National Day holiday and count its make-up Saturday', () => {
    expect(deadlinesAtReceipt('2026-09-30', 'praise', s, cal)).toMatchObject({
      ackDue: '2026-10-09',
      replyDue: '2026-10-20',
    });
  });

  it('follow the district settings per type', () => {
    const custom = { ...s, deadlines: { ...s.deadlines, complaint: { acknowledge: 1, reply: 5 } } };
    expect(deadlinesAtReceipt('2026-11-25', 'complaint', custom, cal)).toMatchObject({
      ackDue: '2026-11-26',
      replyDue: '2026-12-02',
    });
  });

  it('count an extension and a second round from their own start', () => {
    const basis = { receivedOn: '2026-11-25', ackDays: 2, replyFrom: '2026-11-25', replyDays: 15, extensionDays: 10 };
    expect(deadlinesOf(basis, cal).replyDue).toBe('2026-12-30');
    expect(deadlinesOf({ ...basis, replyFrom: '2026-12-21', extensionDays: 0 }, cal).replyDue).toBe('2027-01-11');
  });

  it('name the deadline of the step the street owes', () => {
    expect(nextDueOf('received', 'A', 'R')).toBe('A');
    expect(nextDueOf('assigned', 'A', 'R')).toBe('A');
    expect(nextDueOf('acknowledged', 'A', 'R')).toBe('R');
    expect(nextDueOf('reopened', 'A', 'R')).toBe('R');
    expect(nextDueOf('replied', 'A', 'R')).toBeNull();
    expect(nextDueOf('under_review', 'A', 'R')).toBeNull();
    expect(nextDueOf('closed', 'A', 'R')).toBeNull();
  });
});

describe('overdue and escalation', () => {
  it('is on time on the deadline, overdue the day after', () => {
    expect(overdueState('2026-11-27', '2026-11-27', 5, cal).overdue).toBe(false);
    expect(overdueState('2026-11-27', '2026-11-28', 5, cal).overdue).toBe(true);
  });

  it('escalates to the district after 5 more working days', () => {
    const due = '2026-11-27'; // Friday; the fifth working day after it is Friday 4 December
    expect(overdueState(due, '2026-12-04', 5, cal)).toMatchObject({ escalate: false, escalationDay: '2026-12-04' });
    expect(overdueState(due, '2026-12-05', 5, cal).escalate).toBe(true);
  });

  it('counts the escalation in working days across a holiday', () => {
    expect(overdueState('2026-09-30', '2026-10-12', 5, cal)).toMatchObject({
      escalate: false,
      escalationDay: '2026-10-13',
    });
  });

  it('gives the writer 10 calendar days to rate a reply', () => {
    expect(ratingDueOf('2026-11-25', s)).toBe('2026-12-05');
  });
});

describe('duplicates', () => {
  const a = { type: 'complaint' as const, about: 'studio:1', text: '工作室周六上午经常不开门', at: 0 };
  it('are the same sender, type and subject within a day with mostly the same text', () => {
    expect(isDuplicateLetter(a, { ...a, text: '工作室周六上午经常不开门！', at: 3_600_000 })).toBe(true);
  });
  it('are not a different subject, type, text or day', () => {
    expect(isDuplicateLetter(a, { ...a, about: 'studio:2' })).toBe(false);
    expect(isDuplicateLetter(a, { ...a, type: 'suggestion' })).toBe(false);
    expect(isDuplicateLetter(a, { ...a, text: '建议增加书法课的次数' })).toBe(false);
    expect(isDuplicateLetter(a, { ...a, at: 90_000_000 })).toBe(false);
  });
});

describe('settings', () => {
  it('accept the defaults', () => {
    expect(() => checkMailboxSettings(s)).not.toThrow();
  });
  it('refuse an acknowledgement later than the reply, zero weights, or 基本满意 above 1', () => {
    const bad = [
      { ...s, deadlines: { ...s.deadlines, praise: { acknowledge: 5, reply: 3 } } },
      { ...s, weights: { response: 0, resolution: 0, satisfaction: 0 } },
      { ...s, basicSatisfiedWeight: 1.2 },
      { ...s, extensionMaxDays: 0 },
    ];
    for (const b of bad) {
      expect(() => checkMailboxSettings(b)).toThrow(DomainError);
    }
  });
  it('fill what was never stored from the defaults', () => {
    expect(mailboxSettingsFrom({ weights: { response: 20 } })).toMatchObject({
      weights: { response: 20, resolution: 50, satisfaction: 40 },
      deadlines: { complaint: { acknowledge: 2, reply: 15 } },
    });
    expect(mailboxSettingsFrom(null)).toEqual(s);
  });
});

describe('masking', () => {
  it('shows the surname only', () => {
    expect(maskName('王秀兰')).toBe('王**');
    expect(maskName(null)).toBeNull();
  });
});
