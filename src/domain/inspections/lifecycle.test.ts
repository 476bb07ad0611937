import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../access/roles.ts';
import { DomainError } from '../errors.ts';
import {
  inspectionActions,
  inspectionLifecycle,
  inspectionStatuses,
  transitionInspection,
  withinCorrectionWindow,
  type InspectionAction,
  type InspectionFacts,
  type InspectionInput,
  type InspectionStatus,
} from './lifecycle.ts';
import { decideProposal, proposalActions, proposalLifecycle, type ProposalStatus } from './proposal.ts';

const now = '2026-11-25T08:00:00.000Z';
const facts = (status: InspectionStatus, submittedAt: string | null = '2026-11-24T08:00:00.000Z'): InspectionFacts => ({
  status,
  supervisorId: 7,
  submittedAt,
  quarterStart: '2026-09-30T16:00:00.000Z',
  now,
});
const report = {
  visitedAt: '2026-11-25T02:00:00.000Z',
  ratings: [{ code: 'commitments_posted', rating: 'A' as const, note: '承诺上墙' }],
};
const inputs: Record<InspectionAction, InspectionInput> = {
  submit: { action: 'submit', ...report },
  correct: { action: 'correct', ...report },
  reassign: { action: 'reassign', supervisorId: 8, supervisorAvailable: true },
  cancel: { action: 'cancel', reason: '工作室已撤牌' },
};

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'UNEXPECTED';
  }
};

/**
 * The inspection's lifecycle as issue 11 describes it, written out by hand: the supervisor
 * named in the plan submits once and corrects within 48 hours; the street reassigns or calls
 * off what is still planned. "own" means only the supervisor the inspection is planned for.
 */
const expected: Record<
  InspectionAction,
  { from: InspectionStatus[]; to: InspectionStatus[] | 'same'; roles: Array<Role | `${Role}:own`> }
> = {
  submit: { from: ['planned'], to: ['submitted'], roles: ['supervisor:own'] },
  correct: { from: ['submitted', 'corrected'], to: ['corrected'], roles: ['supervisor:own'] },
  reassign: { from: ['planned'], to: 'same', roles: ['street_admin'] },
  cancel: { from: ['planned'], to: ['cancelled'], roles: ['street_admin'] },
};
const mayAct = (action: InspectionAction, role: Role, isOwner: boolean) =>
  expected[action].roles.some((r) => r === role || (r === `${role}:own` && isOwner));
/** How a refusal answers: another's object under an `own` rule does not exist (404); otherwise 403. */
const refusal = (action: InspectionAction, role: Role) =>
  expected[action].roles.includes(`${role}:own`) ? 'NOT_FOUND' : 'FORBIDDEN';

describe('the inspection state machine', () => {
  it('declares exactly the hand-written table of edges', () => {
    const declared = inspectionLifecycle.edges().map((e) => `${e.from} -${e.action}-> ${[...e.to].sort().join('|')}`);
    const written = inspectionActions.flatMap((action) =>
      expected[action].from.map((from) => {
        const to = expected[action].to;
        return `${from} -${action}-> ${(to === 'same' ? [from] : [...to]).sort().join('|')}`;
      }),
    );
    expect(declared.sort()).toEqual(written.sort());
  });

  for (const action of inspectionActions) {
    const rule = expected[action];
    const from = rule.from[0] ?? 'planned';
    for (const role of roles) {
      for (const isOwner of [true, false]) {
        const allowed = mayAct(action, role, isOwner);
        it(`${allowed ? 'allows' : 'refuses'} ${action} to a ${role}${isOwner ? ' it is planned for' : ''}`, () => {
          const relation = { role, inScope: true, isOwner };
          expect(code(() => transitionInspection(facts(from), inputs[action], relation))).toBe(
            allowed ? undefined : refusal(action, role),
          );
          expect(inspectionLifecycle.available(from, relation).includes(action)).toBe(allowed);
        });
      }
    }
    const allowedRole = (rule.roles[0] ?? '').split(':')[0] as Role;
    it(`refuses ${action} from every state it does not leave from`, () => {
      for (const status of inspectionStatuses.filter((s) => !rule.from.includes(s))) {
        const relation = { role: allowedRole, inScope: true, isOwner: true };
        expect(
          code(() => transitionInspection(facts(status), inputs[action], relation)),
          status,
        ).toBe('INSPECTION_NOT_ALLOWED');
      }
    });
    it(`answers NOT_FOUND for ${action} out of scope`, () => {
      const relation = { role: allowedRole, inScope: false, isOwner: true };
      expect(code(() => transitionInspection(facts(from), inputs[action], relation))).toBe('NOT_FOUND');
    });
  }
});

describe('inspection guards', () => {
  const supervisor = { role: 'supervisor' as const, inScope: true, isOwner: true };
  const street = { role: 'street_admin' as const, inScope: true, isOwner: false };

  it('allow corrections for 48 hours after submission, and not a minute more', () => {
    expect(withinCorrectionWindow('2026-11-23T08:00:00.000Z', now)).toBe(true);
    expect(withinCorrectionWindow('2026-11-23T07:59:00.000Z', now)).toBe(false);
    expect(withinCorrectionWindow(null, now)).toBe(false);
    expect(
      code(() => transitionInspection(facts('submitted', '2026-11-23T07:00:00.000Z'), inputs.correct, supervisor)),
    ).toBe('CORRECTION_WINDOW_CLOSED');
    expect(transitionInspection(facts('corrected'), inputs.correct, supervisor).to).toBe('corrected');
  });

  it('refuse a visit in the future or before the quarter began, and fees in the notes', () => {
    const at = (visitedAt: string) => ({ ...inputs.submit, visitedAt }) as InspectionInput;
    expect(code(() => transitionInspection(facts('planned'), at('2026-11-26T08:00:00.000Z'), supervisor))).toBe(
      'VALIDATION_FAILED',
    );
    expect(code(() => transitionInspection(facts('planned'), at('2026-09-01T08:00:00.000Z'), supervisor))).toBe(
      'VALIDATION_FAILED',
    );
    // A phone's clock a minute fast is not a visit in the future.
    expect(transitionInspection(facts('planned'), at('2026-11-25T08:01:00.000Z'), supervisor).to).toBe('submitted');
    const fee = { ...inputs.submit, ratings: [{ code: 'x', rating: 'B' as const, note: '每次收费20元' }] };
    expect(code(() => transitionInspection(facts('planned'), fee, supervisor))).toBe('FEE_NOT_ALLOWED');
  });

  it('reassign only to another supervisor serving on the street', () => {
    expect(
      code(() =>
        transitionInspection(
          facts('planned'),
          { action: 'reassign', supervisorId: 7, supervisorAvailable: true },
          street,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      code(() =>
        transitionInspection(
          facts('planned'),
          { action: 'reassign', supervisorId: 8, supervisorAvailable: false },
          street,
        ),
      ),
    ).toBe('SUPERVISOR_UNAVAILABLE');
    expect(code(() => transitionInspection(facts('planned'), { action: 'cancel', reason: ' ' }, street))).toBe(
      'REASON_REQUIRED',
    );
  });
});

/** The rectification proposal, by hand: only the street decides, once. */
const expectedProposal: Record<(typeof proposalActions)[number], { from: ProposalStatus[]; to: ProposalStatus }> = {
  confirm: { from: ['proposed'], to: 'confirmed' },
  reject: { from: ['proposed'], to: 'rejected' },
};

describe('the rectification proposal', () => {
  const street = { role: 'street_admin' as const, inScope: true, isOwner: false };
  const today = '2026-11-25';

  it('declares exactly the hand-written table, for the street only', () => {
    expect(proposalLifecycle.edges().map((e) => `${e.from} -${e.action}-> ${e.to.join('|')}`)).toEqual(
      proposalActions.flatMap((a) => expectedProposal[a].from.map((f) => `${f} -${a}-> ${expectedProposal[a].to}`)),
    );
    for (const role of roles)
      expect(proposalLifecycle.available('proposed', { role, inScope: true, isOwner: true }), role).toEqual(
        role === 'street_admin' ? ['confirm', 'reject'] : [],
      );
  });

  it('is confirmed with a future deadline or rejected with a reason, and decided once', () => {
    expect(decideProposal('proposed', { action: 'confirm', deadline: '2026-12-31' }, street, today).to).toBe(
      'confirmed',
    );
    expect(code(() => decideProposal('proposed', { action: 'confirm', deadline: today }, street, today))).toBe(
      'DEADLINE_INVALID',
    );
    expect(code(() => decideProposal('proposed', { action: 'reject', reason: '' }, street, today))).toBe(
      'REASON_REQUIRED',
    );
    for (const status of ['confirmed', 'rejected', 'withdrawn'] as const)
      expect(code(() => decideProposal(status, { action: 'reject', reason: '已复核' }, street, today))).toBe(
        'PROPOSAL_NOT_PENDING',
      );
  });
});
