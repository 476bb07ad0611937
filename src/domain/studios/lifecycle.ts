import type { Role } from '../access/roles.ts';
import { DomainError } from '../errors.ts';
import { mentionsFee } from './unpaid.ts';

/** Where a studio stands, from application to plaque to revocation. */
export const studioStatuses = [
  'draft',
  'submitted',
  'community_reviewed',
  'approved',
  'rejected',
  'contracted',
  'active',
  'rectification',
  'revoked',
  'closed',
] as const;
export type StudioStatus = (typeof studioStatuses)[number];

/** Every transition of the lifecycle. */
export const studioActions = [
  'submit',
  'communityReview',
  'streetReview',
  'sign',
  'award',
  'rectify',
  'completeRectification',
  'revoke',
  'close',
  'renew',
  'reopen',
] as const;
export type StudioAction = (typeof studioActions)[number];

/** `inScope`: the studio lies in the actor's subtree; `own`: also the actor applied for it or leads it. */
export type StudioCondition = 'inScope' | 'own';

interface TransitionRule {
  from: readonly StudioStatus[];
  allow: ReadonlyArray<readonly [Role, StudioCondition]>;
}

/**
 * The state machine: which states each action leaves from and who may take it.
 * The access rules (domain/access/rules.ts) are generated from this table, so the
 * route check and the transition guard cannot disagree.
 */
export const lifecycle: Record<StudioAction, TransitionRule> = {
  // 申办 by the member, or 推荐 by the community or street party organisation.
  submit: {
    from: ['draft'],
    allow: [
      ['member', 'own'],
      ['community_admin', 'inScope'],
      ['street_admin', 'inScope'],
    ],
  },
  // 资质把关: first the community, then the street, which decides.
  communityReview: { from: ['submitted'], allow: [['community_admin', 'inScope']] },
  streetReview: { from: ['community_reviewed'], allow: [['street_admin', 'inScope']] },
  sign: { from: ['approved'], allow: [['street_admin', 'inScope']] },
  award: { from: ['contracted'], allow: [['street_admin', 'inScope']] },
  // 整改, including a flag for 行政化 / 趋利化 drift.
  rectify: {
    from: ['active'],
    allow: [
      ['community_admin', 'inScope'],
      ['street_admin', 'inScope'],
      ['district_admin', 'inScope'],
    ],
  },
  completeRectification: { from: ['rectification'], allow: [['street_admin', 'inScope']] },
  // 取消牌匾.
  revoke: {
    from: ['active', 'rectification'],
    allow: [
      ['street_admin', 'inScope'],
      ['district_admin', 'inScope'],
    ],
  },
  // The member steps down.
  close: {
    from: ['active', 'rectification'],
    allow: [
      ['member', 'own'],
      ['street_admin', 'inScope'],
    ],
  },
  renew: { from: ['contracted', 'active'], allow: [['street_admin', 'inScope']] },
  reopen: {
    from: ['rejected'],
    allow: [
      ['member', 'own'],
      ['community_admin', 'inScope'],
    ],
  },
};

/** One item of the qualification checklist: pass or fail, with the reviewer's comment. */
export interface CheckItem {
  pass: boolean;
  comment: string;
}

/** A qualification review (资质把关) on political quality, professional specialty and service items. */
export interface Review {
  politicalQuality: CheckItem;
  professionalSpecialty: CheckItem;
  serviceItems: CheckItem;
  decision: 'pass' | 'fail';
  reason?: string | undefined;
}

export type RectificationKind = 'drift_bureaucratic' | 'drift_profit' | 'other';

/** What a transition needs, by action. Dates are YYYY-MM-DD. */
export type TransitionInput =
  | { action: 'submit' }
  | { action: 'communityReview'; review: Review }
  | { action: 'streetReview'; review: Review }
  | { action: 'sign'; termStart: string; termEnd: string; signatories: Array<{ party: string; name: string }> }
  | { action: 'award'; plaqueNumber: string; awardedOn: string; plaqueNumberUsedBefore: boolean }
  | { action: 'rectify'; kind: RectificationKind; findings: string; deadline: string }
  | { action: 'completeRectification'; outcome: string }
  | { action: 'revoke'; reason: string; decidedOn: string }
  | { action: 'close'; reason: string }
  | { action: 'renew'; termEnd: string }
  | { action: 'reopen' };

/** What the guards look at. */
export interface StudioFacts {
  status: StudioStatus;
  termEnd: string | null;
  application: ApplicationFacts;
}

/** The parts of an application that must be complete before it is submitted. */
export interface ApplicationFacts {
  name: string;
  categoryCount: number;
  serviceItemCount: number;
  openingHours: string;
  staffingMode: 'single' | 'team';
  hasLeader: boolean;
  memberCount: number;
}

/** The actor as a transition sees it: role, and how the studio relates to them. */
export interface ActorRelation {
  role: Role;
  inScope: boolean;
  isOwner: boolean;
}

/** The side effects a transition asks the service to persist, besides the new status. */
export type Effect =
  | { kind: 'recordReview'; stage: 'community' | 'street'; review: Review }
  | {
      kind: 'recordContract';
      termStart: string;
      termEnd: string;
      signatories: Array<{ party: string; name: string }>;
      renewal: boolean;
    }
  | { kind: 'awardPlaque'; number: string; awardedOn: string }
  | { kind: 'retirePlaque'; reason: string; on: string }
  | { kind: 'openRectification'; rectificationKind: RectificationKind; findings: string; deadline: string }
  | { kind: 'closeRectification'; outcome: string };

/** The result of a transition: the new status and what else to record. */
export interface TransitionResult {
  to: StudioStatus;
  effects: Effect[];
}

/** Whether the actor's role and relation allow the action at all (status aside). */
export function mayTake(action: StudioAction, actor: ActorRelation): boolean {
  return lifecycle[action].allow.some(
    ([role, condition]) => role === actor.role && actor.inScope && (condition === 'inScope' || actor.isOwner),
  );
}

/** What is still missing from an application; empty when it may be submitted. */
export function applicationProblems(a: ApplicationFacts): string[] {
  const problems: string[] = [];
  if (a.name.trim().length === 0) problems.push('name');
  if (a.categoryCount === 0) problems.push('categories');
  if (a.serviceItemCount === 0) problems.push('serviceItems');
  if (a.openingHours.trim().length === 0) problems.push('openingHours');
  if (!a.hasLeader) problems.push('leader');
  // 一人一岗: exactly the leader; 一岗多人: a leader and at least one more member.
  if (a.staffingMode === 'single' && a.memberCount !== 1) problems.push('members');
  if (a.staffingMode === 'team' && a.memberCount < 2) problems.push('members');
  return problems;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
const blank = (s: string | undefined) => s === undefined || s.trim().length === 0;

function checkReview(review: Review): void {
  const items = [review.politicalQuality, review.professionalSpecialty, review.serviceItems];
  if (review.decision === 'pass' && items.some((i) => !i.pass)) throw new DomainError('REVIEW_INCONSISTENT');
  if (review.decision === 'fail' && blank(review.reason)) throw new DomainError('REASON_REQUIRED');
  for (const text of [review.reason ?? '', ...items.map((i) => i.comment)]) {
    if (mentionsFee(text)) throw new DomainError('FEE_NOT_ALLOWED');
  }
}

/**
 * Applies one transition: checks the status, the actor and the action's preconditions,
 * and returns the new status with the effects to persist. Throws a DomainError and
 * changes nothing when any check fails. `today` is YYYY-MM-DD.
 */
export function transition(
  facts: StudioFacts,
  input: TransitionInput,
  actor: ActorRelation,
  today: string,
): TransitionResult {
  const rule = lifecycle[input.action];
  if (!actor.inScope) throw new DomainError('NOT_FOUND');
  if (!mayTake(input.action, actor)) throw new DomainError('FORBIDDEN');
  if (!rule.from.includes(facts.status))
    throw new DomainError('TRANSITION_NOT_ALLOWED', { action: input.action, status: facts.status });

  switch (input.action) {
    case 'submit': {
      const problems = applicationProblems(facts.application);
      if (problems.length > 0) throw new DomainError('APPLICATION_INCOMPLETE', { fields: problems.join(', ') });
      return { to: 'submitted', effects: [] };
    }
    case 'communityReview':
    case 'streetReview': {
      checkReview(input.review);
      const stage = input.action === 'communityReview' ? 'community' : 'street';
      const passed = input.review.decision === 'pass';
      const to: StudioStatus = !passed ? 'rejected' : stage === 'community' ? 'community_reviewed' : 'approved';
      return { to, effects: [{ kind: 'recordReview', stage, review: input.review }] };
    }
    case 'sign': {
      if (!isDate(input.termStart) || !isDate(input.termEnd) || input.termEnd <= input.termStart)
        throw new DomainError('TERM_INVALID');
      if (input.termEnd <= today) throw new DomainError('TERM_INVALID');
      if (input.signatories.length < 2 || input.signatories.some((s) => blank(s.name) || blank(s.party)))
        throw new DomainError('SIGNATORIES_REQUIRED');
      return {
        to: 'contracted',
        effects: [
          {
            kind: 'recordContract',
            termStart: input.termStart,
            termEnd: input.termEnd,
            signatories: input.signatories,
            renewal: false,
          },
        ],
      };
    }
    case 'award': {
      if (!/^[\p{L}\p{N}-]{3,32}$/u.test(input.plaqueNumber))
        throw new DomainError('VALIDATION_FAILED', { field: 'plaqueNumber' });
      // A plaque number, once given, stays with that studio's history: never reused, even after revocation.
      if (input.plaqueNumberUsedBefore) throw new DomainError('PLAQUE_NUMBER_TAKEN', { number: input.plaqueNumber });
      if (!isDate(input.awardedOn)) throw new DomainError('VALIDATION_FAILED', { field: 'awardedOn' });
      return {
        to: 'active',
        effects: [{ kind: 'awardPlaque', number: input.plaqueNumber, awardedOn: input.awardedOn }],
      };
    }
    case 'rectify': {
      if (blank(input.findings)) throw new DomainError('REASON_REQUIRED');
      if (!isDate(input.deadline) || input.deadline <= today) throw new DomainError('DEADLINE_INVALID');
      return {
        to: 'rectification',
        effects: [
          {
            kind: 'openRectification',
            rectificationKind: input.kind,
            findings: input.findings,
            deadline: input.deadline,
          },
        ],
      };
    }
    case 'completeRectification': {
      if (blank(input.outcome)) throw new DomainError('REASON_REQUIRED');
      return { to: 'active', effects: [{ kind: 'closeRectification', outcome: input.outcome }] };
    }
    case 'revoke': {
      if (blank(input.reason)) throw new DomainError('REASON_REQUIRED');
      if (!isDate(input.decidedOn) || input.decidedOn > today)
        throw new DomainError('VALIDATION_FAILED', { field: 'decidedOn' });
      const effects: Effect[] = [{ kind: 'retirePlaque', reason: input.reason, on: input.decidedOn }];
      if (facts.status === 'rectification') effects.unshift({ kind: 'closeRectification', outcome: input.reason });
      return { to: 'revoked', effects };
    }
    case 'close': {
      if (blank(input.reason)) throw new DomainError('REASON_REQUIRED');
      const effects: Effect[] = [{ kind: 'retirePlaque', reason: input.reason, on: today }];
      if (facts.status === 'rectification') effects.unshift({ kind: 'closeRectification', outcome: input.reason });
      return { to: 'closed', effects };
    }
    case 'renew': {
      // Renewal happens before the term ends; an expired contract needs a new application.
      if (facts.termEnd === null || today >= facts.termEnd) throw new DomainError('RENEWAL_TOO_LATE');
      if (!isDate(input.termEnd) || input.termEnd <= facts.termEnd) throw new DomainError('TERM_INVALID');
      return {
        to: facts.status,
        effects: [
          { kind: 'recordContract', termStart: facts.termEnd, termEnd: input.termEnd, signatories: [], renewal: true },
        ],
      };
    }
    case 'reopen':
      return { to: 'draft', effects: [] };
  }
}

/** Statuses in which a studio is public and serving: it has a plaque. */
export function isServing(status: StudioStatus): boolean {
  return status === 'active' || status === 'rectification';
}
