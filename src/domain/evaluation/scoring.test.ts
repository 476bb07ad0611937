import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { checkEffectiveFrom, checkScheme, defaultScheme, versionInForce, type SchemeConfig } from './scheme.ts';
import { changesBetween, median, scoreStudio, type StudioFigures } from './scoring.ts';

const figures = (f: Partial<StudioFigures> = {}): StudioFigures => ({
  studioId: 1,
  members: 1,
  personTimes: 0,
  ratingCount: 0,
  ratingSum: 0,
  inspectionTotals: [],
  commitmentChecks: 0,
  commitmentsKept: 0,
  praise: 0,
  substantiatedComplaints: 0,
  threeRates: null,
  feeTakingFindings: 0,
  evidence: {},
  ...f,
});

const points = (b: ReturnType<typeof scoreStudio>) => Object.fromEntries(b.items.map((i) => [i.code, i.points]));

describe('scoreStudio under the default scheme', () => {
  it('scores a full quarter item by item (hand-checked)', () => {
    // volume: 30 ÷ 2 = 15 per member against a median of 10 → min(1, 1.5) → 15 of 15
    // ratings: 27 ÷ 6 = 4.5 → 15 × 0.9 = 13.5; inspections: (80 + 90) ÷ 2 = 85 % → 12.75
    // commitments: 3 of 4 kept → 7.5; 三率 0.9 → 4.5; praise 5 × 1 capped at 3; one complaint −5
    // 40 + 15 + 13.5 + 12.75 + 7.5 + 4.5 + 3 = 96.25, − 5 = 91.25
    const b = scoreStudio(
      defaultScheme,
      figures({
        members: 2,
        personTimes: 30,
        ratingCount: 6,
        ratingSum: 27,
        inspectionTotals: [80, 90],
        commitmentChecks: 4,
        commitmentsKept: 3,
        threeRates: 0.9,
        praise: 5,
        substantiatedComplaints: 1,
        evidence: { ratings: { ratings: [11, 12] }, complaints: { letters: [7] } },
      }),
      { streetMedianPerMember: 10 },
    );
    expect(points(b)).toEqual({
      base: 40,
      volume: 15,
      ratings: 13.5,
      inspections: 12.75,
      commitments: 7.5,
      three_rates: 4.5,
      praise: 3,
      complaints: 5,
    });
    expect(b.added).toBe(96.25);
    expect(b.deducted).toBe(5);
    expect(b.total).toBe(91.25);
    expect(b.vetoed).toBe(false);
    const byCode = new Map(b.items.map((i) => [i.code, i]));
    expect(byCode.get('volume')?.formula).toBe('15 × min(1, (30 ÷ 2) ÷ 10) = 15');
    expect(byCode.get('ratings')?.formula).toBe('15 × (4.5 ÷ 5) = 13.5');
    expect(byCode.get('praise')?.formula).toBe('min(3, 5 × 1) = 3');
    expect(byCode.get('ratings')?.raw).toEqual({ count: 6, mean: 4.5, minCount: 5 });
    expect(byCode.get('complaints')?.evidence).toEqual({ letters: [7] });
    expect(b.formula).toBe('clamp(96.25 − 5, 0, 100) = 91.25');
  });

  it('counts ratings only from five up, and scores nothing for what did not happen', () => {
    // volume 5 ÷ 1 against 10 → 7.5; four ratings do not count; five complaints × 5 capped at 20
    const b = scoreStudio(
      defaultScheme,
      figures({ personTimes: 5, ratingCount: 4, ratingSum: 20, substantiatedComplaints: 5 }),
      { streetMedianPerMember: 10 },
    );
    expect(points(b)).toMatchObject({ volume: 7.5, ratings: 0, inspections: 0, commitments: 0, three_rates: 0 });
    expect(b.items.find((i) => i.code === 'ratings')?.formula).toBe('4 < 5 → 0');
    expect(b.items.find((i) => i.code === 'complaints')?.points).toBe(20);
    expect(b.total).toBe(27.5);
  });

  it('normalises volume by members, so a one-person studio is not beaten by size alone', () => {
    const ctx = { streetMedianPerMember: 12 };
    const one = scoreStudio(defaultScheme, figures({ members: 1, personTimes: 12 }), ctx);
    const ten = scoreStudio(defaultScheme, figures({ members: 10, personTimes: 60 }), ctx);
    expect(one.items.find((i) => i.code === 'volume')?.points).toBe(15);
    expect(ten.items.find((i) => i.code === 'volume')?.points).toBe(7.5);
  });

  it('gives a street where nobody served no volume points, and full points to whoever did', () => {
    const ctx = { streetMedianPerMember: 0 };
    expect(scoreStudio(defaultScheme, figures(), ctx).items.find((i) => i.code === 'volume')?.points).toBe(0);
    expect(
      scoreStudio(defaultScheme, figures({ personTimes: 1 }), ctx).items.find((i) => i.code === 'volume')?.points,
    ).toBe(15);
  });

  it('sets a quarter with a substantiated fee-taking finding to the minimum (一票否决)', () => {
    const b = scoreStudio(
      defaultScheme,
      figures({ personTimes: 40, ratingCount: 10, ratingSum: 50, feeTakingFindings: 1 }),
      { streetMedianPerMember: 10 },
    );
    expect(b.added).toBe(70);
    expect(b.vetoed).toBe(true);
    expect(b.total).toBe(0);
    expect(b.vetoes[0]).toMatchObject({ code: 'fee_taking', count: 1, triggered: true });
    expect(b.formula).toBe('veto → 0');
  });
});

describe('a base-plus-bonus-minus-deductions scheme (base 70 + 评议 20 + contribution ≤ 10)', () => {
  const t = { 'zh-CN': 'x', 'zh-TW': 'x', en: 'x' };
  const published: SchemeConfig = {
    ...defaultScheme,
    items: [
      { code: 'base', title: t, source: 'base', direction: 'add', points: 70, cap: 70 },
      { code: 'review', title: t, source: 'ratings', direction: 'add', points: 20, cap: 20, minCount: 1 },
      { code: 'contribution', title: t, source: 'praise', direction: 'add', points: 2, cap: 10 },
      { code: 'deductions', title: t, source: 'complaints', direction: 'deduct', points: 10, cap: 100 },
    ],
  };

  it('expresses the shape and caps the contribution', () => {
    checkScheme(published);
    // 70 + 20 × (5 ÷ 5) + min(10, 8 × 2) = 100
    const b = scoreStudio(published, figures({ ratingCount: 10, ratingSum: 50, praise: 8 }), {
      streetMedianPerMember: 1,
    });
    expect(b.total).toBe(100);
    // 100 − 3 × 10 = 70
    expect(
      scoreStudio(published, figures({ ratingCount: 10, ratingSum: 50, praise: 8, substantiatedComplaints: 3 }), {
        streetMedianPerMember: 1,
      }).total,
    ).toBe(70);
  });

  it('never goes below the minimum', () => {
    // 70 − min(100, 12 × 10) = −30 → 0
    const b = scoreStudio(published, figures({ substantiatedComplaints: 12 }), { streetMedianPerMember: 1 });
    expect(b.deducted).toBe(100);
    expect(b.total).toBe(0);
  });
});

describe('scheme versions', () => {
  const versions = [
    { version: 1, effectiveFrom: '2026-01-01' },
    { version: 2, effectiveFrom: '2026-10-01' },
    { version: 3, effectiveFrom: '2026-10-01' },
  ];

  it('scores a quarter with the version in force on its first day', () => {
    expect(versionInForce(versions, '2026-07-01')?.version).toBe(1);
    expect(versionInForce(versions, '2026-10-01')?.version).toBe(3);
    expect(versionInForce(versions, '2025-10-01')).toBeUndefined();
  });

  it('refuses a new version taking effect before the current quarter, so a past quarter keeps its result', () => {
    expect(() => checkEffectiveFrom('2026-09-30', '2026-10-01')).toThrow(DomainError);
    expect(() => checkEffectiveFrom('2026-10-01', '2026-10-01')).not.toThrow();
    expect(() => checkEffectiveFrom('not a day', '2026-10-01')).toThrow(DomainError);
  });

  it('refuses a scheme with repeated codes or inverted bounds', () => {
    expect(() => checkScheme({ ...defaultScheme, items: [...defaultScheme.items, ...defaultScheme.items] })).toThrow(
      DomainError,
    );
    expect(() => checkScheme({ ...defaultScheme, minimum: 100, maximum: 0 })).toThrow(DomainError);
    expect(() => checkScheme(defaultScheme)).not.toThrow();
  });
});

describe('changesBetween and median', () => {
  it('names the total and each item whose points moved', () => {
    const ctx = { streetMedianPerMember: 10 };
    const before = scoreStudio(defaultScheme, figures({ personTimes: 10 }), ctx);
    const after = scoreStudio(defaultScheme, figures({ personTimes: 10, substantiatedComplaints: 1 }), ctx);
    expect(changesBetween(before, after)).toEqual([
      { code: 'total', before: 55, after: 50 },
      { code: 'complaints', before: 0, after: -5 },
    ]);
    expect(changesBetween(after, after)).toEqual([]);
  });

  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});
