// Pure helpers shared by the spreadsheet imports' row checks (studios, service records).

/** A cell refused by a check: the sheet's row, the column key, the problem code, and the other row or record. */
export interface CellProblem<C extends string = string> {
  row: number;
  column: C;
  problem: string;
  other?: number;
}

/** A list cell split on 、 , ， ; ； and spaces. */
export function listCell(text: string): string[] {
  return text
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A calendar date written 2011-03-05, 2011/3/5, 2011.3.5 or 2011年3月5日, as YYYY-MM-DD; null if it is none. */
export function dateCell(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return date.getUTCFullYear() === y && date.getUTCMonth() + 1 === mo && date.getUTCDate() === d ? iso : null;
}

/** Finds rows whose key repeats an earlier row's; the first stays, each later one is reported against it. */
export function repeatsInFile<C extends string>(
  rows: ReadonlyArray<{ row: number; key: string }>,
  column: C,
): Array<CellProblem<C>> {
  const first = new Map<string, number>();
  const found: Array<CellProblem<C>> = [];
  for (const r of rows) {
    const seen = first.get(r.key);
    if (seen !== undefined) found.push({ row: r.row, column, problem: 'duplicateInFile', other: seen });
    else first.set(r.key, r.row);
  }
  return found;
}
