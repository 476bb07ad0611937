import { defineLifecycle, type Outcome, type Relation } from '../lifecycle.ts';
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

/** One item of the qualification checklist: pass or fail (null until judged), with the reviewer's comment. */
export interface CheckItem {
  pass: boolean | null;
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
  // Nothing is judged by default: every item needs the reviewer's own pass or fail.
  if (items.some((i) => i.pass === null)) throw new DomainError('REVIEW_INCOMPLETE');
  if (review.decision === 'pass' && items.some((i) => !i.pass)) throw new DomainError('REVIEW_INCONSISTENT');
  if (review.decision === 'fail' && blank(review.reason)) throw new DomainError('REASON_REQUIRED');
  for (const text of [review.reason ?? '', ...items.map((i) => i.comment)]) {
    if (mentionsFee(text)) throw new DomainError('FEE_NOT_ALLOWED');
  }
}

/**
 * The state machine: which states each action leaves from, where it goes, who may take it
 * and what it checks. The access rules (domain/access/rules.ts) and each studio's
 * `allowedActions` are derived from this one table, so the route check, the guard and the
 * buttons cannot disagree.
 */
export const studioLifecycle = defineLifecycle<
  'studio',
  StudioStatus,
  StudioAction,
  StudioFacts,
  TransitionInput,
  Effect
>({
  subject: 'studio',
  states: studioStatuses,
  transitions: {
    // 申办 by the member, or 推荐 by the community or street party organisation.
    submit: {
      from: ['draft'],
      to: 'submitted',
      roles: [
        ['member', 'own'],
        ['community_admin', 'inScope'],
        ['street_admin', 'inScope'],
      ],
      rule: (facts) => {
        const problems = applicationProblems(facts.application);
        if (problems.length > 0) throw new DomainError('APPLICATION_INCOMPLETE', { fields: problems.join(', ') });
      },
    },
    // 资质把关: first the community, then the street, which decides.
    communityReview: {
      from: ['submitted'],
      to: ['community_reviewed', 'rejected'],
      roles: [['community_admin', 'inScope']],
      rule: (_facts, input) => review('community', input.review),
    },
    streetReview: {
      from: ['community_reviewed'],
      to: ['approved', 'rejected'],
      roles: [['street_admin', 'inScope']],
      rule: (_facts, input) => review('street', input.review),
    },
    sign: {
      from: ['approved'],
      to: 'contracted',
      roles: [['street_admin', 'inScope']],
      rule: (_facts, input, today) => {
        if (!isDate(input.termStart) || !isDate(input.termEnd) || input.termEnd <= input.termStart)
          throw new DomainError('TERM_INVALID');
        if (input.termEnd <= today) throw new DomainError('TERM_INVALID');
        if (input.signatories.length < 2 || input.signatories.some((s) => blank(s.name) || blank(s.party)))
          throw new DomainError('SIGNATORIES_REQUIRED');
        const { termStart, termEnd, signatories } = input;
        return { effects: [{ kind: 'recordContract', termStart, termEnd, signatories, renewal: false }] };
      },
    },
    award: {
      from: ['contracted'],
      to: 'active',
      roles: [['street_admin', 'inScope']],
      rule: (_facts, input) => {
        if (!/^[\p{L}\p{N}-]{3,32}$/u.test(input.plaqueNumber))
          throw new DomainError('VALIDATION_FAILED', { field: 'plaqueNumber' });
        // A plaque number, once given, stays with that studio's history: never reused, even after revocation.
        if (input.plaqueNumberUsedBefore)
          throw new DomainError('PLAQUE_NUMBER_TAKEN', { number: input.plaqueNumber, field: 'plaqueNumber' });
        if (!isDate(input.awardedOn)) throw new DomainError('VALIDATION_FAILED', { field: 'awardedOn' });
        return { effects: [{ kind: 'awardPlaque', number: input.plaqueNumber, awardedOn: input.awardedOn }] };
      },
    },
    // 整改, including a flag for 行政化 / 趋利化 drift.
    rectify: {
      from: ['active'],
      to: 'rectification',
      roles: [
        ['community_admin', 'inScope'],
        ['street_admin', 'inScope'],
        ['district_admin', 'inScope'],
      ],
      rule: (_facts, input, today) => {
        if (blank(input.findings)) throw new DomainError('REASON_REQUIRED');
        if (!isDate(input.deadline) || input.deadline <= today) throw new DomainError('DEADLINE_INVALID');
        const { kind, findings, deadline } = input;
        return { effects: [{ kind: 'openRectification', rectificationKind: kind, findings, deadline }] };
      },
    },
    completeRectification: {
      from: ['rectification'],
      to: 'active',
      roles: [['street_admin', 'inScope']],
      rule: (_facts, input) => {
        if (blank(input.outcome)) throw new DomainError('REASON_REQUIRED');
        return { effects: [{ kind: 'closeRectification', outcome: input.outcome }] };
      },
    },
    // 取消牌匾.
    revoke: {
      from: ['active', 'rectification'],
      to: 'revoked',
      roles: [
        ['street_admin', 'inScope'],
        ['district_admin', 'inScope'],
      ],
      rule: (facts, input, today) => {
        if (blank(input.reason)) throw new DomainError('REASON_REQUIRED');
        if (!isDate(input.decidedOn) || input.decidedOn > today)
          throw new DomainError('VALIDATION_FAILED', { field: 'decidedOn' });
        return { effects: endingEffects(facts.status, input.reason, input.decidedOn) };
      },
    },
    // The member steps down.
    close: {
      from: ['active', 'rectification'],
      to: 'closed',
      roles: [
        ['member', 'own'],
        ['street_admin', 'inScope'],
      ],
      rule: (facts, input, today) => {
        if (blank(input.reason)) throw new DomainError('REASON_REQUIRED');
        return { effects: endingEffects(facts.status, input.reason, today) };
      },
    },
    // Renewal happens before the term ends; an expired contract needs a new application.
    renew: {
      from: ['contracted', 'active'],
      to: 'same',
      roles: [['street_admin', 'inScope']],
      rule: (facts, input, today) => {
        if (facts.termEnd === null || today >= facts.termEnd) throw new DomainError('RENEWAL_TOO_LATE');
        if (!isDate(input.termEnd) || input.termEnd <= facts.termEnd) throw new DomainError('TERM_INVALID');
        const renewal = { termStart: facts.termEnd, termEnd: input.termEnd, signatories: [], renewal: true };
        return { effects: [{ kind: 'recordContract', ...renewal }] };
      },
    },
    reopen: {
      from: ['rejected'],
      to: 'draft',
      roles: [
        ['member', 'own'],
        ['community_admin', 'inScope'],
      ],
    },
  },
});

/** A review decides between the next stage and rejection, and is recorded either way. */
function review(stage: 'community' | 'street', r: Review): Outcome<StudioStatus, Effect> {
  checkReview(r);
  const passed = r.decision === 'pass';
  const to: StudioStatus = !passed ? 'rejected' : stage === 'community' ? 'community_reviewed' : 'approved';
  return { to, effects: [{ kind: 'recordReview', stage, review: r }] };
}

/** Revocation and closing retire the plaque, and end an open rectification first. */
function endingEffects(status: StudioStatus, reason: string, on: string): Effect[] {
  const effects: Effect[] = [{ kind: 'retirePlaque', reason, on }];
  if (status === 'rectification') effects.unshift({ kind: 'closeRectification', outcome: reason });
  return effects;
}

/**
 * Applies one transition: checks the scope, the actor, the status and the action's
 * preconditions, and returns the new status with the effects to persist. Throws a
 * DomainError and changes nothing when any check fails. `today` is YYYY-MM-DD.
 */
export function transition(facts: StudioFacts, input: TransitionInput, actor: Relation, today: string) {
  return studioLifecycle.apply(facts, input, actor, today);
}

/** Statuses in which a studio is public and serving: it has a plaque. */
export function isServing(status: StudioStatus): boolean {
  return status === 'active' || status === 'rectification';
}
