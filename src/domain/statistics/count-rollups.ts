/**
 * Counts kept on write for the dashboard: ratings by score, letters by type, registry records by
 * kind and screening status, per unit and every unit above it, per business day. Each adds one
 * to the cell of its day and key in each unit on its path, so a subtree's count over a period is
 * the sum of its top unit's days (and the registry's before an instant, of all its days before).
 */

/** What is counted: residents' ratings of studios, letters to the mailbox, registry records. */
export type CountSubject = 'rating' | 'letter' | 'volunteer';

/** The key a registry record is counted under: its kind and its screening status. */
export function volunteerKey(kind: string, screening: string): string {
  return `${kind}:${screening}`;
}

/** The kind and screening status a registry key names. */
export function parseVolunteerKey(key: string): { kind: string; screening: string } {
  const at = key.indexOf(':');
  return { kind: key.slice(0, at), screening: key.slice(at + 1) };
}

/** One counted thing: its subject, its business day (YYYY-MM-DD) and what it is counted by. */
export interface CountFact {
  subject: CountSubject;
  day: string;
  key: string;
}

/** One count cell and the change to apply to it. */
export interface CountDelta extends CountFact {
  unitId: number;
  n: number;
}

/** The cells `n` things of one kind add to (negative: take from), one for each unit on their path. */
export function countDeltas(fact: CountFact, unitIds: readonly number[], n: number): CountDelta[] {
  return unitIds.map((unitId) => ({ ...fact, unitId, n }));
}

/** Folds deltas on the same cell into one, dropping those that cancel out. */
export function mergeCountDeltas(deltas: readonly CountDelta[]): CountDelta[] {
  const byKey = new Map<string, CountDelta>();
  for (const d of deltas) {
    const key = `${d.unitId}\u0000${d.subject}\u0000${d.day}\u0000${d.key}`;
    const seen = byKey.get(key);
    if (seen) seen.n += d.n;
    else byKey.set(key, { ...d });
  }
  return [...byKey.values()].filter((d) => d.n !== 0);
}

/** Totals by key of cells, as the dashboard's `{ key, n }` rows, without the keys counted zero. */
export function totalsByKey(cells: ReadonlyArray<{ key: string; n: number }>): Array<{ key: string; n: number }> {
  const byKey = new Map<string, number>();
  for (const c of cells) byKey.set(c.key, (byKey.get(c.key) ?? 0) + c.n);
  return [...byKey].map(([key, n]) => ({ key, n })).filter((x) => x.n !== 0);
}
