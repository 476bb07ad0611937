import { describe, expect, it } from 'vitest';
import { AreaIndex, coverage, project } from './coverage.ts';

/**
 * A hand-checked fixture on a 1 km grid (metres): areas A–E, one studio, three candidate venues.
 *
 *   y=2000  D(300)            E(100)
 *   y=1000  B(500)   C(200)
 *   y=0     A(1000)
 *           x=0      x=1000   x=3000
 */
const areas = [
  { id: 1, x: 0, y: 0, population: 1000 }, // A
  { id: 2, x: 0, y: 1000, population: 500 }, // B
  { id: 3, x: 1000, y: 1000, population: 200 }, // C
  { id: 4, x: 0, y: 2000, population: 300 }, // D
  { id: 5, x: 3000, y: 2000, population: 100 }, // E
];
const index = new AreaIndex(areas);

describe('coverage within a walking radius', () => {
  it('counts the population within 1 km of a studio as covered', () => {
    const r = coverage(index, [{ x: 0, y: 0 }], [], 1000, 0);
    // A at 0 m and B at exactly 1000 m are within reach; C is 1414 m away.
    expect(r).toMatchObject({ totalPopulation: 2100, coveredPopulation: 1500 });
    expect(r.uncovered.map((a) => a.id)).toEqual([3, 4, 5]);
  });

  it('recommends, greedily, the candidate adding the most uncovered population first', () => {
    const candidates = [
      { id: 10, x: 500, y: 1500 }, // reaches B(707 m), C(707 m), D(707 m): uncovered C + D = 500
      { id: 11, x: 3000, y: 2000 }, // reaches E: 100
      { id: 12, x: 0, y: 2000 }, // reaches B and D: uncovered D = 300
    ];
    const r = coverage(index, [{ x: 0, y: 0 }], candidates, 1000, 3);
    expect(r.recommendations).toEqual([
      { venueId: 10, gain: 500, areaIds: [3, 4] },
      { venueId: 11, gain: 100, areaIds: [5] },
    ]);
  });

  it('covers nothing with no studio and recommends nothing with no candidate', () => {
    expect(coverage(index, [], [], 1000, 5)).toMatchObject({ coveredPopulation: 0, recommendations: [] });
    expect(coverage(new AreaIndex([]), [{ x: 0, y: 0 }], [{ id: 1, x: 0, y: 0 }], 1000, 5)).toMatchObject({
      totalPopulation: 0,
      recommendations: [],
    });
  });
});

describe('projection', () => {
  it('measures about 1 km for 0.01° of latitude near Longyan', () => {
    const a = project(117.03, 25.09, 25.1);
    const b = project(117.03, 25.1, 25.1);
    expect(Math.round(b.y - a.y)).toBe(1106);
    const c = project(117.04, 25.09, 25.1);
    expect(Math.round(c.x - a.x)).toBe(1008);
  });
});
