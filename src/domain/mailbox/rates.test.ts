import { describe, expect, it } from 'vitest';
import { defaultMailboxSettings } from './letters.ts';
import { tally, threeRates, emptyTally, type LetterOutcome } from './rates.ts';

const today = '2026-12-31';
const letter = (
  ackDue: string,
  acknowledgedOn: string | null,
  verdict: LetterOutcome['verdict'],
  finding: LetterOutcome['finding'] = null,
): LetterOutcome => ({ ackDue, acknowledgedOn, verdict, finding });

/**
 * Studio A's quarter, checked by hand:
 * 1 on time, 满意 · 2 on the deadline day, 基本满意 · 3 late, 不满意 twice, ruled 属实 ·
 * 4 never acknowledged · 5 on time, 未评价 · 6 on time, 满意 · 7 on time, 基本满意 ·
 * 8 not yet due.
 */
const studioA = [
  letter('2026-11-04', '2026-11-03', 'satisfied'),
  letter('2026-11-05', '2026-11-05', 'basic'),
  letter('2026-11-06', '2026-11-09', 'unsatisfied', 'substantiated'),
  letter('2026-11-10', null, null),
  letter('2026-11-12', '2026-11-11', null),
  letter('2026-11-13', '2026-11-13', 'satisfied'),
  letter('2026-11-16', '2026-11-16', 'basic'),
  letter('2027-01-04', null, null),
];

describe('tally', () => {
  it('counts studio A by hand', () => {
    expect(tally(studioA, today)).toEqual({
      letters: 8,
      due: 7, // all but 8
      acknowledgedOnTime: 5, // 1, 2, 5, 6, 7
      rated: 5, // 1, 2, 3, 6, 7 — 未评价 (4, 5, 8) counts in no verdict figure
      resolved: 4, // all rated but 3
      satisfied: 2,
      basic: 2,
      unsatisfied: 1,
      substantiated: 1,
    });
  });

  it('counts a letter acknowledged before its deadline as due and on time', () => {
    expect(tally([letter('2027-01-04', '2026-12-30', null)], today)).toMatchObject({ due: 1, acknowledgedOnTime: 1 });
  });
});

describe('threeRates', () => {
  it('gives studio A 5/7 response, 4/5 resolution, 3.8/5 satisfaction, composite 0.7754', () => {
    const r = threeRates(tally(studioA, today), defaultMailboxSettings);
    expect(r.responseRate).toBeCloseTo(5 / 7, 10);
    expect(r.resolutionRate).toBe(0.8);
    expect(r.satisfactionRate).toBeCloseTo(0.76, 10); // (2 + 0.9 × 2) / 5
    expect(r.composite).toBeCloseTo((10 * (5 / 7) + 50 * 0.8 + 40 * 0.76) / 100, 10);
    expect(r.composite).toBeCloseTo(0.775428571, 8);
    expect(r.tooFewToRank).toBe(false);
  });

  it('uses the district weights and the weight of 基本满意', () => {
    const r = threeRates(tally(studioA, today), {
      weights: { response: 20, resolution: 40, satisfaction: 40 },
      basicSatisfiedWeight: 0.8,
      minRatedToRank: 5,
    });
    expect(r.satisfactionRate).toBeCloseTo(0.72, 10); // (2 + 0.8 × 2) / 5
    expect(r.composite).toBeCloseTo(0.750857143, 8); // (20 × 5/7 + 40 × 0.8 + 40 × 0.72) / 100
  });

  it('shows but marks as too few to rank a studio with fewer than 5 rated letters', () => {
    const studioB = [
      letter('2026-11-04', '2026-11-04', 'satisfied'),
      letter('2026-11-05', '2026-11-04', 'satisfied'),
      letter('2026-11-06', '2026-11-06', 'satisfied'),
    ];
    expect(threeRates(tally(studioB, today), defaultMailboxSettings)).toEqual({
      responseRate: 1,
      resolutionRate: 1,
      satisfactionRate: 1,
      composite: 1,
      tooFewToRank: true,
    });
  });

  it('has no rate without letters, and no composite while a rate is missing', () => {
    expect(threeRates(emptyTally(), defaultMailboxSettings)).toEqual({
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      composite: null,
      tooFewToRank: true,
    });
    const unrated = threeRates(tally([letter('2026-11-04', '2026-11-04', null)], today), defaultMailboxSettings);
    expect(unrated).toMatchObject({ responseRate: 1, resolutionRate: null, composite: null });
  });
});
