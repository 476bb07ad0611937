import { emptyTally } from '../mailbox/rates.ts';

/**
 * Counts kept on write for the dashboard: ratings by score, letters by type, registry records by
 * kind and screening status, per unit and every unit above it, per business day. Each adds one
 * to the cell of its day and key in each unit on its path, so a subtree's count over a period is
 * the sum of its top unit's days (and the registry's before an instant, of all its days before).
 */

/**
 * What is counted: residents' ratings of studios, letters to the mailbox, registry records;
 * inspections by the day due and status; and the outcomes behind 三率 of letters by the day
 * received (`letter-rate`, counted in the letter's street and each unit above it).
 */
export type CountSubject = 'rating' | 'letter' | 'volunteer' | 'inspection' | 'letter-rate';

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

/** The counts an inspection due on a day in a status makes: one, under its status. */
export function inspectionKey(status: string): string {
  return status;
}

/** Inspections of some days by status, as the dashboard counts them as of `today`. */
export function inspectionFigures(cells: ReadonlyArray<{ day: string; key: string; n: number }>, today: string) {
  const out = { done: 0, overdue: 0, planned: 0 };
  for (const c of cells) {
    if (c.key === 'submitted' || c.key === 'corrected') out.done += c.n;
    else if (c.key === 'planned') {
      if (c.day < today) out.overdue += c.n;
      else out.planned += c.n;
    }
  }
  return out;
}

/** Whether a letter was acknowledged, and by its deadline. */
export type Acknowledgement = 'no' | 'onTime' | 'late';

/** A letter's acknowledgement from its row (the dates compared as text, as SQL compares them). */
export function acknowledgementOf(ackDue: string, acknowledgedOn: string | null): Acknowledgement {
  if (acknowledgedOn === null) return 'no';
  return acknowledgedOn <= ackDue ? 'onTime' : 'late';
}

/** What the three rates need to know of a letter. */
export interface LetterRateFact {
  type: string;
  ackDue: string;
  acknowledged: Acknowledgement;
  verdict: string | null;
  finding: string | null;
}

/**
 * The keys a letter counts under for 三率, on its day received: every letter but accusations;
 * acknowledged (and on time, by its deadline) or still open with its deadline in the key, so
 * whether it is due can be told for any `today`; its verdict; substantiated.
 */
export function letterRateKeys(l: LetterRateFact): string[] {
  if (l.type === 'accusation') return [];
  const keys = ['letters'];
  if (l.acknowledged !== 'no') {
    keys.push('acked');
    if (l.acknowledged === 'onTime') keys.push('onTime');
  } else keys.push(`open:${l.ackDue}`);
  if (l.verdict !== null) keys.push(`verdict:${l.verdict}`);
  if (l.finding === 'substantiated') keys.push('substantiated');
  return keys;
}

/** The tally behind 三率 (see `tally` in domain/mailbox/rates.ts) of the letter-rate cells of some days, as of `today`. */
export function letterRateTally(cells: ReadonlyArray<{ key: string; n: number }>, today: string) {
  const t = emptyTally();
  for (const { key, n } of cells) {
    if (key === 'letters') t.letters += n;
    else if (key === 'acked') t.due += n;
    else if (key === 'onTime') t.acknowledgedOnTime += n;
    else if (key === 'substantiated') t.substantiated += n;
    else if (key.startsWith('open:')) {
      if (key.slice(5) < today) t.due += n;
    } else if (key.startsWith('verdict:')) {
      const v = key.slice(8);
      t.rated += n;
      if (v === 'satisfied') {
        t.satisfied += n;
        t.resolved += n;
      } else if (v === 'basic') {
        t.basic += n;
        t.resolved += n;
      } else if (v === 'unsatisfied') t.unsatisfied += n;
    }
  }
  return t;
}

/** The deltas moving a thing's counts from the keys it had to those it has (in the same units and day, or others). */
export function movedDeltas(
  subject: CountSubject,
  before: { day: string; keys: readonly string[]; unitIds: readonly number[] } | undefined,
  after: { day: string; keys: readonly string[]; unitIds: readonly number[] } | undefined,
): CountDelta[] {
  const out: CountDelta[] = [];
  for (const [sign, side] of [
    [-1, before],
    [1, after],
  ] as const) {
    if (!side) continue;
    for (const key of side.keys)
      for (const d of countDeltas({ subject, day: side.day, key }, side.unitIds, sign)) out.push(d);
  }
  return mergeCountDeltas(out);
}
