import { defineLifecycle, type Relation, type TransitionResult } from '../lifecycle.ts';
import { DomainError } from '../errors.ts';

/**
 * A proposal to put a studio under rectification, made when an inspection's total falls
 * below the threshold. The street confirms it (which is the studio lifecycle's `rectify`)
 * or rejects it with a reason; a correction that lifts the total withdraws it.
 */
export const proposalStatuses = ['proposed', 'confirmed', 'rejected', 'withdrawn'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** What the street does with a proposal. */
export const proposalActions = ['confirm', 'reject'] as const;
export type ProposalAction = (typeof proposalActions)[number];

/** What the street sends. Dates are YYYY-MM-DD. */
export type ProposalInput = { action: 'confirm'; deadline: string } | { action: 'reject'; reason: string };

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/** The proposal's state machine; withdrawal is not an actor's action but a correction's consequence. */
export const proposalLifecycle = defineLifecycle<
  'rectificationProposal',
  ProposalStatus,
  ProposalAction,
  { status: ProposalStatus },
  ProposalInput,
  never
>({
  subject: 'rectificationProposal',
  states: proposalStatuses,
  transitions: {
    confirm: {
      from: ['proposed'],
      to: 'confirmed',
      roles: [['street_admin', 'inScope']],
      rule: (_facts, input, today) => {
        if (!isDate(input.deadline) || input.deadline <= today) throw new DomainError('DEADLINE_INVALID');
      },
    },
    reject: {
      from: ['proposed'],
      to: 'rejected',
      roles: [['street_admin', 'inScope']],
      rule: (_facts, input) => {
        if (input.reason.trim().length === 0) throw new DomainError('REASON_REQUIRED');
      },
    },
  },
});

/** Applies the street's decision; a refusal for the state names the proposal's state. */
export function decideProposal(
  status: ProposalStatus,
  input: ProposalInput,
  relation: Relation,
  today: string,
): TransitionResult<ProposalStatus, never> {
  try {
    return proposalLifecycle.apply({ status }, input, relation, today);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'TRANSITION_NOT_ALLOWED')
      throw new DomainError('PROPOSAL_NOT_PENDING', e.params);
    throw e;
  }
}

/** The findings the studio's rectification record carries when the street confirms a proposal. */
export function rectificationFindings(total: number, threshold: number, weakItems: string[]): string {
  const items = weakItems.length > 0 ? `；需改进：${weakItems.join('、')}` : '';
  return `群众监督员季度检查得分 ${total}%，低于 ${threshold}%${items}`;
}
