import { defineLifecycle, type Relation, type TransitionResult } from '../lifecycle.ts';
import { DomainError } from '../errors.ts';
import { previousQuarter, quarterInstants, quarterOfDay, firstDayOf, type Quarter } from './quarters.ts';

/** Where a citizen supervisor (群众监督员) stands on the street's roster. */
export const supervisorStatuses = ['active', 'term_ended', 'dismissed'] as const;
export type SupervisorStatus = (typeof supervisorStatuses)[number];

/** What the street does with a supervisor's appointment. */
export const supervisorActions = ['renew', 'dismiss'] as const;
export type SupervisorAction = (typeof supervisorActions)[number];

/** Years an appointment runs unless the street says otherwise. */
export const DEFAULT_TERM_YEARS = 2;

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/** The last day of a term of `years` starting on `start` (YYYY-MM-DD): 2026-12-01 → 2028-11-30. */
export function termEndFrom(start: string, years = DEFAULT_TERM_YEARS): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The status in force: an appointment whose term has run out has ended, without anyone acting. */
export function supervisorStatus(stored: string, termEnd: string, today: string): SupervisorStatus {
  if (stored === 'dismissed') return 'dismissed';
  return termEnd < today ? 'term_ended' : 'active';
}

/** Refuses an appointment whose dates make no sense. */
export function checkTerm(termStart: string, termEnd: string): void {
  if (!isDate(termStart) || !isDate(termEnd) || termEnd <= termStart) throw new DomainError('TERM_INVALID');
}

/** What a transition needs. */
export type SupervisorInput = { action: 'renew'; termEnd: string } | { action: 'dismiss'; reason: string };

/** The appointment's state machine: renewed (also after it ended) or dismissed, by the street. */
export const supervisorLifecycle = defineLifecycle<
  'supervisor',
  SupervisorStatus,
  SupervisorAction,
  { status: SupervisorStatus; termEnd: string },
  SupervisorInput,
  never
>({
  subject: 'supervisor',
  states: supervisorStatuses,
  transitions: {
    renew: {
      from: ['active', 'term_ended'],
      to: 'active',
      roles: [['street_admin', 'inScope']],
      rule: (facts, input, today) => {
        if (!isDate(input.termEnd) || input.termEnd <= facts.termEnd || input.termEnd <= today)
          throw new DomainError('TERM_INVALID');
      },
    },
    dismiss: {
      from: ['active', 'term_ended'],
      to: 'dismissed',
      roles: [['street_admin', 'inScope']],
      rule: (_facts, input) => {
        if (input.reason.trim().length === 0) throw new DomainError('REASON_REQUIRED');
      },
    },
  },
});

/** Applies the street's decision about an appointment. */
export function transitionSupervisor(
  facts: { status: SupervisorStatus; termEnd: string },
  input: SupervisorInput,
  relation: Relation,
  today: string,
): TransitionResult<SupervisorStatus, never> {
  try {
    return supervisorLifecycle.apply(facts, input, relation, today);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'TRANSITION_NOT_ALLOWED')
      throw new DomainError('SUPERVISOR_NOT_ALLOWED', e.params);
    throw e;
  }
}

/** One inspection as a supervisor's activity counts it. */
export interface ActivityItem {
  quarter: Quarter;
  status: string;
  submittedAt: string | null;
}

/** A supervisor's record: inspections done, done by their quarter's end, and not done by it. */
export interface Activity {
  done: number;
  onTime: number;
  overdue: number;
}

/**
 * Counts a supervisor's inspections at `now`: done (submitted, corrected or not), on time
 * (submitted before the quarter ended) and overdue (the quarter ended before it was done,
 * whether it was done late or is still open). Cancelled inspections count for nothing.
 */
export function activityOf(items: readonly ActivityItem[], now: string): Activity {
  let done = 0;
  let onTime = 0;
  let overdue = 0;
  for (const i of items) {
    if (i.status === 'cancelled') continue;
    const { end } = quarterInstants(i.quarter);
    if (i.submittedAt !== null) {
      done += 1;
      if (i.submittedAt < end) onTime += 1;
      else overdue += 1;
    } else if (now >= end) overdue += 1;
  }
  return { done, onTime, overdue };
}

/**
 * A supervisor is inactive who, appointed before the last two finished quarters began,
 * submitted no inspection in them nor in the current quarter so far.
 */
export function isInactive(appointedOn: string, submittedQuarters: ReadonlySet<string>, today: string): boolean {
  const current = quarterOfDay(today);
  const last = previousQuarter(current);
  const before = previousQuarter(last);
  if (appointedOn > firstDayOf(before)) return false;
  return ![before, last, current].some((q) => submittedQuarters.has(q));
}
