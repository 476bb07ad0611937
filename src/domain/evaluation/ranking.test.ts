import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../access/roles.ts';
import { DomainError } from '../errors.ts';
import { defaultScheme } from './scheme.ts';
import { rankByItem, rankStudios, selectProposals, type Candidate } from './ranking.ts';
import { commendationLifecycle, decideEvaluationProposal, reviewLifecycle } from './proposals.ts';
import { defaultGradeRule, excellentQuota, meanOfScored, suggestGrade } from './year-end.ts';

const entry = (studioId: number, total: number, o: Partial<Candidate> = {}): Candidate => ({
  studioId,
  streetId: 1,
  total,
  deducted: 0,
  perMember: 0,
  vetoed: false,
  complaintsInQuarter: 0,
  complaintsInWindow: 0,
  ...o,
});

describe('rankStudios: the tie-break rule', () => {
  it('puts the higher total first, then fewer deductions, then more person-times per member, then the lower id', () => {
    const places = rankStudios([
      entry(5, 80, { deducted: 5 }),
      entry(4, 80),
      entry(3, 70, { perMember: 10 }),
      entry(2, 70, { perMember: 12 }),
      entry(9, 60),
      entry(8, 60),
      entry(1, 90, { streetId: 2 }),
    ]);
    const district = [...places].sort((a, b) => a[1].district - b[1].district).map(([id]) => id);
    expect(district).toEqual([1, 4, 5, 2, 3, 8, 9]);
    expect(places.get(1)).toEqual({ district: 1, street: 1 });
    expect(places.get(4)).toEqual({ district: 2, street: 1 });
    expect(places.get(9)).toEqual({ district: 7, street: 6 });
  });

  it('ranks by one item with the same tie-break', () => {
    const places = rankByItem([
      { ...entry(1, 50), itemPoints: 10 },
      { ...entry(2, 60), itemPoints: 10 },
      { ...entry(3, 40), itemPoints: 12 },
    ]);
    expect([places.get(3), places.get(2), places.get(1)]).toEqual([1, 2, 3]);
  });
});

describe('selectProposals', () => {
  it('commends the top tenth without a complaint, and sends the bottom, the complained-of and the vetoed to their street', () => {
    // 20 studios scoring 100, 99, … 81: the top 10 % is two (ids 1, 2), the bottom 5 % one (id 20).
    const c = Array.from({ length: 20 }, (_, i) => entry(i + 1, 100 - i));
    c[0] = entry(1, 100, { complaintsInQuarter: 1, complaintsInWindow: 1 });
    c[9] = entry(10, 91, { complaintsInWindow: 2 });
    c[10] = entry(11, 90, { vetoed: true });
    const { commend, review } = selectProposals(c, defaultScheme.proposals);
    expect(commend).toEqual([2]);
    expect(Object.fromEntries(review)).toEqual({ 10: ['complaints'], 11: ['veto'], 20: ['bottom'] });
  });

  it('proposes nothing for an empty district', () => {
    const { commend, review } = selectProposals([], defaultScheme.proposals);
    expect(commend).toEqual([]);
    expect(review.size).toBe(0);
  });
});

describe('the proposals decided by people', () => {
  it('lets only the district decide commendations and only the street decide reviews (edges by hand)', () => {
    const edges = [
      { from: 'proposed', action: 'confirm', to: ['confirmed'] },
      { from: 'proposed', action: 'reject', to: ['rejected'] },
    ];
    expect(commendationLifecycle.edges()).toEqual(edges);
    expect(reviewLifecycle.edges()).toEqual(edges);
    const may = (lc: Pick<typeof reviewLifecycle, 'mayTake'>, role: Role) =>
      lc.mayTake('confirm', { role, inScope: true, isOwner: true });
    expect(roles.filter((r) => may(commendationLifecycle, r))).toEqual(['district_admin']);
    expect(roles.filter((r) => may(reviewLifecycle, r))).toEqual(['street_admin']);
  });

  it('confirms a review as rectification with a later deadline, or as revocation with a reason', () => {
    const street = { role: 'street_admin' as const, inScope: true, isOwner: false };
    const today = '2026-11-25';
    const decide = (input: Parameters<typeof decideEvaluationProposal>[2]) =>
      decideEvaluationProposal('review', 'proposed', input, street, today);
    expect(decide({ action: 'confirm', outcome: 'revoke', reason: '群众反映强烈' }).to).toBe('confirmed');
    expect(decide({ action: 'confirm', outcome: 'rectify', deadline: '2026-12-31' }).to).toBe('confirmed');
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof DomainError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => decide({ action: 'confirm', outcome: 'rectify', deadline: today }))).toBe('DEADLINE_INVALID');
    expect(code(() => decide({ action: 'confirm', outcome: 'revoke', reason: ' ' }))).toBe('REASON_REQUIRED');
    expect(code(() => decide({ action: 'confirm' }))).toBe('VALIDATION_FAILED');
    expect(code(() => decide({ action: 'reject', reason: '' }))).toBe('REASON_REQUIRED');
    expect(
      code(() => decideEvaluationProposal('review', 'rejected', { action: 'reject', reason: 'x' }, street, today)),
    ).toBe('PROPOSAL_NOT_PENDING');
    expect(
      code(() =>
        decideEvaluationProposal(
          'review',
          'proposed',
          { action: 'reject', reason: 'x' },
          { ...street, inScope: false },
          today,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(code(() => decideEvaluationProposal('commendation', 'proposed', { action: 'confirm' }, street, today))).toBe(
      'FORBIDDEN',
    );
  });
});

describe('the year-end sheet', () => {
  it('suggests a grade from the mean of the scored quarters (hand-checked)', () => {
    // (92 + 95 + 90) ÷ 3 = 92.33
    expect(meanOfScored([92, 95, null, 90])).toBe(92.33);
    const m = { probationary: false, quarterScores: [92, 95, null, 90], substantiatedComplaints: 0 };
    expect(suggestGrade(defaultGradeRule, m)).toBe('excellent');
    expect(suggestGrade(defaultGradeRule, { ...m, substantiatedComplaints: 1 })).toBe('qualified');
    expect(suggestGrade(defaultGradeRule, { ...m, quarterScores: [70, 70, 70, 70] })).toBe('basic');
    expect(suggestGrade(defaultGradeRule, { ...m, quarterScores: [59.99, null, null, null] })).toBe('unqualified');
    expect(suggestGrade(defaultGradeRule, { ...m, quarterScores: [null, null, null, null] })).toBeNull();
  });

  it('lists a probationary member without a grade', () => {
    expect(
      suggestGrade(defaultGradeRule, { probationary: true, quarterScores: [99], substantiatedComplaints: 0 }),
    ).toBeNull();
  });

  it('allows 优秀 for at most a third of the graded members of a branch', () => {
    expect(
      excellentQuota(['excellent', 'excellent', 'qualified', 'qualified', 'basic', 'qualified', 'qualified', null]),
    ).toEqual({
      allowed: 2,
      given: 2,
      ok: true,
    });
    expect(excellentQuota(['excellent', 'excellent', 'qualified'])).toEqual({ allowed: 1, given: 2, ok: false });
  });
});
