import { describe, expect, it } from 'vitest';
import {
  chinaDay,
  correctionDeltas,
  coverPeriod,
  mergeDeltas,
  monthsOf,
  previousPeriod,
  rollupDeltas,
  type RollupFact,
} from './rollups.ts';

const lesson: RollupFact = {
  servedAt: '2026-03-31T17:30:00.000Z',
  categoryId: 1,
  mode: 'activity',
  groups: ['migrant_workers', 'youth', 'youth'],
  personTimes: 30,
};

describe('rollupDeltas', () => {
  it('counts the service on its China calendar day and month', () => {
    expect(chinaDay('2026-03-31T17:30:00.000Z')).toBe('2026-04-01');
    const cells = rollupDeltas(lesson, [7], 1, chinaDay);
    expect(new Set(cells.map((c) => `${c.grain}:${c.period}`))).toEqual(new Set(['day:2026-04-01', 'month:2026-04']));
  });

  it('counts a record once in the total row and once under each distinct group, for every unit on its path', () => {
    const cells = rollupDeltas(lesson, [1, 2, 3], 1, chinaDay);
    // 3 units × 2 grains × (total + 2 groups)
    expect(cells).toHaveLength(18);
    const totalDay = cells.filter((c) => c.grain === 'day' && c.groupKey === '');
    expect(totalDay.map((c) => [c.unitId, c.records, c.personTimes])).toEqual([
      [1, 1, 30],
      [2, 1, 30],
      [3, 1, 30],
    ]);
  });

  it('takes a record out with the opposite sign', () => {
    expect(rollupDeltas(lesson, [1], -1, chinaDay).every((c) => c.records === -1 && c.personTimes === -30)).toBe(true);
  });
});

describe('correctionDeltas', () => {
  it('moves only what the correction changed', () => {
    const moved = correctionDeltas(lesson, { ...lesson, personTimes: 32, groups: ['youth'] }, [9], chinaDay);
    const summary = moved.map((d) => `${d.grain}/${d.groupKey || 'all'}:${d.records}/${d.personTimes}`).sort();
    expect(summary).toEqual([
      'day/all:0/2',
      'day/migrant_workers:-1/-30',
      'day/youth:0/2',
      'month/all:0/2',
      'month/migrant_workers:-1/-30',
      'month/youth:0/2',
    ]);
  });

  it('moves nothing when nothing changed', () => {
    expect(correctionDeltas(lesson, lesson, [1, 2], chinaDay)).toEqual([]);
  });

  it('sums the rollups of many records to the records themselves', () => {
    const facts: RollupFact[] = Array.from({ length: 50 }, (_, i) => ({
      servedAt: `2026-0${1 + (i % 3)}-1${i % 10}T02:00:00.000Z`,
      categoryId: 1 + (i % 4),
      mode: i % 2 ? 'home' : 'studio',
      groups: i % 5 ? ['elderly'] : [],
      personTimes: 1 + (i % 7),
    }));
    const cells = mergeDeltas(facts.flatMap((f) => rollupDeltas(f, [1], 1, chinaDay)));
    const monthTotal = cells.filter((c) => c.grain === 'month' && c.groupKey === '');
    expect(monthTotal.reduce((s, c) => s + c.personTimes, 0)).toBe(facts.reduce((s, f) => s + f.personTimes, 0));
    expect(monthTotal.reduce((s, c) => s + c.records, 0)).toBe(50);
    const elderly = cells.filter((c) => c.grain === 'day' && c.groupKey === 'elderly');
    expect(elderly.reduce((s, c) => s + c.records, 0)).toBe(40);
  });
});

describe('coverPeriod', () => {
  it('reads a quarter as three whole months', () => {
    expect(coverPeriod({ from: '2026-01-01', to: '2026-04-01' })).toEqual({
      months: { from: '2026-01', to: '2026-04' },
      days: [],
    });
  });

  it('reads the loose days at both ends from the day grain', () => {
    expect(coverPeriod({ from: '2026-01-15', to: '2026-04-10' })).toEqual({
      months: { from: '2026-02', to: '2026-04' },
      days: [
        { from: '2026-01-15', to: '2026-02-01' },
        { from: '2026-04-01', to: '2026-04-10' },
      ],
    });
  });

  it('reads a range inside one month from days only', () => {
    expect(coverPeriod({ from: '2026-12-15', to: '2027-01-01' })).toEqual({
      months: null,
      days: [{ from: '2026-12-15', to: '2027-01-01' }],
    });
    expect(coverPeriod({ from: '2026-03-03', to: '2026-03-20' }).days).toEqual([
      { from: '2026-03-03', to: '2026-03-20' },
    ]);
  });
});

describe('previousPeriod', () => {
  it('puts a quarter beside the quarter before and a year beside the year before', () => {
    expect(previousPeriod({ from: '2026-04-01', to: '2026-07-01' })).toEqual({ from: '2026-01-01', to: '2026-04-01' });
    expect(previousPeriod({ from: '2026-01-01', to: '2027-01-01' })).toEqual({ from: '2025-01-01', to: '2026-01-01' });
  });

  it('puts loose days beside as many days before', () => {
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-20' })).toEqual({ from: '2026-02-28', to: '2026-03-10' });
  });
});

describe('monthsOf', () => {
  it('lists the months a range touches', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});
