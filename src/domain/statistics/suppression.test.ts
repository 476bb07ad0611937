import { describe, expect, it } from 'vitest';
import { suppressList, suppressTable, withheldCells, type Line } from './suppression.ts';

/**
 * What someone with the published figures can work out: any line with exactly one unknown
 * gives that unknown away; repeat until nothing more falls out. Answers the indexes recovered.
 */
function recoverable(values: readonly number[], hidden: ReadonlySet<number>, lines: readonly Line[]): Set<number> {
  const known = new Set(values.map((_, i) => i).filter((i) => !hidden.has(i)));
  const found = new Set<number>();
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const unknown = [...line.members, line.total].filter((i) => !known.has(i));
      if (unknown.length !== 1) continue;
      known.add(unknown[0]!);
      found.add(unknown[0]!);
      changed = true;
    }
  }
  return found;
}

describe('suppressList', () => {
  it('shows a count below 5 as "< 5" and withholds a second cell so the total does not give it away', () => {
    const { cells, total } = suppressList([120, 3, 40, 0]);
    expect(cells.map((c) => c.shown)).toEqual(['120', '< 5', '—', '0']);
    expect(total.shown).toBe('163');
  });

  it('withholds nothing when every count is 0 or at least the minimum', () => {
    const { cells, total } = suppressList([5, 0, 12]);
    expect(cells.map((c) => c.shown)).toEqual(['5', '0', '12']);
    expect(total).toEqual({ value: 17, shown: '17', withheld: null });
  });

  it('takes a configured minimum', () => {
    expect(suppressList([9, 30, 40], 10).cells.map((c) => c.shown)).toEqual(['< 10', '—', '40']);
  });

  it('withholds the total when the small count is the only one that is not zero', () => {
    const { cells, total } = suppressList([0, 2, 0]);
    expect(cells.map((c) => c.shown)).toEqual(['0', '< 5', '0']);
    expect(total.shown).toBe('< 5');
  });

  it('needs nothing more when two counts are small already', () => {
    expect(suppressList([2, 4, 50]).cells.map((c) => c.shown)).toEqual(['< 5', '< 5', '50']);
  });
});

describe('suppressTable', () => {
  const table = [
    [30, 2, 17],
    [25, 40, 9],
    [12, 8, 60],
  ];

  it('leaves every row, column and the margins with no lone hidden cell', () => {
    const out = suppressTable(table);
    expect(out.cells[0]![1]!.shown).toBe('< 5');
    expect(out.total.shown).toBe('203');
    const flat = [...out.cells.flat(), ...out.rowTotals, ...out.columnTotals, out.total];
    expect(flat.filter((c) => c.withheld === 'complement').length).toBeGreaterThanOrEqual(3);
  });

  it('leaves no small count recoverable from the published totals, on many random tables', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) {
      const rows = 1 + Math.floor(rand() * 4);
      const cols = 1 + Math.floor(rand() * 4);
      const cells = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => (rand() < 0.3 ? Math.floor(rand() * 5) : Math.floor(rand() * 60))),
      );
      const out = suppressTable(cells);
      const values = [
        ...cells.flat(),
        ...cells.map((r) => r.reduce((s, v) => s + v, 0)),
        ...Array.from({ length: cols }, (_, j) => cells.reduce((s, r) => s + r[j]!, 0)),
        cells.flat().reduce((s, v) => s + v, 0),
      ];
      const shown = [...out.cells.flat(), ...out.rowTotals, ...out.columnTotals, out.total];
      const hidden = new Set(shown.flatMap((c, i) => (c.withheld ? [i] : [])));
      const lines: Line[] = [
        ...cells.map((_, i) => ({
          members: Array.from({ length: cols }, (_, j) => i * cols + j),
          total: rows * cols + i,
        })),
        ...Array.from({ length: cols }, (_, j) => ({
          members: Array.from({ length: rows }, (_, i) => i * cols + j),
          total: rows * cols + rows + j,
        })),
        { members: cells.map((_, i) => rows * cols + i), total: rows * cols + rows + cols },
        { members: Array.from({ length: cols }, (_, j) => rows * cols + rows + j), total: rows * cols + rows + cols },
      ];
      const small = values.flatMap((v, i) => (v > 0 && v < 5 ? [i] : []));
      for (const i of small) expect(hidden.has(i)).toBe(true);
      const found = recoverable(values, hidden, lines);
      expect(small.filter((i) => found.has(i))).toEqual([]);
      // What is shown is the true value.
      shown.forEach((c, i) => {
        if (!c.withheld) expect(c.value).toBe(values[i]);
      });
    }
  });
});

describe('withheldCells', () => {
  it('answers one flag per value', () => {
    expect(withheldCells([1, 10, 11], [{ members: [0, 1], total: 2 }], 5)).toEqual(['small', 'complement', null]);
  });
});
