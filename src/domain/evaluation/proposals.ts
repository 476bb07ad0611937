import { defineLifecycle, type Relation, type TransitionResult } from '../lifecycle.ts';
import { DomainError } from '../errors.ts';

/**
 * Proposals an evaluation run makes, decided by people: a commendation (通报表扬) the district
 * confirms or rejects, and a review (整改或取消牌匾) the studio's street confirms — as the studio
 * lifecycle's `rectify` or `revoke` — or rejects with a reason. Nothing is revoked automatically.
 */
export const evaluationProposalKinds = ['commendation', 'review'] as const;
export type EvaluationProposalKind = (typeof evaluationProposalKinds)[number];

export const evaluationProposalStatuses = ['proposed', 'confirmed', 'rejected'] as const;
export type EvaluationProposalStatus = (typeof evaluationProposalStatuses)[number];

/** What a person does with a proposal (the same verbs as the inspections' proposals). */
export const evaluationProposalActions = ['confirm', 'reject'] as const;
export type EvaluationProposalAction = (typeof evaluationProposalActions)[number];

/** What the street's confirmation of a review turns into. */
export const reviewOutcomes = ['rectify', 'revoke'] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];

/** The input of a decision. Dates are YYYY-MM-DD. */
export type EvaluationProposalInput =
  | {
      action: 'confirm';
      outcome?: ReviewOutcome | undefined;
      deadline?: string | undefined;
      reason?: string | undefined;
    }
  | { action: 'reject'; reason: string };

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

const rejectRule = (_f: unknown, input: { reason: string }) => {
  if (input.reason.trim().length === 0) throw new DomainError('REASON_REQUIRED');
};

/** The district confirms or rejects the commendation list. */
export const commendationLifecycle = defineLifecycle<
  'commendationProposal',
  EvaluationProposalStatus,
  EvaluationProposalAction,
  { status: EvaluationProposalStatus },
  EvaluationProposalInput,
  never
>({
  subject: 'commendationProposal',
  states: evaluationProposalStatuses,
  transitions: {
    confirm: { from: ['proposed'], to: 'confirmed', roles: [['district_admin', 'inScope']] },
    reject: { from: ['proposed'], to: 'rejected', roles: [['district_admin', 'inScope']], rule: rejectRule },
  },
});

/**
 * The studio's street decides a review proposal: confirming names the outcome — rectification
 * (with a deadline after today) or revocation of the plaque (with a reason) — which the studio
 * lifecycle then applies with its own checks.
 */
export const reviewLifecycle = defineLifecycle<
  'reviewProposal',
  EvaluationProposalStatus,
  EvaluationProposalAction,
  { status: EvaluationProposalStatus },
  EvaluationProposalInput,
  never
>({
  subject: 'reviewProposal',
  states: evaluationProposalStatuses,
  transitions: {
    confirm: {
      from: ['proposed'],
      to: 'confirmed',
      roles: [['street_admin', 'inScope']],
      rule: (_f, input, today) => {
        if (input.outcome === 'rectify') {
          if (!input.deadline || !isDate(input.deadline) || input.deadline <= today)
            throw new DomainError('DEADLINE_INVALID');
          return;
        }
        if (input.outcome === 'revoke') {
          if (!input.reason || input.reason.trim().length === 0) throw new DomainError('REASON_REQUIRED');
          return;
        }
        throw new DomainError('VALIDATION_FAILED', { field: 'outcome' });
      },
    },
    reject: { from: ['proposed'], to: 'rejected', roles: [['street_admin', 'inScope']], rule: rejectRule },
  },
});

/** The lifecycle of a proposal of this kind. */
export function lifecycleOf(kind: EvaluationProposalKind) {
  return kind === 'commendation' ? commendationLifecycle : reviewLifecycle;
}

/** Applies a decision; a refusal for the state names the proposal's state. */
export function decideEvaluationProposal(
  kind: EvaluationProposalKind,
  status: EvaluationProposalStatus,
  input: EvaluationProposalInput,
  relation: Relation,
  today: string,
): TransitionResult<EvaluationProposalStatus, never> {
  try {
    return lifecycleOf(kind).apply({ status }, input, relation, today);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'TRANSITION_NOT_ALLOWED')
      throw new DomainError('PROPOSAL_NOT_PENDING', e.params);
    throw e;
  }
}
