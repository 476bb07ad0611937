import type { StudioStatus } from './lifecycle.ts';

/** The five steps every studio passes on its way to serving: 申请 → 社区审核 → 街道审核 → 签约 → 授牌. */
export const progressSteps = ['apply', 'communityReview', 'streetReview', 'sign', 'award'] as const;
export type ProgressStep = (typeof progressSteps)[number];

/** What came after the plaque, shown as a step of its own: rectification, revocation, closing. */
export type ProgressAfter = 'rectification' | 'revoked' | 'closed';

/** Where a studio stands on the progress bar. */
export interface StudioProgress {
  /** The step it is at (0–4), or 5 when every step is done. */
  current: number;
  /** Whether the current step was refused (a rejected application). */
  refused: boolean;
  /** What happened after the plaque, if anything. */
  after: ProgressAfter | null;
}

const stepOfStatus: Partial<Record<StudioStatus, number>> = {
  draft: 0,
  submitted: 1,
  community_reviewed: 2,
  approved: 3,
  contracted: 4,
};

/**
 * The progress bar of a studio from its status. A rejected application stops at the review
 * that refused it (`rejectedFrom`: the status it was rejected from); a studio that served and
 * then was put under rectification, revoked or closed has every step done and the ending shown.
 */
export function studioProgress(status: StudioStatus, rejectedFrom: StudioStatus | null = null): StudioProgress {
  const step = stepOfStatus[status];
  if (step !== undefined) return { current: step, refused: false, after: null };
  if (status === 'rejected')
    return { current: rejectedFrom === 'community_reviewed' ? 2 : 1, refused: true, after: null };
  if (status === 'active') return { current: 5, refused: false, after: null };
  return { current: 5, refused: false, after: status as ProgressAfter };
}
