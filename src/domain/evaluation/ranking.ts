import type { ProposalRules } from './scheme.ts';

/** What a ranking compares of one scored studio. */
export interface Rankable {
  studioId: number;
  streetId: number;
  total: number;
  deducted: number;
  /** Person-times per member in the quarter. */
  perMember: number;
}

/**
 * The documented order (tie-break rule): the higher total first; on equal totals the studio
 * with fewer points deducted; then the one with more person-times per member; then the lower
 * studio id (the studio registered earlier). Every studio therefore has a distinct place.
 */
export function compareRankable(a: Rankable, b: Rankable): number {
  return b.total - a.total || a.deducted - b.deducted || b.perMember - a.perMember || a.studioId - b.studioId;
}

/** Places (1 = best) in the district and within each street, by studio id. */
export function rankStudios(entries: readonly Rankable[]): Map<number, { district: number; street: number }> {
  const sorted = [...entries].sort(compareRankable);
  const places = new Map<number, { district: number; street: number }>();
  const perStreet = new Map<number, number>();
  sorted.forEach((e, i) => {
    const street = (perStreet.get(e.streetId) ?? 0) + 1;
    perStreet.set(e.streetId, street);
    places.set(e.studioId, { district: i + 1, street });
  });
  return places;
}

/** Places by one item's signed points (the higher first), with the same tie-break as the total. */
export function rankByItem(entries: ReadonlyArray<Rankable & { itemPoints: number }>): Map<number, number> {
  const sorted = [...entries].sort((a, b) => b.itemPoints - a.itemPoints || compareRankable(a, b));
  return new Map(sorted.map((e, i) => [e.studioId, i + 1]));
}

/** What proposal selection looks at per studio. */
export interface Candidate extends Rankable {
  vetoed: boolean;
  /** Substantiated complaints in the quarter scored. */
  complaintsInQuarter: number;
  /** Substantiated complaints in the rolling window ending with the quarter. */
  complaintsInWindow: number;
}

/** Why a studio is proposed to its street for rectification or revocation. */
export type ReviewReason = 'bottom' | 'complaints' | 'veto';

/**
 * The studios proposed for commendation and for review, by the scheme's rules. Commendation:
 * the top `ceil(share × n)` of the district (never a vetoed studio, nor — when the rule says so —
 * one with a substantiated complaint in the quarter; those places are not passed down). Review:
 * the bottom `ceil(share × n)`, every studio with at least `complaintsInWindow` substantiated
 * complaints in the window (群众反映强烈), and every vetoed studio.
 */
export function selectProposals(
  candidates: readonly Candidate[],
  rules: ProposalRules,
): { commend: number[]; review: Map<number, ReviewReason[]> } {
  const sorted = [...candidates].sort(compareRankable);
  const n = sorted.length;
  const top = n === 0 ? 0 : Math.ceil(rules.commendTopShare * n);
  const commend = sorted
    .slice(0, top)
    .filter((c) => !c.vetoed && !(rules.commendRequiresNoComplaint && c.complaintsInQuarter > 0))
    .map((c) => c.studioId);
  const bottom = n === 0 ? 0 : Math.ceil(rules.reviewBottomShare * n);
  const review = new Map<number, ReviewReason[]>();
  const add = (id: number, reason: ReviewReason) => review.set(id, [...(review.get(id) ?? []), reason]);
  for (const c of sorted.slice(n - bottom)) add(c.studioId, 'bottom');
  for (const c of sorted) {
    if (c.complaintsInWindow >= rules.complaintsInWindow) add(c.studioId, 'complaints');
    if (c.vetoed) add(c.studioId, 'veto');
  }
  // A studio proposed for review is not commended in the same quarter.
  return { commend: commend.filter((id) => !review.has(id)), review };
}
