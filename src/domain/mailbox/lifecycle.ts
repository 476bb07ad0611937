import { defineLifecycle, type Relation } from '../lifecycle.ts';
import { DomainError } from '../errors.ts';
import type { Closure, Finding, LetterType, Verdict } from './letters.ts';

/** Where a letter stands, from receipt to closing. */
export const letterStatuses = [
  'received',
  'assigned',
  'acknowledged',
  'replied',
  'reopened',
  'second_replied',
  'under_review',
  'closed',
] as const;
export type LetterStatus = (typeof letterStatuses)[number];

/** Every transition of a letter. */
export const letterActions = [
  'assign',
  'acknowledge',
  'extend',
  'reply',
  'rate',
  'replyAgain',
  'rateAgain',
  'rule',
  'closeUnrated',
  'forward',
] as const;
export type LetterAction = (typeof letterActions)[number];

/** The transitions staff take (with an account); the others are the writer's (by tracking code) or the system's. */
export const letterStaffActions = ['assign', 'acknowledge', 'extend', 'reply', 'replyAgain', 'rule'] as const;
export type LetterStaffAction = (typeof letterStaffActions)[number];

/** Who takes each transition. */
export const letterActorOf: Record<LetterAction, 'staff' | 'writer' | 'system'> = {
  assign: 'staff',
  acknowledge: 'staff',
  extend: 'staff',
  reply: 'staff',
  rate: 'writer',
  replyAgain: 'staff',
  rateAgain: 'writer',
  rule: 'staff',
  closeUnrated: 'system',
  forward: 'system',
};

/** What a transition needs, by action. */
export type LetterInput =
  | { action: 'assign'; handlerId: number; handlerEligible: boolean }
  | { action: 'acknowledge'; note: string }
  | { action: 'extend'; days: number; reason: string; maxDays: number }
  | { action: 'reply'; text: string }
  | { action: 'rate'; verdict: Verdict; comment: string }
  | { action: 'replyAgain'; text: string }
  | { action: 'rateAgain'; verdict: Verdict; comment: string }
  | { action: 'rule'; finding: Finding; reason: string; byHandler: boolean }
  | { action: 'closeUnrated' }
  | { action: 'forward'; to: string };

/** What the guards look at. */
export interface LetterFacts {
  status: LetterStatus;
  type: LetterType;
  /** The one extension has been used. */
  extended: boolean;
  /** The last day the writer may rate the latest reply (null before a reply). */
  ratingDue: string | null;
}

/** What a transition asks the service to persist, besides the new status. */
export type LetterEffect =
  | { kind: 'assignHandler'; handlerId: number }
  | { kind: 'acknowledge'; note: string }
  | { kind: 'extend'; days: number; reason: string }
  | { kind: 'reply'; round: 1 | 2; text: string }
  | { kind: 'verdict'; round: 1 | 2; verdict: Verdict; comment: string }
  | { kind: 'reopen' }
  | { kind: 'ruling'; finding: Finding; reason: string }
  | { kind: 'forward'; to: string; on: string }
  | { kind: 'close'; closure: Closure };

const blank = (s: string) => s.trim().length === 0;

function replyRule(round: 1 | 2) {
  return (_facts: LetterFacts, input: { text: string }) => {
    if (blank(input.text)) throw new DomainError('VALIDATION_FAILED', { field: 'text' });
    return { effects: [{ kind: 'reply', round, text: input.text } as LetterEffect] };
  };
}

function checkRatingWindow(facts: LetterFacts, today: string): void {
  if (facts.ratingDue !== null && today > facts.ratingDue) throw new DomainError('RATING_WINDOW_CLOSED');
}

/**
 * The letter's state machine. The street's access rules (domain/access/rules.ts) and each
 * letter's `allowedActions` come from this table; the writer's and the system's transitions
 * have no staff role and are taken through `applyLetter`.
 */
export const letterLifecycle = defineLifecycle<
  'letter',
  LetterStatus,
  LetterAction,
  LetterFacts,
  LetterInput,
  LetterEffect
>({
  subject: 'letter',
  states: letterStatuses,
  transitions: {
    // 首接负责: the street names the handler who owns the letter until it is closed.
    assign: {
      from: ['received'],
      to: 'assigned',
      roles: [['street_admin', 'inScope']],
      rule: (_facts, input) => {
        if (!input.handlerEligible) throw new DomainError('HANDLER_NOT_ELIGIBLE');
        return { effects: [{ kind: 'assignHandler', handlerId: input.handlerId }] };
      },
    },
    acknowledge: {
      from: ['assigned'],
      to: 'acknowledged',
      roles: [['street_admin', 'own']],
      rule: (_facts, input) => ({ effects: [{ kind: 'acknowledge', note: input.note }] }),
    },
    // One extension per letter, of at most `maxDays` working days, with a reason the writer sees.
    extend: {
      from: ['acknowledged', 'reopened'],
      to: 'same',
      roles: [['street_admin', 'own']],
      rule: (facts, input) => {
        if (facts.extended) throw new DomainError('EXTENSION_ALREADY_USED');
        if (!Number.isInteger(input.days) || input.days < 1)
          throw new DomainError('VALIDATION_FAILED', { field: 'days' });
        if (input.days > input.maxDays) throw new DomainError('EXTENSION_TOO_LONG', { max: input.maxDays });
        if (blank(input.reason)) throw new DomainError('REASON_REQUIRED');
        return { effects: [{ kind: 'extend', days: input.days, reason: input.reason }] };
      },
    },
    reply: {
      from: ['acknowledged'],
      to: 'replied',
      roles: [['street_admin', 'own']],
      rule: replyRule(1),
    },
    // The writer's verdict; 不满意 reopens the letter once.
    rate: {
      from: ['replied'],
      to: ['closed', 'reopened'],
      roles: [],
      rule: (facts, input, today) => {
        checkRatingWindow(facts, today);
        const verdict: LetterEffect = { kind: 'verdict', round: 1, verdict: input.verdict, comment: input.comment };
        if (input.verdict === 'unsatisfied') return { to: 'reopened', effects: [verdict, { kind: 'reopen' }] };
        return { to: 'closed', effects: [verdict, { kind: 'close', closure: 'rated' }] };
      },
    },
    replyAgain: {
      from: ['reopened'],
      to: 'second_replied',
      roles: [['street_admin', 'own']],
      rule: replyRule(2),
    },
    // A second 不满意 on a complaint goes to a reviewer; on a suggestion or praise it stands as the verdict.
    rateAgain: {
      from: ['second_replied'],
      to: ['closed', 'under_review'],
      roles: [],
      rule: (facts, input, today) => {
        checkRatingWindow(facts, today);
        const verdict: LetterEffect = { kind: 'verdict', round: 2, verdict: input.verdict, comment: input.comment };
        if (input.verdict === 'unsatisfied' && facts.type === 'complaint')
          return { to: 'under_review', effects: [verdict] };
        return { to: 'closed', effects: [verdict, { kind: 'close', closure: 'rated' }] };
      },
    },
    // 属实 / 不属实, by someone other than the handler: another member of the street's staff, or the district.
    rule: {
      from: ['under_review'],
      to: 'closed',
      roles: [
        ['street_admin', 'inScope'],
        ['district_admin', 'inScope'],
      ],
      rule: (_facts, input) => {
        if (input.byHandler) throw new DomainError('RULING_BY_HANDLER');
        if (blank(input.reason)) throw new DomainError('REASON_REQUIRED');
        return {
          effects: [
            { kind: 'ruling', finding: input.finding, reason: input.reason },
            { kind: 'close', closure: 'ruled' },
          ],
        };
      },
    },
    // No verdict within the window stays 未评价: the letter closes, never counted as satisfied.
    closeUnrated: {
      from: ['replied', 'second_replied'],
      to: 'closed',
      roles: [],
      rule: (facts, _input, today) => {
        if (facts.ratingDue === null || today <= facts.ratingDue)
          throw new DomainError('LETTER_STATE_CONFLICT', { status: facts.status });
        return { effects: [{ kind: 'close', closure: 'unrated' }] };
      },
    },
    // 检举控告 is not the street's to handle: it is forwarded to the discipline inspection body at once.
    forward: {
      from: ['received'],
      to: 'closed',
      roles: [],
      rule: (facts, input, today) => {
        if (facts.type !== 'accusation') throw new DomainError('LETTER_STATE_CONFLICT', { status: facts.status });
        return {
          effects: [
            { kind: 'forward', to: input.to, on: today },
            { kind: 'close', closure: 'forwarded' },
          ],
        };
      },
    },
  },
});

/** Who is taking a transition: a staff account (with its relation to the letter), the writer, or the system. */
export type LetterActor = { kind: 'staff'; relation: Relation } | { kind: 'writer' } | { kind: 'system' };

/**
 * Applies one transition. Staff go through the lifecycle's checks (scope 404, role 403,
 * state 409); the writer (holding the tracking code) and the system may take only their own
 * transitions, from the states the table declares. Throws a DomainError and decides nothing
 * when a check fails. `today` is the China date, YYYY-MM-DD.
 */
export function applyLetter(facts: LetterFacts, input: LetterInput, actor: LetterActor, today: string) {
  if (actor.kind === 'staff') {
    try {
      return letterLifecycle.apply(facts, input, actor.relation, today);
    } catch (e) {
      // The lifecycle's state error speaks of studios; a letter's has a message of its own.
      if (e instanceof DomainError && e.code === 'TRANSITION_NOT_ALLOWED')
        throw new DomainError('LETTER_STATE_CONFLICT', { status: facts.status });
      throw e;
    }
  }
  if (letterActorOf[input.action] !== actor.kind) throw new DomainError('FORBIDDEN');
  const spec = letterLifecycle.spec(input.action) as {
    from: readonly LetterStatus[];
    to: LetterStatus | 'same' | readonly LetterStatus[];
    rule?: (f: LetterFacts, i: LetterInput, t: string) => { to?: LetterStatus; effects?: LetterEffect[] } | void;
  };
  if (!spec.from.includes(facts.status)) throw new DomainError('LETTER_STATE_CONFLICT', { status: facts.status });
  const outcome = spec.rule?.(facts, input, today) ?? {};
  const possible: readonly LetterStatus[] =
    spec.to === 'same' ? [facts.status] : typeof spec.to === 'string' ? [spec.to] : spec.to;
  const to = outcome.to ?? (possible.length === 1 ? possible[0] : undefined);
  if (to === undefined || !possible.includes(to)) throw new Error(`letter.${input.action}: no target`);
  return { from: facts.status, to, effects: outcome.effects ?? [] };
}

/** Statuses in which the letter is still open. */
export function isOpen(status: LetterStatus): boolean {
  return status !== 'closed';
}
