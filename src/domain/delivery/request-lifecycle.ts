import { allow, type Condition, type Rule } from '../access/policy.ts';
import type { Role } from '../access/roles.ts';
import { DomainError } from '../errors.ts';
import { defineLifecycle } from '../lifecycle.ts';

/** Where a resident's request stands. */
export const requestStatuses = ['assigned', 'accepted', 'completed', 'unassigned'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** What a studio's member (or an admin acting for the studio) may do with a request. */
export const requestActions = ['accept', 'complete', 'decline'] as const;
export type RequestAction = (typeof requestActions)[number];

/**
 * What a transition needs. A decline names the studio the request passes to (chosen by
 * routing before the transition), or null when no studio near enough is left.
 */
export type RequestInput =
  { action: 'accept' } | { action: 'complete' } | { action: 'decline'; nextStudioId: number | null };

/** What the guards look at. */
export interface RequestFacts {
  status: RequestStatus;
  studioId: number | null;
}

/** What a transition asks the service to persist, besides the new status. */
export type RequestEffect =
  | { kind: 'recordAcceptance' }
  | { kind: 'recordCompletion' }
  | { kind: 'passOn'; declinedStudioId: number | null; nextStudioId: number | null };

// Who serves a request: the members of the studio holding it, or an admin whose subtree holds it.
const handlers: ReadonlyArray<readonly [Role, Condition]> = [
  ['member', 'own'],
  ['district_admin', 'inScope'],
  ['street_admin', 'inScope'],
  ['community_admin', 'inScope'],
];

/**
 * The request's state machine. A request is assigned to the best studio when it is made
 * (or left unassigned when none is near); the studio accepts and completes it, or declines
 * it and routing passes it to the next studio. The `handle serviceRequest` access rules and
 * each request's `allowedActions` come from this table.
 */
export const requestLifecycle = defineLifecycle<
  'serviceRequest',
  RequestStatus,
  RequestAction,
  RequestFacts,
  RequestInput,
  RequestEffect
>({
  subject: 'serviceRequest',
  states: requestStatuses,
  transitions: {
    accept: {
      from: ['assigned'],
      to: 'accepted',
      roles: handlers,
      rule: () => ({ effects: [{ kind: 'recordAcceptance' }] }),
    },
    complete: {
      from: ['accepted'],
      to: 'completed',
      roles: handlers,
      rule: () => ({ effects: [{ kind: 'recordCompletion' }] }),
    },
    // A declined request is never dropped: it passes on, or waits unassigned for staff.
    decline: {
      from: ['assigned', 'accepted'],
      to: ['assigned', 'unassigned'],
      roles: handlers,
      rule: (facts, input) => ({
        to: input.nextStudioId === null ? 'unassigned' : 'assigned',
        effects: [{ kind: 'passOn', declinedStudioId: facts.studioId, nextStudioId: input.nextStudioId }],
      }),
    },
  },
});

/**
 * The `handle serviceRequest` rules the routes check: one per (role, condition) that may take
 * any transition of the request lifecycle.
 */
export function requestHandleRules(): Rule<'handle', 'serviceRequest'>[] {
  const seen = new Set<string>();
  return requestLifecycle.rules().flatMap((r) => {
    const key = `${r.role}:${r.condition}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [allow(r.role, 'handle' as const, 'serviceRequest' as const, r.condition)];
  });
}

/**
 * The status an action leads to from a status, whoever acts: `reassign` for a decline (where
 * it lands depends on routing). Throws TRANSITION_NOT_ALLOWED when the action does not leave
 * from that status, so a service can refuse before it routes.
 */
export function nextRequestStatus(status: RequestStatus, action: RequestAction): RequestStatus | 'reassign' {
  const edge = requestLifecycle.edges().find((e) => e.action === action && e.from === status);
  if (!edge) throw new DomainError('TRANSITION_NOT_ALLOWED', { action, status });
  const [only] = edge.to;
  return edge.to.length === 1 && only !== undefined ? only : 'reassign';
}
