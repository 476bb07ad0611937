import { describe, expect, it } from 'vitest';
import { roles } from '../access/roles.ts';
import type { DomainError } from '../errors.ts';
import {
  activityOf,
  isInactive,
  supervisorLifecycle,
  supervisorStatus,
  termEndFrom,
  transitionSupervisor,
  type ActivityItem,
} from './supervisors.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('a supervisor’s appointment', () => {
  const street = { role: 'street_admin' as const, inScope: true, isOwner: false };
  const today = '2026-11-25';

  it('runs two years by default, and ends by itself when the term runs out', () => {
    expect(termEndFrom('2026-12-01')).toBe('2028-11-30');
    expect(termEndFrom('2024-03-01', 1)).toBe('2025-02-28');
    expect(supervisorStatus('active', '2026-11-25', today)).toBe('active');
    expect(supervisorStatus('active', '2026-11-24', today)).toBe('term_ended');
    expect(supervisorStatus('dismissed', '2028-11-30', today)).toBe('dismissed');
  });

  it('is renewed to a later end or dismissed with a reason, by the street only', () => {
    expect(supervisorLifecycle.edges().map((e) => `${e.from} -${e.action}-> ${e.to.join('|')}`)).toEqual([
      'active -renew-> active',
      'term_ended -renew-> active',
      'active -dismiss-> dismissed',
      'term_ended -dismiss-> dismissed',
    ]);
    for (const role of roles)
      expect(supervisorLifecycle.available('active', { role, inScope: true, isOwner: true }), role).toEqual(
        role === 'street_admin' ? ['renew', 'dismiss'] : [],
      );
    const facts = { status: 'term_ended' as const, termEnd: '2026-10-31' };
    expect(transitionSupervisor(facts, { action: 'renew', termEnd: '2028-10-31' }, street, today).to).toBe('active');
    expect(code(() => transitionSupervisor(facts, { action: 'renew', termEnd: '2026-11-01' }, street, today))).toBe(
      'TERM_INVALID',
    );
    expect(code(() => transitionSupervisor(facts, { action: 'dismiss', reason: '' }, street, today))).toBe(
      'REASON_REQUIRED',
    );
    expect(
      code(() =>
        transitionSupervisor(
          { ...facts, status: 'dismissed' },
          { action: 'renew', termEnd: '2029-01-01' },
          street,
          today,
        ),
      ),
    ).toBe('SUPERVISOR_NOT_ALLOWED');
  });
});

describe('activity', () => {
  const item = (quarter: ActivityItem['quarter'], status: string, submittedAt: string | null): ActivityItem => ({
    quarter,
    status,
    submittedAt,
  });

  it('counts inspections done, done by the quarter’s end, and not done by it', () => {
    const items = [
      item('2026-Q3', 'submitted', '2026-09-20T02:00:00.000Z'),
      item('2026-Q3', 'corrected', '2026-10-03T02:00:00.000Z'), // done, but after Q3 ended
      item('2026-Q3', 'planned', null), // never done
      item('2026-Q3', 'cancelled', null),
      item('2026-Q4', 'planned', null), // still has time
      item('2026-Q4', 'submitted', '2026-11-20T02:00:00.000Z'),
    ];
    expect(activityOf(items, '2026-11-25T08:00:00.000Z')).toEqual({ done: 3, onTime: 2, overdue: 2 });
  });

  it('flags a supervisor without an inspection in the last two finished quarters or this one', () => {
    expect(isInactive('2025-01-01', new Set(), '2026-11-25')).toBe(true);
    expect(isInactive('2025-01-01', new Set(['2026-Q2']), '2026-11-25')).toBe(false);
    expect(isInactive('2025-01-01', new Set(['2026-Q4']), '2026-11-25')).toBe(false);
    expect(isInactive('2025-01-01', new Set(['2026-Q1']), '2026-11-25')).toBe(true);
    // Appointed after Q2 began: not yet two quarters to judge.
    expect(isInactive('2026-04-02', new Set(), '2026-11-25')).toBe(false);
  });
});
