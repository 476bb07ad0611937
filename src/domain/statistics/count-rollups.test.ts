import { describe, expect, it } from 'vitest';
import { countDeltas, mergeCountDeltas, parseVolunteerKey, totalsByKey, volunteerKey } from './count-rollups.ts';

describe('count deltas', () => {
  it('add to the cell of the day and key of each unit on the path', () => {
    const fact = { subject: 'rating' as const, day: '2026-11-25', key: '4' };
    expect(countDeltas(fact, [1, 5, 9], 1)).toEqual([
      { ...fact, unitId: 1, n: 1 },
      { ...fact, unitId: 5, n: 1 },
      { ...fact, unitId: 9, n: 1 },
    ]);
  });

  it('fold on the same cell, and a change that moves nothing leaves no delta', () => {
    const old = { subject: 'volunteer' as const, day: '2026-11-25', key: volunteerKey('talent', 'candidate') };
    const now = { ...old, key: volunteerKey('talent', 'selected') };
    // Screened in the same street: the street and the district move from one key to the other.
    const moved = mergeCountDeltas([...countDeltas(old, [1, 5], -1), ...countDeltas(now, [1, 5], 1)]);
    expect(moved).toHaveLength(4);
    expect(moved.filter((d) => d.n === -1).map((d) => d.key)).toEqual(['talent:candidate', 'talent:candidate']);
    // Moved to another street, same key: only the two streets change, the district keeps its count.
    const across = mergeCountDeltas([...countDeltas(old, [1, 5], -1), ...countDeltas(old, [1, 6], 1)]);
    expect(across).toEqual([
      { ...old, unitId: 5, n: -1 },
      { ...old, unitId: 6, n: 1 },
    ]);
    expect(mergeCountDeltas([...countDeltas(old, [1], 1), ...countDeltas(old, [1], -1)])).toEqual([]);
  });
});

describe('count keys and totals', () => {
  it('name a registry record by kind and screening status, and read them back', () => {
    expect(parseVolunteerKey(volunteerKey('civic_organisation', 'declined'))).toEqual({
      kind: 'civic_organisation',
      screening: 'declined',
    });
  });

  it('total the cells by key, leaving out keys that count nothing', () => {
    expect(
      totalsByKey([
        { key: '5', n: 2 },
        { key: '4', n: 1 },
        { key: '5', n: 3 },
        { key: '3', n: 0 },
      ]),
    ).toEqual([
      { key: '5', n: 5 },
      { key: '4', n: 1 },
    ]);
  });
});
