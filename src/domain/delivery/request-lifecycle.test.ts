import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../access/roles.ts';
import { can } from '../access/rules.ts';
import { DomainError } from '../errors.ts';
import {
  nextRequestStatus,
  requestActions,
  requestHandleRules,
  requestLifecycle,
  requestStatuses,
  type RequestAction,
  type RequestInput,
  type RequestStatus,
} from './request-lifecycle.ts';

const today = '2026-11-25';
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'UNEXPECTED';
  }
};

/** A valid input for every action; a decline that finds another studio. */
const inputs: Record<RequestAction, RequestInput> = {
  accept: { action: 'accept' },
  complete: { action: 'complete' },
  decline: { action: 'decline', nextStudioId: 8 },
};

/**
 * The request lifecycle as the service-delivery requirement describes it, written out by
 * hand: the states each action leaves from, where it goes, and who may take it ("own" means
 * only a member of the studio holding the request). The declared table must match it.
 */
const expected: Record<
  RequestAction,
  { from: RequestStatus[]; to: RequestStatus[]; roles: Array<Role | `${Role}:own`> }
> = {
  accept: {
    from: ['assigned'],
    to: ['accepted'],
    roles: ['member:own', 'district_admin', 'street_admin', 'community_admin'],
  },
  complete: {
    from: ['accepted'],
    to: ['completed'],
    roles: ['member:own', 'district_admin', 'street_admin', 'community_admin'],
  },
  decline: {
    from: ['assigned', 'accepted'],
    to: ['assigned', 'unassigned'],
    roles: ['member:own', 'district_admin', 'street_admin', 'community_admin'],
  },
};

const mayAct = (action: RequestAction, role: Role, isOwner: boolean) =>
  expected[action].roles.some((r) => r === role || (r === `${role}:own` && isOwner));
/** How a refusal answers: another's object under an `own` rule does not exist (404); otherwise 403. */
const refusal = (action: RequestAction, role: Role) =>
  expected[action].roles.includes(`${role}:own`) ? 'NOT_FOUND' : 'FORBIDDEN';

describe('the request state machine', () => {
  it('declares exactly the hand-written table of edges', () => {
    const declared = requestLifecycle.edges().map((e) => `${e.from} -${e.action}-> ${[...e.to].sort().join('|')}`);
    const written = requestActions.flatMap((action) =>
      expected[action].from.map((from) => `${from} -${action}-> ${[...expected[action].to].sort().join('|')}`),
    );
    expect(declared.sort()).toEqual(written.sort());
  });

  it('derives the `handle serviceRequest` rules: a member of the studio, or an admin in scope', () => {
    expect(requestHandleRules()).toEqual([
      { role: 'member', action: 'handle', subject: 'serviceRequest', condition: 'own' },
      { role: 'district_admin', action: 'handle', subject: 'serviceRequest', condition: 'inScope' },
      { role: 'street_admin', action: 'handle', subject: 'serviceRequest', condition: 'inScope' },
      { role: 'community_admin', action: 'handle', subject: 'serviceRequest', condition: 'inScope' },
    ]);
    const actor = { accountId: 7, username: 'm', role: 'member' as const, unitId: 1, unitPath: '/1/2/' };
    expect(can(actor, 'handle', 'serviceRequest', { unitPath: '/1/2/', ownerAccountIds: [7] })).toBe(true);
    expect(can(actor, 'handle', 'serviceRequest', { unitPath: '/1/2/', ownerAccountIds: [8] })).toBe(false);
  });

  it('offers what each status allows, in the order the cards show them', () => {
    const member = { role: 'member' as const, inScope: true, isOwner: true };
    expect(requestLifecycle.available('assigned', member)).toEqual(['accept', 'decline']);
    expect(requestLifecycle.available('accepted', member)).toEqual(['complete', 'decline']);
    expect(requestLifecycle.available('completed', member)).toEqual([]);
    expect(requestLifecycle.available('unassigned', member)).toEqual([]);
    expect(requestLifecycle.available('assigned', { ...member, isOwner: false })).toEqual([]);
    expect(requestLifecycle.available('assigned', { ...member, role: 'supervisor' })).toEqual([]);
  });

  for (const action of requestActions) {
    const rule = expected[action];
    const from = rule.from[0] ?? 'assigned';
    for (const role of roles) {
      for (const isOwner of [true, false]) {
        const allowed = mayAct(action, role, isOwner);
        it(`${allowed ? 'allows' : 'refuses'} ${action} to a ${role}${isOwner ? ' of the studio' : ''}`, () => {
          const relation = { role, inScope: true, isOwner };
          const facts = { status: from, studioId: 3 };
          expect(code(() => requestLifecycle.apply(facts, inputs[action], relation, today))).toBe(
            allowed ? undefined : refusal(action, role),
          );
          expect(requestLifecycle.available(from, relation).includes(action)).toBe(allowed);
        });
      }
    }
    it(`refuses ${action} from every status it does not leave from`, () => {
      for (const status of requestStatuses.filter((s) => !rule.from.includes(s))) {
        const relation = { role: 'member' as const, inScope: true, isOwner: true };
        expect(
          code(() => requestLifecycle.apply({ status, studioId: 3 }, inputs[action], relation, today)),
          status,
        ).toBe('TRANSITION_NOT_ALLOWED');
        expect(
          code(() => nextRequestStatus(status, action)),
          status,
        ).toBe('TRANSITION_NOT_ALLOWED');
      }
    });
    it(`answers NOT_FOUND for ${action} out of scope`, () => {
      const relation = { role: 'street_admin' as const, inScope: false, isOwner: false };
      expect(code(() => requestLifecycle.apply({ status: from, studioId: 3 }, inputs[action], relation, today))).toBe(
        'NOT_FOUND',
      );
    });
  }

  it('passes a declined request on, or leaves it unassigned when no studio is left', () => {
    const member = { role: 'member' as const, inScope: true, isOwner: true };
    expect(requestLifecycle.apply({ status: 'accepted', studioId: 3 }, inputs.decline, member, today)).toEqual({
      from: 'accepted',
      to: 'assigned',
      effects: [{ kind: 'passOn', declinedStudioId: 3, nextStudioId: 8 }],
    });
    const none = requestLifecycle.apply(
      { status: 'assigned', studioId: 3 },
      { action: 'decline', nextStudioId: null },
      member,
      today,
    );
    expect(none.to).toBe('unassigned');
    expect(nextRequestStatus('accepted', 'decline')).toBe('reassign');
  });
});
