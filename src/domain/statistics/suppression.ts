/**
 * Small-cell suppression for figures the public sees. A count below the minimum (default 5)
 * that is not zero could point at a handful of people, so it is shown as "< 5". A published
 * total would give a lone hidden cell away (total minus the others), so in every line whose
 * sum is published the hidden cells are never exactly one: a second cell is withheld
 * (complementary suppression), the smallest visible non-zero one, or the total itself when the
 * line has no other candidate. The rule runs until no line has a lone hidden cell.
 */

/** The minimum count published as is, unless the district sets another. */
export const DEFAULT_MINIMUM = 5;

/** Why a cell is withheld: too small itself, or to protect a small one. */
export type Withheld = 'small' | 'complement';

/** A published cell: its value when shown, and what is printed. */
export interface PublicCell {
  value: number | null;
  shown: string;
  withheld: Withheld | null;
}

/** A set of cells whose sum is the `total` cell (all indexes into one flat list of values). */
export interface Line {
  members: readonly number[];
  total: number;
}

/** Whether a count must be hidden on its own account. */
export function isSmall(value: number, minimum: number): boolean {
  return value > 0 && value < minimum;
}

/**
 * Decides which cells of a flat list of values to withhold, given the lines whose totals are
 * published beside them. Answers one flag per cell.
 */
export function withheldCells(
  values: readonly number[],
  lines: readonly Line[],
  minimum: number,
): Array<Withheld | null> {
  const out: Array<Withheld | null> = values.map((v) => (isSmall(v, minimum) ? 'small' : null));
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const cells = [...line.members, line.total];
      const hidden = cells.filter((i) => out[i] !== null);
      if (hidden.length !== 1) continue;
      // The smallest visible member that is not zero (a zero shown hides nothing); else the total.
      const candidates = line.members.filter((i) => out[i] === null && (values[i] ?? 0) > 0);
      candidates.sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0) || a - b);
      const pick = candidates[0] ?? (out[line.total] === null ? line.total : undefined);
      if (pick === undefined) continue;
      out[pick] = 'complement';
      changed = true;
    }
  }
  return out;
}

/** How a withheld cell is printed: "< 5" for a small one, "—" for one withheld to protect it. */
export function publicCell(value: number, withheld: Withheld | null, minimum: number): PublicCell {
  if (withheld === 'small') return { value: null, shown: `< ${minimum}`, withheld };
  if (withheld === 'complement') return { value: null, shown: '—', withheld };
  return { value, shown: String(value), withheld: null };
}

/** A list of counts with its total (a pie or bar chart with "in all"), suppressed for the public. */
export function suppressList(
  values: readonly number[],
  minimum: number = DEFAULT_MINIMUM,
): { cells: PublicCell[]; total: PublicCell } {
  const total = values.reduce((s, v) => s + v, 0);
  const flat = [...values, total];
  const flags = withheldCells(flat, [{ members: values.map((_, i) => i), total: values.length }], minimum);
  return {
    cells: values.map((v, i) => publicCell(v, flags[i] ?? null, minimum)),
    total: publicCell(total, flags[values.length] ?? null, minimum),
  };
}

/**
 * A table of counts (rows × columns) with row totals, column totals and the grand total,
 * suppressed for the public.
 */
export function suppressTable(
  cells: readonly (readonly number[])[],
  minimum: number = DEFAULT_MINIMUM,
): { cells: PublicCell[][]; rowTotals: PublicCell[]; columnTotals: PublicCell[]; total: PublicCell } {
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  const flat: number[] = cells.flatMap((r) => [...r]);
  const rowTotals = cells.map((r) => r.reduce((s, v) => s + v, 0));
  const colTotals = Array.from({ length: cols }, (_, j) => cells.reduce((s, r) => s + (r[j] ?? 0), 0));
  const grand = rowTotals.reduce((s, v) => s + v, 0);
  const rowAt = (i: number) => rows * cols + i;
  const colAt = (j: number) => rows * cols + rows + j;
  const grandAt = rows * cols + rows + cols;
  flat.push(...rowTotals, ...colTotals, grand);
  const lines: Line[] = [
    ...cells.map((_, i) => ({ members: Array.from({ length: cols }, (_, j) => i * cols + j), total: rowAt(i) })),
    ...Array.from({ length: cols }, (_, j) => ({
      members: Array.from({ length: rows }, (_, i) => i * cols + j),
      total: colAt(j),
    })),
    { members: rowTotals.map((_, i) => rowAt(i)), total: grandAt },
    { members: colTotals.map((_, j) => colAt(j)), total: grandAt },
  ];
  const flags = withheldCells(flat, lines, minimum);
  const at = (k: number) => publicCell(flat[k] ?? 0, flags[k] ?? null, minimum);
  return {
    cells: cells.map((r, i) => r.map((_, j) => at(i * cols + j))),
    rowTotals: rowTotals.map((_, i) => at(rowAt(i))),
    columnTotals: colTotals.map((_, j) => at(colAt(j))),
    total: at(grandAt),
  };
}
