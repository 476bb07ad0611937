import { defineLifecycle, type Relation, type TransitionResult } from '../lifecycle.ts';
import { DomainError } from '../errors.ts';
import { mentionsFee } from '../studios/unpaid.ts';
import type { ItemRating } from './checklist.ts';

/** Where an inspection stands: planned for the quarter, submitted by its supervisor, corrected afterwards, or called off. */
export const inspectionStatuses = ['planned', 'submitted', 'corrected', 'cancelled'] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];

/** Every transition of an inspection. */
export const inspectionActions = ['submit', 'correct', 'reassign', 'cancel'] as const;
export type InspectionAction = (typeof inspectionActions)[number];

/** Hours after submission during which its author may correct an inspection. */
export const CORRECTION_HOURS = 48;

/** What the guards look at. `now` is the instant of the request (ISO). */
export interface InspectionFacts {
  status: InspectionStatus;
  supervisorId: number;
  submittedAt: string | null;
  /** The first instant of the inspection's quarter: no visit before it counts. */
  quarterStart: string;
  now: string;
}

/** What the form sends: when the visit was, and the rating of every item. */
export interface InspectionReport {
  visitedAt: string;
  ratings: ItemRating[];
}

/** What a transition needs, by action. */
export type InspectionInput =
  | ({ action: 'submit' } & InspectionReport)
  | ({ action: 'correct' } & InspectionReport)
  | { action: 'reassign'; supervisorId: number; supervisorAvailable: boolean }
  | { action: 'cancel'; reason: string };

const blank = (s: string) => s.trim().length === 0;

/** The visit lies in the inspection's quarter and not in the future (a phone's clock may run a little fast). */
function checkReport(report: InspectionReport, facts: InspectionFacts): void {
  const visited = Date.parse(report.visitedAt);
  if (Number.isNaN(visited) || visited > Date.parse(facts.now) + 5 * 60_000 || visited < Date.parse(facts.quarterStart))
    throw new DomainError('VALIDATION_FAILED', { field: 'visitedAt' });
  if (report.ratings.some((r) => mentionsFee(r.note))) throw new DomainError('FEE_NOT_ALLOWED');
}

/** Whether an inspection submitted at `submittedAt` may still be corrected at `now`. */
export function withinCorrectionWindow(submittedAt: string | null, now: string): boolean {
  return submittedAt !== null && Date.parse(now) - Date.parse(submittedAt) <= CORRECTION_HOURS * 3_600_000;
}

/**
 * The inspection's state machine. The supervisor the plan names submits it once and may
 * correct it for 48 hours; the street reassigns or cancels it while it is still planned.
 * The access rules and each inspection's `allowedActions` come from this table.
 */
export const inspectionLifecycle = defineLifecycle<
  'inspection',
  InspectionStatus,
  InspectionAction,
  InspectionFacts,
  InspectionInput,
  never
>({
  subject: 'inspection',
  states: inspectionStatuses,
  transitions: {
    submit: {
      from: ['planned'],
      to: 'submitted',
      roles: [['supervisor', 'own']],
      rule: (facts, input) => checkReport(input, facts),
    },
    correct: {
      from: ['submitted', 'corrected'],
      to: 'corrected',
      roles: [['supervisor', 'own']],
      rule: (facts, input) => {
        if (!withinCorrectionWindow(facts.submittedAt, facts.now))
          throw new DomainError('CORRECTION_WINDOW_CLOSED', { hours: CORRECTION_HOURS });
        checkReport(input, facts);
      },
    },
    reassign: {
      from: ['planned'],
      to: 'same',
      roles: [['street_admin', 'inScope']],
      rule: (facts, input) => {
        if (input.supervisorId === facts.supervisorId)
          throw new DomainError('VALIDATION_FAILED', { field: 'supervisorId' });
        if (!input.supervisorAvailable) throw new DomainError('SUPERVISOR_UNAVAILABLE');
      },
    },
    cancel: {
      from: ['planned'],
      to: 'cancelled',
      roles: [['street_admin', 'inScope']],
      rule: (_facts, input) => {
        if (blank(input.reason)) throw new DomainError('REASON_REQUIRED');
      },
    },
  },
});

/**
 * Applies one transition of an inspection. A refusal for the state names the inspection's
 * state, not a studio's (the shared lifecycle helper's message speaks of studios).
 */
export function transitionInspection(
  facts: InspectionFacts,
  input: InspectionInput,
  relation: Relation,
): TransitionResult<InspectionStatus, never> {
  try {
    return inspectionLifecycle.apply(facts, input, relation, facts.now.slice(0, 10));
  } catch (e) {
    if (e instanceof DomainError && e.code === 'TRANSITION_NOT_ALLOWED')
      throw new DomainError('INSPECTION_NOT_ALLOWED', e.params);
    throw e;
  }
}
