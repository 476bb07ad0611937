import type { ItemSource, SchemeConfig, SchemeItem, Title, VetoSource } from './scheme.ts';

/**
 * Scoring a studio's quarter: a pure function of the scheme and the studio's figures, giving
 * for each item the raw figures, the formula with the numbers filled in and the points, and
 * the ids of the records, ratings, inspections, commitment checks and letters behind them.
 */

/** The ids behind a figure, by what they are. */
export interface Evidence {
  records?: number[];
  ratings?: number[];
  inspections?: number[];
  commitmentChecks?: number[];
  letters?: number[];
  rectifications?: number[];
}

/** What the quarter's tables say about one studio. */
export interface StudioFigures {
  studioId: number;
  /** Members serving in the studio (at least 1 is assumed). */
  members: number;
  personTimes: number;
  /** Ratings in the quarter: how many, and their sum (each 1–5). */
  ratingCount: number;
  ratingSum: number;
  /** Totals (per cent) of the quarter's submitted inspections. */
  inspectionTotals: number[];
  /** Commitment checks in the quarter's months, and how many found the commitment kept. */
  commitmentChecks: number;
  commitmentsKept: number;
  praise: number;
  substantiatedComplaints: number;
  /** The composite of 三率 (0–1), or null when there is none. */
  threeRates: number | null;
  /** Substantiated fee-taking findings in the quarter. */
  feeTakingFindings: number;
  evidence: Partial<Record<ItemSource | VetoSource, Evidence>>;
}

/** What scoring needs to know beyond the studio: its street's median person-times per member. */
export interface ScoringContext {
  streetMedianPerMember: number;
}

/** One item of a breakdown. */
export interface ItemScore {
  code: string;
  title: Title;
  source: ItemSource;
  direction: 'add' | 'deduct';
  /** The raw figures the formula used. */
  raw: Record<string, number | null>;
  /** The formula with the numbers filled in, e.g. `15 × min(1, 12 ÷ 10) = 15`. */
  formula: string;
  /** Points the item adds or deducts (never negative; `direction` says which). */
  points: number;
  evidence: Evidence;
}

/** One veto item of a breakdown. */
export interface VetoScore {
  code: string;
  title: Title;
  source: VetoSource;
  count: number;
  triggered: boolean;
  evidence: Evidence;
}

/** A studio's quarter: every item, the vetoes and the total. */
export interface Breakdown {
  items: ItemScore[];
  vetoes: VetoScore[];
  added: number;
  deducted: number;
  total: number;
  vetoed: boolean;
  /** How the total was reached, with the numbers filled in. */
  formula: string;
}

/** Rounds to two decimals, the precision every score is stored and shown at. */
export const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

const fmt = (n: number): string => String(round2(n));

/** The median of a list (the mean of the middle two for an even count; 0 when empty). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Person-times per member: what service volume is compared on, so size alone does not win. */
export function perMember(f: Pick<StudioFigures, 'personTimes' | 'members'>): number {
  return f.personTimes / Math.max(1, f.members);
}

function ratioItem(item: SchemeItem, ratio: number, shown: string, raw: ItemScore['raw']): Omit<ItemScore, 'evidence'> {
  const points = round2(Math.min(item.cap, item.points * Math.max(0, Math.min(1, ratio))));
  return { ...head(item), raw, formula: `${fmt(item.points)} × ${shown} = ${fmt(points)}`, points };
}

function head(item: SchemeItem) {
  return { code: item.code, title: item.title, source: item.source, direction: item.direction };
}

function scoreItem(item: SchemeItem, f: StudioFigures, ctx: ScoringContext): Omit<ItemScore, 'evidence'> {
  switch (item.source) {
    case 'base': {
      const points = round2(Math.min(item.cap, item.points));
      return { ...head(item), raw: {}, formula: `${fmt(points)}`, points };
    }
    case 'serviceVolume': {
      const mine = perMember(f);
      const med = ctx.streetMedianPerMember;
      const raw = {
        personTimes: f.personTimes,
        members: f.members,
        perMember: round2(mine),
        streetMedian: round2(med),
      };
      // A street where nobody served gives full points to nobody and none to anybody.
      if (med <= 0) return ratioItem(item, mine > 0 ? 1 : 0, `(${fmt(mine)} > 0 ? 1 : 0)`, raw);
      return ratioItem(item, mine / med, `min(1, (${f.personTimes} ÷ ${Math.max(1, f.members)}) ÷ ${fmt(med)})`, raw);
    }
    case 'ratings': {
      const min = item.minCount ?? 0;
      const mean = f.ratingCount === 0 ? null : f.ratingSum / f.ratingCount;
      const raw = { count: f.ratingCount, mean: mean === null ? null : round2(mean), minCount: min };
      if (mean === null || f.ratingCount < min)
        return { ...head(item), raw, formula: `${f.ratingCount} < ${min} → 0`, points: 0 };
      return ratioItem(item, mean / 5, `(${fmt(mean)} ÷ 5)`, raw);
    }
    case 'inspections': {
      const n = f.inspectionTotals.length;
      const mean = n === 0 ? null : f.inspectionTotals.reduce((a, b) => a + b, 0) / n;
      const raw = { inspections: n, total: mean === null ? null : round2(mean) };
      if (mean === null) return { ...head(item), raw, formula: '0 → 0', points: 0 };
      return ratioItem(item, mean / 100, `(${fmt(mean)}% ÷ 100%)`, raw);
    }
    case 'commitments': {
      const raw = { checks: f.commitmentChecks, kept: f.commitmentsKept };
      if (f.commitmentChecks === 0) return { ...head(item), raw, formula: '0 → 0', points: 0 };
      return ratioItem(
        item,
        f.commitmentsKept / f.commitmentChecks,
        `(${f.commitmentsKept} ÷ ${f.commitmentChecks})`,
        raw,
      );
    }
    case 'threeRates': {
      const raw = { composite: f.threeRates === null ? null : round2(f.threeRates) };
      if (f.threeRates === null) return { ...head(item), raw, formula: '— → 0', points: 0 };
      return ratioItem(item, f.threeRates, fmt(f.threeRates), raw);
    }
    case 'praise':
    case 'complaints': {
      const count = item.source === 'praise' ? f.praise : f.substantiatedComplaints;
      const points = round2(Math.min(item.cap, count * item.points));
      return {
        ...head(item),
        raw: { count },
        formula: `min(${fmt(item.cap)}, ${count} × ${fmt(item.points)}) = ${fmt(points)}`,
        points,
      };
    }
  }
}

/** Scores one studio's quarter under a scheme. Pure: the same scheme and figures always give the same breakdown. */
export function scoreStudio(scheme: SchemeConfig, f: StudioFigures, ctx: ScoringContext): Breakdown {
  const items = scheme.items.map((item) => ({ ...scoreItem(item, f, ctx), evidence: f.evidence[item.source] ?? {} }));
  const vetoes = scheme.vetoes.map((v) => {
    const count = f.feeTakingFindings;
    return {
      code: v.code,
      title: v.title,
      source: v.source,
      count,
      triggered: count > 0,
      evidence: f.evidence[v.source] ?? {},
    };
  });
  const added = round2(items.filter((i) => i.direction === 'add').reduce((s, i) => s + i.points, 0));
  const deducted = round2(items.filter((i) => i.direction === 'deduct').reduce((s, i) => s + i.points, 0));
  const vetoed = vetoes.some((v) => v.triggered);
  const net = round2(added - deducted);
  const bounded = round2(Math.min(scheme.maximum, Math.max(scheme.minimum, net)));
  const total = vetoed ? scheme.minimum : bounded;
  const formula = vetoed
    ? `veto → ${fmt(scheme.minimum)}`
    : `clamp(${fmt(added)} − ${fmt(deducted)}, ${fmt(scheme.minimum)}, ${fmt(scheme.maximum)}) = ${fmt(total)}`;
  return { items, vetoes, added, deducted, total, vetoed, formula };
}

/** An item's points with their sign: deductions negative. */
export function signedPoints(item: Pick<ItemScore, 'direction' | 'points'>): number {
  return item.direction === 'deduct' ? 0 - item.points : item.points;
}

/** What changed between two breakdowns of the same studio and quarter: the total and each item whose points moved. */
export interface Change {
  code: string;
  before: number | null;
  after: number | null;
}

/** The changes from an earlier breakdown to a later one (empty when nothing moved). */
export function changesBetween(before: Breakdown, after: Breakdown): Change[] {
  const changes: Change[] = [];
  if (before.total !== after.total) changes.push({ code: 'total', before: before.total, after: after.total });
  const old = new Map(before.items.map((i) => [i.code, signedPoints(i)]));
  for (const item of after.items) {
    const was = old.get(item.code) ?? null;
    const now = signedPoints(item);
    if (was !== now) changes.push({ code: item.code, before: was, after: now });
    old.delete(item.code);
  }
  for (const [code, was] of old) changes.push({ code, before: was, after: null });
  return changes;
}
